package io.alphintra.sdk.harness;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.Fill;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.strategy.StrategyState;

/**
 * What a run did, for assertions: orders with their reports, fills, positions, cash and P&amp;L. Amounts are exact
 * {@link Money} at the instrument's notional scale ({@code priceScale + quantityScale}) or the scale of the cash
 * given to the harness, whichever is larger; compare them with {@link Money#compareTo} or at that scale.
 * Unrealised P&amp;L and equity mark open positions at the last recorded price.
 */
public final class HarnessResult {

    private final List<OrderHistory> orders;
    private final List<Fill> fills;
    private final Portfolio portfolio;
    private final List<LogEntry> log;
    private final Map<String, String> state;
    private final long startNanos;
    private final long endNanos;
    private final String endReason;

    HarnessResult(List<OrderHistory> orders, List<Fill> fills, Portfolio portfolio, List<LogEntry> log,
            StrategyState state, long startNanos, long endNanos, String endReason) {
        this.orders = List.copyOf(orders);
        this.fills = List.copyOf(fills);
        this.portfolio = portfolio;
        this.log = List.copyOf(log);
        Map<String, String> values = new TreeMap<>();
        state.keys().forEach(key -> values.put(key, state.get(key).orElseThrow()));
        this.state = Collections.unmodifiableMap(values);
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.endReason = endReason;
    }

    /** Every order the strategy submitted, in submission order. */
    public List<OrderHistory> orders() {
        return orders;
    }

    /**
     * The order that carried {@code clientOrderId} (submitted under it, or replaced to it).
     *
     * @throws IllegalArgumentException if no order did
     */
    public OrderHistory order(ClientOrderId clientOrderId) {
        return orders.stream().filter(order -> order.clientOrderIds().contains(clientOrderId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no order carried " + clientOrderId + "; orders: "
                        + orders.stream().map(OrderHistory::clientOrderIds).toList()));
    }

    /** Every execution booked, in time order, with its fee. */
    public List<Fill> fills() {
        return fills;
    }

    /** The strategy's position in an instrument, if it traded it. */
    public Optional<Position> position(InstrumentId instrumentId) {
        return portfolio.position(instrumentId);
    }

    public List<Position> positions() {
        return portfolio.positions();
    }

    /** Cash at the end: what the harness was given plus every fill's proceeds, less fees. */
    public Money cash(Currency currency) {
        return portfolio.cash(currency);
    }

    /** Realised P&amp;L, after fees, of the instruments quoted in {@code currency}. */
    public Money realizedPnl(Currency currency) {
        return portfolio.realizedPnl(currency);
    }

    /** Unrealised P&amp;L of the open positions quoted in {@code currency}. */
    public Money unrealizedPnl(Currency currency) {
        return portfolio.unrealizedPnl(currency);
    }

    /** Fees charged in {@code currency}. */
    public Money fees(Currency currency) {
        return portfolio.fees(currency);
    }

    /** The last recorded price of an instrument, in price units, which open positions are marked at. */
    public OptionalLong markPrice(InstrumentId instrumentId) {
        return portfolio.markPrice(instrumentId);
    }

    /** Cash in the base currency plus the open positions at their marks; see {@link Summary}. */
    public Money equity() {
        return portfolio.equity();
    }

    public Summary summary() {
        Currency base = portfolio.baseCurrency();
        int rejected = (int) orders.stream().filter(order -> order.status() == OrderStatus.REJECTED).count();
        return new Summary(orders.size(), fills.size(), rejected, realizedPnl(base), unrealizedPnl(base),
                fees(base), equity());
    }

    /** What the strategy logged, in order. */
    public List<LogEntry> log() {
        return log;
    }

    /** The strategy's state store at the end, sorted by key. */
    public Map<String, String> state() {
        return state;
    }

    /** Virtual time of the start: the first recorded print, epoch nanoseconds. */
    public long startNanos() {
        return startNanos;
    }

    /** Virtual time when the last answer from the venue arrived, epoch nanoseconds. */
    public long endNanos() {
        return endNanos;
    }

    /** Why the run ended: {@code the recording ended}, or {@code requested by the strategy: <reason>}. */
    public String endReason() {
        return endReason;
    }
}

package io.alphintra.benchmarks.risk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.risk.CreditScope;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * A {@link PreTradeContext} as the engine's reused view answers a new order: figures ready-made, so that the
 * measurement is of the checks alone (the engine's own cost of answering is its benchmark's business). Only the
 * clock moves.
 */
final class BenchContext implements PreTradeContext {
    private final Instrument instrument;
    private final OptionalLong lastTrade;
    private final OptionalLong mid;
    private final long creditUsed;
    private final long net;
    private final long workingBuys;
    private final long workingSells;
    private long now;

    BenchContext(Instrument instrument, long lastTrade, long net, long workingBuys, long workingSells,
            long creditUsed) {
        this.instrument = instrument;
        this.lastTrade = OptionalLong.of(lastTrade);
        this.mid = OptionalLong.of(lastTrade + 1);
        this.creditUsed = creditUsed;
        this.net = net;
        this.workingBuys = workingBuys;
        this.workingSells = workingSells;
    }

    BenchContext at(long nanos) {
        now = nanos;
        return this;
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public AccountSnapshot account() {
        return new AccountSnapshot("ACC-0", instrument.quoteCurrency(), Map.of(), List.of(), now);
    }

    @Override
    public Optional<Position> position() {
        return Optional.empty();
    }

    @Override
    public long accountNetQuantity() {
        return net;
    }

    @Override
    public long accountWorkingQuantity(Side side) {
        return side == Side.BUY ? workingBuys : workingSells;
    }

    @Override
    public Money openOrdersNotional() {
        return Money.zero(instrument.quoteCurrency());
    }

    @Override
    public OptionalLong referencePrice() {
        return lastTrade;
    }

    @Override
    public long referencePriceAgeNanos() {
        return 1_000_000; // a millisecond
    }

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public Optional<OpenOrder> replacing() {
        return Optional.empty();
    }

    @Override
    public long strategyNetQuantity() {
        return net / 2;
    }

    @Override
    public long strategyWorkingQuantity(Side side) {
        return (side == Side.BUY ? workingBuys : workingSells) / 2;
    }

    /** The mid a tick above the last trade, as fresh as it. */
    @Override
    public OptionalLong midPrice() {
        return mid;
    }

    @Override
    public long midPriceAgeNanos() {
        return 1_000_000;
    }

    /** A tenth of the credit the benchmark's limits allow in every scope and currency. */
    @Override
    public long creditUsed(CreditScope scope, Currency currency) {
        return creditUsed;
    }
}

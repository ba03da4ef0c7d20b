package ${package};

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.strategy.BaseStrategy;

/**
 * Long-only moving-average crossover on trade prices: buys {@code quantity} when the fast simple moving average
 * crosses above the slow one, and sells what it holds when it crosses back below.
 *
 * <p>Runs on the engine thread: no locks, no allocation per trade beyond the order itself, prices kept as
 * {@code long} price units. Averages are compared exactly by cross-multiplying the window sums
 * ({@code fastSum * slowWindow} against {@code slowSum * fastWindow}), so no division or rounding is involved.
 */
public final class MovingAverageCrossStrategy extends BaseStrategy {

    private final InstrumentId instrumentId;
    private final int fastWindow;
    private final int slowWindow;
    private final String quantityText;
    private Instrument instrument;
    private long quantity;

    private final long[] prices;
    private int count;
    private int next;
    private long fastSum;
    private long slowSum;
    private int lastSignal;
    private long held;
    private boolean orderWorking;

    MovingAverageCrossStrategy(InstrumentId instrumentId, int fastWindow, int slowWindow, String quantityText) {
        this.instrumentId = instrumentId;
        this.fastWindow = fastWindow;
        this.slowWindow = slowWindow;
        this.quantityText = quantityText;
        this.prices = new long[slowWindow];
    }

    @Override
    protected void onStarted() {
        // Reference data is the host's; the quantity's scale and lot size are known only now.
        instrument = context().instrument(instrumentId).orElseThrow(() -> new IllegalStateException(
                "no reference data for " + instrumentId));
        String field = "parameter 'quantity' of strategy instance '" + context().instanceId() + "'";
        quantity = instrument.requireValidQuantity(field, instrument.parseQuantity(field, quantityText));
        context().subscribe(instrumentId, MarketDataType.TRADES);
    }

    @Override
    public void onTrade(Trade trade) {
        if (!trade.instrumentId().equals(instrumentId)) {
            return;
        }
        add(trade.price());
        if (count < slowWindow) {
            return;
        }
        int signal = Long.signum(Long.compare(Math.multiplyExact(fastSum, slowWindow),
                Math.multiplyExact(slowSum, fastWindow)));
        if (signal != 0 && signal != lastSignal) {
            if (lastSignal != 0 && !orderWorking) {
                act(signal);
            }
            lastSignal = signal;
        }
    }

    @Override
    public void onExecution(ExecutionReport report) {
        if (report.execType() == ExecType.TRADE) {
            held += report.side().sign() * report.lastQuantity();
        }
        if (report.isTerminal()) {
            orderWorking = false;
        }
    }

    /** What the strategy holds by its own fills, in quantity units. */
    long held() {
        return held;
    }

    private void act(int signal) {
        if (signal > 0 && held == 0) {
            send(Side.BUY, quantity);
        } else if (signal < 0 && held > 0) {
            send(Side.SELL, held);
        }
    }

    private void send(Side side, long orderQuantity) {
        orderWorking = true;
        context().submit(OrderRequest.market(context().nextClientOrderId(), instrument, side, orderQuantity,
                TimeInForce.DAY, context().attribution()));
    }

    private void add(long price) {
        // The ring holds the last slowWindow prices; the fast window is its newest fastWindow entries.
        if (count == slowWindow) {
            slowSum -= prices[next];
        }
        if (count >= fastWindow) {
            fastSum -= prices[Math.floorMod(next - fastWindow, slowWindow)];
        }
        prices[next] = price;
        slowSum = Math.addExact(slowSum, price);
        fastSum = Math.addExact(fastSum, price);
        next = (next + 1) % slowWindow;
        if (count < slowWindow) {
            count++;
        }
    }
}

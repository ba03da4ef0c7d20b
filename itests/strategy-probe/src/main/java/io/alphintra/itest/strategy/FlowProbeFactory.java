package io.alphintra.itest.strategy;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.strategy.BaseStrategy;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyFactory;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;

/**
 * Strategy type {@code itest-flow}, for the throttle tests; it trades its first configured instrument once it has
 * seen a trade there, quantity {@code quantity} (a decimal):
 * <ul>
 *   <li>{@code burst} (default 0): that many bids resting far below the market, sent in one callback;</li>
 *   <li>{@code laterMillis} (default 0: never): that long after the burst, one more resting bid;</li>
 *   <li>{@code takes} (default 0): that many marketable IOC buys, one every 100 ms (well below the flood limit).</li>
 * </ul>
 * It logs every report it is told of as {@code flow <instance>: <execType> <clientOrderId> <rejectReason>}, so a test
 * sees what the strategy heard.
 */
@Component(service = StrategyFactory.class)
public final class FlowProbeFactory implements StrategyFactory {
    private static final long TAKE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Override
    public String type() {
        return "itest-flow";
    }

    @Override
    public Strategy create(StrategyConfig config) {
        return new Flow(config.instanceId(), config.instruments().get(0), config.getString("quantity", "1"),
                Integer.parseInt(config.getString("burst", "0")), Long.parseLong(config.getString("laterMillis", "0")),
                Integer.parseInt(config.getString("takes", "0")));
    }

    static final class Flow extends BaseStrategy {
        private final String instanceId;
        private final InstrumentId instrumentId;
        private final String quantity;
        private final int burst;
        private final long laterMillis;
        private int takesLeft;
        private long lastPrice;
        private long laterTimer = -1;

        Flow(String instanceId, InstrumentId instrumentId, String quantity, int burst, long laterMillis, int takes) {
            this.instanceId = instanceId;
            this.instrumentId = instrumentId;
            this.quantity = quantity;
            this.burst = burst;
            this.laterMillis = laterMillis;
            this.takesLeft = takes;
        }

        @Override
        protected void onStarted() {
            context().subscribe(instrumentId, MarketDataType.TRADES);
        }

        @Override
        public void onTrade(Trade trade) {
            boolean first = lastPrice == 0;
            lastPrice = trade.price();
            if (!first) {
                return;
            }
            for (int i = 0; i < burst; i++) {
                restBid(i);
            }
            if (laterMillis > 0) {
                laterTimer = context().scheduleTimer(TimeUnit.MILLISECONDS.toNanos(laterMillis));
            }
            if (takesLeft > 0) {
                context().scheduleRepeatingTimer(TAKE_EVERY_NANOS, TAKE_EVERY_NANOS);
            }
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            if (timerId == laterTimer) {
                restBid(burst);
            } else if (takesLeft > 0) {
                takesLeft--;
                Instrument instrument = instrument();
                context().submit(OrderRequest.limit(context().nextClientOrderId(), instrument, Side.BUY, units(),
                        instrument.tickTable().ceil(lastPrice + lastPrice / 20), TimeInForce.IOC,
                        context().attribution()));
            }
        }

        @Override
        public void onExecution(ExecutionReport report) {
            context().log(Level.INFO, "flow " + instanceId + ": " + report.execType() + " " + report.clientOrderId()
                    + " " + report.rejectReason());
        }

        /** A bid at half the last price, {@code n} ticks lower still, so no two of them are alike. */
        private void restBid(int n) {
            Instrument instrument = instrument();
            long price = instrument.tickTable().floor(lastPrice / 2);
            for (int i = 0; i < n; i++) {
                price = instrument.tickTable().floor(price - 1);
            }
            context().submit(OrderRequest.limit(context().nextClientOrderId(), instrument, Side.BUY, units(), price,
                    TimeInForce.GTC, context().attribution()));
        }

        private Instrument instrument() {
            return context().instrument(instrumentId).orElseThrow();
        }

        private long units() {
            return instrument().parseQuantity("quantity", quantity);
        }
    }
}

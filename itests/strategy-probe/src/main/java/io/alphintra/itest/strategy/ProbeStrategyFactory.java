package io.alphintra.itest.strategy;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import io.alphintra.sdk.strategy.BaseStrategy;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Strategy type {@code itest-probe} (parameter {@code quantity}, a decimal): on the first trade it sees, buys marketable
 * (IOC, 5 % through the last price) and rests a bid at half the last price that will not fill, so a test sees a fill
 * and a working order. With {@code failAfterFill = true} it reads its account once its fill is reported and then
 * throws, naming the position the account holds, so a test sees both the account and the quarantine.
 */
@Component(service = StrategyFactory.class)
public final class ProbeStrategyFactory implements StrategyFactory {

    @Override
    public String type() {
        return "itest-probe";
    }

    @Override
    public Strategy create(StrategyConfig config) {
        return new Probe(config.instruments().get(0), config.getString("quantity", "1"),
                Boolean.parseBoolean(config.getString("failAfterFill", "false")));
    }

    static final class Probe extends BaseStrategy {
        private final InstrumentId instrumentId;
        private final String quantity;
        private final boolean failAfterFill;
        private boolean traded;

        Probe(InstrumentId instrumentId, String quantity, boolean failAfterFill) {
            this.instrumentId = instrumentId;
            this.quantity = quantity;
            this.failAfterFill = failAfterFill;
        }

        @Override
        public void onExecution(ExecutionReport report) {
            if (failAfterFill && report.execType() == ExecType.TRADE) {
                AccountSnapshot account = context().account();
                long held = account.positions(instrumentId).stream().mapToLong(Position::netQuantity).sum();
                throw new IllegalStateException("deliberate failure: account " + account.accountId() + " holds "
                        + held + " lots of " + instrumentId);
            }
        }

        @Override
        protected void onStarted() {
            context().subscribe(instrumentId, MarketDataType.TRADES);
        }

        @Override
        public void onTrade(Trade trade) {
            if (traded) {
                return;
            }
            traded = true;
            Instrument instrument = context().instrument(instrumentId).orElseThrow();
            long units = instrument.parseQuantity("quantity", quantity);
            long last = trade.price();
            long aggressive = instrument.tickTable().ceil(last + last / 20);
            long resting = instrument.tickTable().floor(last / 2);
            context().submit(OrderRequest.limit(context().nextClientOrderId(), instrument, Side.BUY, units,
                    aggressive, TimeInForce.IOC, context().attribution()));
            context().submit(OrderRequest.limit(context().nextClientOrderId(), instrument, Side.BUY, units,
                    resting, TimeInForce.GTC, context().attribution()));
        }
    }
}

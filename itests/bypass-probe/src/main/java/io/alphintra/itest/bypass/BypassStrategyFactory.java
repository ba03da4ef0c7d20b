package io.alphintra.itest.bypass;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.strategy.BaseStrategy;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyFactory;
import org.osgi.service.component.annotations.Component;

/**
 * Strategy type {@code itest-bypass} (parameter {@code quantity}, a decimal): on the first trade it sees, buys once,
 * marketable (IOC, 5 % through the last price), through its {@code StrategyContext}: the path a strategy does have
 * while {@link BypassAttempts}, in the same bundle, finds no other. Registering it makes this bundle a strategy
 * plugin as the node tells them apart.
 */
@Component(service = StrategyFactory.class)
public final class BypassStrategyFactory implements StrategyFactory {

    @Override
    public String type() {
        return "itest-bypass";
    }

    @Override
    public Strategy create(StrategyConfig config) {
        return new BuyOnce(config.instruments().get(0), config.getString("quantity", "1"));
    }

    static final class BuyOnce extends BaseStrategy {
        private final InstrumentId instrumentId;
        private final String quantity;
        private boolean bought;

        BuyOnce(InstrumentId instrumentId, String quantity) {
            this.instrumentId = instrumentId;
            this.quantity = quantity;
        }

        @Override
        protected void onStarted() {
            context().subscribe(instrumentId, MarketDataType.TRADES);
        }

        @Override
        public void onTrade(Trade trade) {
            if (bought) {
                return;
            }
            bought = true;
            Instrument instrument = context().instrument(instrumentId).orElseThrow();
            long price = instrument.tickTable().ceil(trade.price() + trade.price() / 20);
            context().submit(OrderRequest.limit(context().nextClientOrderId(), instrument, Side.BUY,
                    instrument.parseQuantity("quantity", quantity), price, TimeInForce.IOC, context().attribution()));
        }
    }
}

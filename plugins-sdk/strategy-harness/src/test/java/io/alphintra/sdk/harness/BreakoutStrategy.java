package io.alphintra.sdk.harness;

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
import io.alphintra.sdk.strategy.StrategyConfig;

/**
 * A long-only breakout, written as a partner would: buys {@code quantity} at market when a trade prints above the
 * highest of the previous {@code lookback} trades, and sells what it holds when one prints below their lowest. It
 * sends nothing while an order is working.
 */
final class BreakoutStrategy extends BaseStrategy {

    private final InstrumentId instrumentId;
    private final String quantityText;
    private final long[] window;
    private Instrument instrument;
    private long quantity;
    private int count;
    private int next;
    private long held;
    private boolean working;

    /** Parameters: {@code lookback} (trades), {@code quantity} (decimal, in the instrument's quantity). */
    BreakoutStrategy(StrategyConfig config) {
        this.instrumentId = config.instruments().get(0);
        this.window = new long[config.getInt("lookback")];
        this.quantityText = config.getString("quantity");
    }

    @Override
    protected void onStarted() {
        instrument = context().instrument(instrumentId).orElseThrow();
        quantity = instrument.requireValidQuantity("quantity", instrument.parseQuantity("quantity", quantityText));
        context().subscribe(instrumentId, MarketDataType.TRADES);
    }

    @Override
    public void onTrade(Trade trade) {
        if (count == window.length && !working) {
            long high = Long.MIN_VALUE;
            long low = Long.MAX_VALUE;
            for (long price : window) {
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            if (trade.price() > high && held == 0) {
                send(Side.BUY, quantity);
            } else if (trade.price() < low && held > 0) {
                send(Side.SELL, held);
            }
        }
        window[next] = trade.price();
        next = (next + 1) % window.length;
        count = Math.min(count + 1, window.length);
    }

    @Override
    public void onExecution(ExecutionReport report) {
        if (report.execType() == ExecType.TRADE) {
            held += report.side().sign() * report.lastQuantity();
        }
        if (report.isTerminal()) {
            working = false;
        }
    }

    private void send(Side side, long orderQuantity) {
        working = true;
        context().submit(OrderRequest.market(context().nextClientOrderId(), instrument, side, orderQuantity,
                TimeInForce.IOC, context().attribution()));
    }
}

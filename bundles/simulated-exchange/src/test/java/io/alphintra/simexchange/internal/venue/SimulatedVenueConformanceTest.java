package io.alphintra.simexchange.internal.venue;

import java.util.Map;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.testkit.venue.ExchangeAdapterConformanceSuite;
import io.alphintra.sdk.venue.ExchangeAdapter;

/**
 * The SDK's exchange-adapter conformance suite against a real {@link SimulatedVenue}: its own venue thread, ring
 * and books, one fresh venue per test.
 *
 * <p>The venue is {@link TestConfigs#usVenue()} (manual clock on a Monday at 10:00 New York, in session, twin off,
 * so the books hold only what the tests put there) with AAPL on a 0.05 tick grid and 10-share lots, so that both
 * the off-grid price and the off-lot quantity tests run. Liquidity comes from resting orders of second accounts
 * ({@link #LIQUIDITY} and {@link #COUNTERPARTY}; self-trade prevention works per account, so they trade with the
 * suite's account {@code CONFORMANCE}), sent through the same venue session as every host order is. Their reports
 * reach the suite's listener too; the suite matches reports by client order id. A dropped connection is the venue's
 * own {@link SimulatedVenue#dropSession(String)}, after which the manual clock is moved past the venue's reconnect
 * delay, so the venue reconnects by itself.
 */
class SimulatedVenueConformanceTest extends ExchangeAdapterConformanceSuite {

    private static final VenueSettings SETTINGS = settings();

    /** AAPL at 190.00 on a 0.05 grid: prices in cents, ticks of 5. */
    private static final long MARKETABLE_BUY = 19_100;
    private static final long MARKETABLE_SELL = 18_900;
    private static final long NON_MARKETABLE_BUY = 18_000;
    private static final long NON_MARKETABLE_SELL = 20_000;
    /** Where {@link #publishMarketData} prints trades: between the resting prices, crossing none of them. */
    private static final long PRINT_PRICE = 19_000;

    private static final Attribution LIQUIDITY = new Attribution("conformance-lp", "lp-trader", "LIQUIDITY",
            "lp-desk", "PROP");
    private static final Attribution COUNTERPARTY = new Attribution("conformance-cp", "cp-trader", "COUNTERPARTY",
            "lp-desk", "PROP");

    private static VenueSettings settings() {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("instruments", "AAPL start=190.00 tickTable=0.05 lot=10 ; MSFT start=410.00");
        return TestConfigs.settings(config);
    }

    @Override
    protected ExchangeAdapter createAdapter() {
        SimulatedVenue venue = SimulatedVenue.create(SETTINGS);
        venue.start();
        return venue;
    }

    @Override
    protected Instrument instrument() {
        return SETTINGS.instruments().get(0).instrument();
    }

    @Override
    protected long marketablePrice(Side side) {
        return side.isBuy() ? MARKETABLE_BUY : MARKETABLE_SELL;
    }

    @Override
    protected long nonMarketablePrice(Side side) {
        return side.isBuy() ? NON_MARKETABLE_BUY : NON_MARKETABLE_SELL;
    }

    /** A resting DAY limit order of the second account on the other side; true once the venue accepted it. */
    @Override
    protected boolean provideLiquidity(Side takerSide, long price, long quantity) {
        OrderRequest maker = OrderRequest.limit(nextId(), instrument(), takerSide.isBuy() ? Side.SELL : Side.BUY,
                quantity, price, TimeInForce.DAY, LIQUIDITY);
        adapter.submit(maker);
        ExecutionReport outcome = listener.awaitReport("the venue's answer to the liquidity order "
                + maker.clientOrderId(), timeout(), r -> maker.clientOrderId().equals(r.clientOrderId())
                        && r.execType() != ExecType.PENDING_NEW);
        return outcome.execType() == ExecType.NEW;
    }

    /**
     * One trade between the two other accounts at {@link #PRINT_PRICE}: a resting sell, then an IOC buy that takes
     * it. That prints a trade and moves the book (level deltas and top of book) twice, whatever {@code type} is.
     */
    @Override
    protected void publishMarketData(MarketDataType type) {
        long quantity = unitQuantity();
        adapter.submit(OrderRequest.limit(nextId(), instrument(), Side.SELL, quantity, PRINT_PRICE, TimeInForce.DAY,
                LIQUIDITY));
        adapter.submit(OrderRequest.limit(nextId(), instrument(), Side.BUY, quantity, PRINT_PRICE, TimeInForce.IOC,
                COUNTERPARTY));
    }

    /** The venue loses the session; moving the manual clock past the reconnect delay lets it reconnect. */
    @Override
    protected boolean dropConnection(ExchangeAdapter adapter) {
        SimulatedVenue simulated = (SimulatedVenue) adapter;
        simulated.dropSession("conformance: connection lost");
        simulated.advanceTime(SETTINGS.reconnectDelayNanos());
        return true;
    }

    @Override
    protected void closeAdapter(ExchangeAdapter adapter) {
        ((SimulatedVenue) adapter).stop("conformance test over");
    }
}

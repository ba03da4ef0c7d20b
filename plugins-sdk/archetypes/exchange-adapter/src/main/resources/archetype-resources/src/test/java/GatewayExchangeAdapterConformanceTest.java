package ${package};

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.testkit.venue.ExchangeAdapterConformanceSuite;
import io.alphintra.sdk.venue.ExchangeAdapter;

/** The sample adapter against the kit's conformance suite, over the unit-test fake of the venue's wire. */
class GatewayExchangeAdapterConformanceTest extends ExchangeAdapterConformanceSuite {

    /** Prices to 0.01 on a 0.05 grid, lots of 10 shares: both off-grid and off-lot orders can be built. */
    static final Equity DEMO = new Equity(InstrumentId.of("DEMO", "XDEM"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(5), 0, 10, 10));
    static final Venue VENUE = new Venue("XDEM", "Demo venue", Jurisdiction.US, Currency.USD,
            TradingCalendar.alwaysOpen(ZoneOffset.UTC));

    FakeVenueGateway venue;

    @Override
    protected ExchangeAdapter createAdapter() {
        venue = new FakeVenueGateway(List.of(DEMO));
        return new GatewayExchangeAdapter(venue, VENUE, Duration.ofMillis(20));
    }

    @Override
    protected Instrument instrument() {
        return DEMO;
    }

    @Override
    protected long marketablePrice(Side side) {
        return side.isBuy() ? 10_100 : 9_900;
    }

    @Override
    protected long nonMarketablePrice(Side side) {
        return side.isBuy() ? 9_000 : 11_000;
    }

    @Override
    protected boolean provideLiquidity(Side takerSide, long price, long quantity) {
        venue.provideLiquidity(DEMO.id().symbol(), takerSide, Decimals.formatCompact(price, DEMO.priceScale()),
                Decimals.formatCompact(quantity, DEMO.quantityScale()));
        return true;
    }

    @Override
    protected void publishMarketData(MarketDataType type) {
        venue.publish(DEMO.id().symbol(), type == MarketDataType.TRADES ? VenueGateway.TRADES : VenueGateway.QUOTES);
    }

    @Override
    protected boolean dropConnection(ExchangeAdapter adapter) {
        venue.dropSession();
        return true;
    }

    @Override
    protected void closeAdapter(ExchangeAdapter adapter) {
        unwrap(adapter).close();
        venue.shutdown();
    }

    GatewayExchangeAdapter unwrap(ExchangeAdapter adapter) {
        return (GatewayExchangeAdapter) adapter;
    }
}

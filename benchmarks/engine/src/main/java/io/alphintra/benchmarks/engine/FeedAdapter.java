package io.alphintra.benchmarks.engine;

import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.VenueCapabilities;
import io.alphintra.sdk.venue.VenueListener;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A market-data-only exchange adapter: the calling thread plays the adapter's feed thread and hands trades to the
 * engine through the {@link VenueListener} the engine gave it, exactly as a real adapter does. The trade is a reused
 * flyweight, as a decoder would hand it over; the engine copies its values into its ring slot.
 */
final class FeedAdapter implements ExchangeAdapter {
    static final Instrument INSTRUMENT = new Equity(InstrumentId.of("FEEDX", "FEED"), Currency.of("USD"),
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    private static final Venue VENUE = new Venue("FEED", "Benchmark feed", Jurisdiction.US, Currency.of("USD"),
            TradingCalendar.alwaysOpen(ZoneOffset.UTC));

    private final FlyweightTrade trade = new FlyweightTrade();
    private volatile VenueListener listener;
    volatile boolean subscribed;

    void publish(long price, long timeNanos) {
        trade.price = price;
        trade.time = timeNanos;
        listener.onTrade(trade);
    }

    @Override
    public Venue venue() {
        return VENUE;
    }

    @Override
    public VenueCapabilities capabilities() {
        return new VenueCapabilities(EnumSet.of(OrderType.LIMIT), EnumSet.of(TimeInForce.DAY), false, 1,
                EnumSet.of(MarketDataType.TRADES));
    }

    @Override
    public void connect(VenueListener listener) {
        this.listener = listener;
        listener.onConnected();
    }

    @Override
    public void disconnect() {
        listener.onDisconnected("benchmark done");
    }

    @Override
    public CompletionStage<List<Instrument>> instruments() {
        return CompletableFuture.completedFuture(List.of(INSTRUMENT));
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        subscribed = true;
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        subscribed = false;
    }

    @Override
    public void submit(OrderRequest order) {
        throw new UnsupportedOperationException("market data only");
    }

    @Override
    public void cancel(CancelRequest request) {
        throw new UnsupportedOperationException("market data only");
    }

    @Override
    public void replace(ReplaceRequest request) {
        throw new UnsupportedOperationException("market data only");
    }

    @Override
    public CompletionStage<List<OpenOrder>> openOrders() {
        return CompletableFuture.completedFuture(List.of());
    }

    private static final class FlyweightTrade implements Trade {
        long price;
        long time;

        @Override
        public InstrumentId instrumentId() {
            return INSTRUMENT.id();
        }

        @Override
        public long price() {
            return price;
        }

        @Override
        public long quantity() {
            return 1;
        }

        @Override
        public AggressorSide aggressor() {
            return AggressorSide.BUYER;
        }

        @Override
        public long eventTimeNanos() {
            return time;
        }

        @Override
        public long receiveTimeNanos() {
            return time;
        }
    }
}

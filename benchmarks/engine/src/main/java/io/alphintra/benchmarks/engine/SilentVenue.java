package io.alphintra.benchmarks.engine;

import io.alphintra.engine.internal.core.EngineCore;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.VenueCapabilities;
import io.alphintra.sdk.venue.VenueListener;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The venue as the engine sees it in harnesses that drive {@link EngineCore} directly: connected, lists its
 * instruments, and takes orders and cancels without answering, only counting them — the harness plays the venue's
 * reports itself, so that the venue's own work is not in the figure.
 */
final class SilentVenue implements ExchangeAdapter, EngineCore.Venues {
    private final Venue venue;
    private final List<Instrument> instruments;
    private final List<Optional<Instrument>> found;
    int submitted;
    int cancelled;

    SilentVenue(Venue venue, List<Instrument> instruments) {
        this.venue = venue;
        this.instruments = List.copyOf(instruments);
        this.found = this.instruments.stream().map(Optional::of).toList();
    }

    @Override
    public ExchangeAdapter adapter(String venueId) {
        return venueId.equals(venue.id()) ? this : null;
    }

    @Override
    public boolean connected(String venueId) {
        return venueId.equals(venue.id());
    }

    @Override
    public Venue venue(String venueId) {
        return venueId.equals(venue.id()) ? venue : null;
    }

    @Override
    public boolean halted(InstrumentId instrumentId) {
        return false;
    }

    @Override
    public Optional<Instrument> instrument(InstrumentId instrumentId) {
        // A loop, not a map: two instruments at most, and nothing allocated per order.
        for (int i = 0; i < instruments.size(); i++) {
            if (instruments.get(i).id().equals(instrumentId)) {
                return found.get(i);
            }
        }
        return Optional.empty();
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public VenueCapabilities capabilities() {
        return new VenueCapabilities(EnumSet.of(OrderType.LIMIT), EnumSet.of(TimeInForce.DAY, TimeInForce.GTC), false,
                1, EnumSet.of(MarketDataType.TRADES));
    }

    @Override
    public void connect(VenueListener listener) {
        listener.onConnected();
    }

    @Override
    public void disconnect() {
    }

    @Override
    public CompletionStage<List<Instrument>> instruments() {
        return CompletableFuture.completedFuture(instruments);
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
    }

    @Override
    public void submit(OrderRequest order) {
        submitted++;
    }

    @Override
    public void cancel(CancelRequest request) {
        cancelled++;
    }

    @Override
    public void replace(ReplaceRequest request) {
        throw new UnsupportedOperationException("the harness never replaces");
    }

    @Override
    public CompletionStage<List<OpenOrder>> openOrders() {
        return CompletableFuture.completedFuture(List.of());
    }
}

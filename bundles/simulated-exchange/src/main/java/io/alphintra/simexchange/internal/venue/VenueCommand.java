package io.alphintra.simexchange.internal.venue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.venue.VenueListener;

/** What the adapter asks of a venue's core, with the payload each kind carries. */
enum VenueCommand {
    CONNECT, DISCONNECT, DROP, REQUEST, SUBSCRIBE, UNSUBSCRIBE, OPEN_ORDERS, ADVANCE;

    /** Runs this command on the core; every {@link VenueDrive} runs commands through here. */
    @SuppressWarnings("unchecked")
    void execute(VenueCore core, Object payload, Object extra, long value, boolean running) {
        switch (this) {
            case CONNECT -> core.connect((VenueListener) payload);
            case DISCONNECT -> core.disconnect((String) payload);
            case DROP -> core.dropSession((String) payload);
            case REQUEST -> core.request(payload);
            case SUBSCRIBE -> core.subscribe((InstrumentId) payload, (MarketDataType) extra, true);
            case UNSUBSCRIBE -> core.subscribe((InstrumentId) payload, (MarketDataType) extra, false);
            case OPEN_ORDERS -> {
                CompletableFuture<List<OpenOrder>> future = (CompletableFuture<List<OpenOrder>>) payload;
                if (running) {
                    future.complete(core.openOrders());
                } else {
                    future.completeExceptionally(new IllegalStateException("venue stopped"));
                }
            }
            case ADVANCE -> {
                core.advanceTo(Math.addExact(core.now(), value));
                if (payload instanceof CompletableFuture<?> done) {
                    ((CompletableFuture<Long>) done).complete(core.now());
                }
            }
        }
    }
}

package io.alphintra.simexchange.internal.venue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.venue.VenueListener;

/** What the adapter asks of a venue's core, with the payload each kind carries. */
enum VenueCommand {
    CONNECT, DISCONNECT, DROP, REQUEST, SUBSCRIBE, UNSUBSCRIBE, OPEN_ORDERS, EXECUTIONS, HALT, RESUME, ADVANCE;

    /** The extra of a {@link #HALT}: which instrument, and why. */
    record Halt(InstrumentId instrument, String reason) {
    }

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
            case EXECUTIONS -> {
                CompletableFuture<List<ExecutionReport>> future = (CompletableFuture<List<ExecutionReport>>) payload;
                if (running) {
                    future.complete(core.executionsSince(value));
                } else {
                    future.completeExceptionally(new IllegalStateException("venue stopped"));
                }
            }
            case HALT, RESUME -> {
                CompletableFuture<Void> done = (CompletableFuture<Void>) payload;
                if (!running) {
                    done.completeExceptionally(new IllegalStateException("venue stopped"));
                    return;
                }
                try {
                    if (this == HALT) {
                        Halt halt = (Halt) extra;
                        core.halt(halt.instrument(), halt.reason());
                    } else {
                        core.resume((InstrumentId) extra);
                    }
                    done.complete(null);
                } catch (IllegalArgumentException e) {
                    done.completeExceptionally(e);
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

package io.alphintra.sdk.testkit.sample;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.sdk.venue.VenueCapabilities;
import io.alphintra.sdk.venue.VenueListener;

/**
 * A correct adapter with one deliberate defect, of the kind partners' adapters have; the kit's own tests prove
 * that the conformance suite catches each. With no defect (null) it is the correct adapter it wraps.
 */
final class BrokenExchangeAdapter implements ExchangeAdapter {

    enum Defect {
        /** Derives cumPriceQuantity from the last price instead of summing fills exactly. */
        AVERAGE_PRICE_FROM_LAST_FILL,
        /** Reports every rejection with RejectReason.OTHER instead of mapping the venue's codes. */
        REJECT_REASON_ALWAYS_OTHER,
        /** Swallows CANCEL_REJECTED reports. */
        SILENT_CANCEL_REJECT,
        /** Forgets its working orders after a reconnect: openOrders() is empty. */
        FORGETS_ORDERS_ON_RECONNECT,
        /** unsubscribe() does nothing. */
        UNSUBSCRIBE_IGNORED,
        /** submit(null) returns quietly. */
        NULL_ORDER_IGNORED,
        /** Reports fills without the fee the venue charged, live and replayed. */
        FEES_NOT_REPORTED,
        /** executionsSince() gives replayed fills new execIds instead of the venue's. */
        REPLAYED_FILLS_GET_NEW_EXEC_IDS,
        /** Keeps ExchangeAdapter's default executionsSince(), which cannot replay. */
        NO_REPLAY,
        /** executionsSince() answers with the whole history, whatever instant it is asked from. */
        REPLAY_IGNORES_SINCE
    }

    private final GatewayExchangeAdapter delegate;
    private final Defect defect;
    private final AtomicInteger connects = new AtomicInteger();

    BrokenExchangeAdapter(GatewayExchangeAdapter delegate, Defect defect) {
        this.delegate = delegate;
        this.defect = defect;
    }

    GatewayExchangeAdapter delegate() {
        return delegate;
    }

    @Override
    public Venue venue() {
        return delegate.venue();
    }

    @Override
    public VenueCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public void connect(VenueListener listener) {
        delegate.connect(new VenueListener() {
            @Override
            public void onConnected() {
                connects.incrementAndGet();
                listener.onConnected();
            }

            @Override
            public void onDisconnected(String reason) {
                listener.onDisconnected(reason);
            }

            @Override
            public void onTrade(Trade trade) {
                listener.onTrade(trade);
            }

            @Override
            public void onTopOfBook(TopOfBook topOfBook) {
                listener.onTopOfBook(topOfBook);
            }

            @Override
            public void onBookDelta(OrderBookDelta delta) {
                listener.onBookDelta(delta);
            }

            @Override
            public void onExecutionReport(ExecutionReport report) {
                ExecutionReport out = broken(report);
                if (out != null) {
                    listener.onExecutionReport(out);
                }
            }

            @Override
            public CompletionStage<Void> bookExecutionReport(ExecutionReport report) {
                ExecutionReport out = broken(report);
                return out == null ? CompletableFuture.completedFuture(null) : listener.bookExecutionReport(out);
            }

            @Override
            public void onInstrumentStatus(InstrumentId instrumentId, InstrumentStatus status, String reason) {
                listener.onInstrumentStatus(instrumentId, status, reason);
            }
        });
    }

    /** The report as this defect delivers it; null when the defect swallows it. */
    private ExecutionReport broken(ExecutionReport report) {
        if (defect == Defect.FEES_NOT_REPORTED && report.execType() == ExecType.TRADE) {
            return report.toBuilder().fee(null).build();
        }
        if (defect == Defect.AVERAGE_PRICE_FROM_LAST_FILL && report.execType() == ExecType.TRADE) {
            return report.toBuilder().cumPriceQuantity(report.lastPrice() * report.cumQuantity()).build();
        } else if (defect == Defect.REJECT_REASON_ALWAYS_OTHER && report.execType().isRejection()) {
            return report.toBuilder().rejectReason(RejectReason.OTHER).build();
        } else if (defect == Defect.SILENT_CANCEL_REJECT && report.execType() == ExecType.CANCEL_REJECTED) {
            return null;
        }
        return report;
    }

    @Override
    public void disconnect() {
        delegate.disconnect();
    }

    @Override
    public CompletionStage<List<Instrument>> instruments() {
        return delegate.instruments();
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        delegate.subscribe(instrumentId, type);
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        if (defect != Defect.UNSUBSCRIBE_IGNORED) {
            delegate.unsubscribe(instrumentId, type);
        }
    }

    @Override
    public void submit(OrderRequest order) {
        if (order == null && defect == Defect.NULL_ORDER_IGNORED) {
            return;
        }
        delegate.submit(order);
    }

    @Override
    public void cancel(CancelRequest request) {
        delegate.cancel(request);
    }

    @Override
    public void replace(ReplaceRequest request) {
        delegate.replace(request);
    }

    @Override
    public CompletionStage<List<ExecutionReport>> executionsSince(long sinceEpochNanos) {
        if (defect == Defect.NO_REPLAY) {
            return ExchangeAdapter.super.executionsSince(sinceEpochNanos);
        }
        long since = defect == Defect.REPLAY_IGNORES_SINCE ? 0 : sinceEpochNanos;
        return delegate.executionsSince(since).thenApply(reports -> reports.stream().map(this::broken)
                .filter(Objects::nonNull)
                .map(r -> defect == Defect.REPLAYED_FILLS_GET_NEW_EXEC_IDS && r.execType() == ExecType.TRADE
                        ? r.toBuilder().execId("replay-" + r.execId()).build() : r)
                .toList());
    }

    @Override
    public CompletionStage<List<OpenOrder>> openOrders() {
        if (defect == Defect.FORGETS_ORDERS_ON_RECONNECT && connects.get() > 1) {
            return CompletableFuture.completedFuture(List.of());
        }
        return delegate.openOrders();
    }
}

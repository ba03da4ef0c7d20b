package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.engine.MarketLine;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The calls on the engine service that the tests running inside a node share: every wait is bounded, and a failure
 * names what was asked of the engine (an order, a status, an instrument) and what was seen last.
 */
final class EngineCalls {
    /** How long the engine may take to answer one request; the waits for a state reached later are the caller's. */
    static final Duration ANSWER = Duration.ofSeconds(10);

    private EngineCalls() {
    }

    /** The engine's answer to {@code request}, within {@link #ANSWER}. */
    static <T> T answer(String request, CompletionStage<T> stage) {
        return answer(request, stage, ANSWER);
    }

    /** The engine's answer to {@code request}, within {@code timeout}; fails naming the request otherwise. */
    static <T> T answer(String request, CompletionStage<T> stage, Duration timeout) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the engine's answer to " + request, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the engine failed " + request + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the engine did not answer " + request + " in " + timeout.toSeconds()
                    + " s", e);
        }
    }

    /** Sends {@code order} from {@code source} and returns the gate's answer (accepted or rejected). */
    static ExecutionReport submit(TradingEngine engine, OrderRequest order, String source) {
        return answer("order " + order.clientOrderId() + " from " + source, engine.submit(order, source));
    }

    /** Sends {@code order} from {@code source}, asserts that the gate accepted it, and returns the answer. */
    static ExecutionReport submitAccepted(TradingEngine engine, OrderRequest order, String source) {
        ExecutionReport report = submit(engine, order, source);
        assertEquals(report.toString(), ExecType.PENDING_NEW, report.execType());
        return report;
    }

    /** Asserts that {@code report} rejects its order for {@code reason}, with a text holding every one of parts. */
    static void assertRejected(ExecutionReport report, RejectReason reason, String... parts) {
        assertEquals(report.toString(), ExecType.REJECTED, report.execType());
        assertEquals(report.toString(), reason, report.rejectReason());
        for (String part : parts) {
            assertTrue("'" + part + "' in: " + report.text(), report.text().contains(part));
        }
    }

    /**
     * A GTC bid {@code clientOrderId} at {@code price} for {@code who}, of a small size for its venue: 0.001 on the
     * crypto venue, 1 elsewhere.
     */
    static OrderRequest smallBid(Instrument instrument, String clientOrderId, String price, Attribution who) {
        return OrderRequest.limit(ClientOrderId.of(clientOrderId), instrument, Side.BUY,
                instrument.parseQuantity("quantity", instrument.id().venueId().equals("SIMX_CRYPTO") ? "0.001" : "1"),
                instrument.parsePrice("price", price), TimeInForce.GTC, who);
    }

    /** Every order the engine holds, working or done. */
    static List<OrderView> orders(TradingEngine engine) {
        return answer("the list of orders", engine.orders());
    }

    /** The order the engine holds under {@code orderId}; fails if it holds none. */
    static OrderView order(TradingEngine engine, String orderId) {
        return orders(engine).stream().filter(o -> o.orderId().equals(orderId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the engine holds no order " + orderId));
    }

    /** The orders that the strategy instance {@code strategyId} sent. */
    static List<OrderView> ordersOf(TradingEngine engine, String strategyId) {
        return orders(engine).stream().filter(o -> o.strategyId().equals(strategyId)).toList();
    }

    /** Returns once order {@code orderId} is in {@code status}; fails with the order as last seen otherwise. */
    static void awaitStatus(TradingEngine engine, String orderId, OrderStatus status, Duration timeout) {
        Poll.until("order " + orderId + " is " + status, timeout, () -> String.valueOf(order(engine, orderId)),
                () -> order(engine, orderId).status() == status);
    }

    /**
     * Cancels the order that {@code accepted} answered, asserts that the engine sends the cancel on, and returns once
     * the venue has cancelled it.
     */
    static void cancel(TradingEngine engine, ExecutionReport accepted, String source, Duration timeout) {
        ExecutionReport answer = answer("the cancel of " + accepted.clientOrderId() + " from " + source,
                engine.cancel(accepted.clientOrderId(), source));
        assertEquals(answer.toString(), ExecType.PENDING_CANCEL, answer.execType());
        awaitStatus(engine, accepted.orderId(), OrderStatus.CANCELED, timeout);
    }

    /** The market as the engine sees it: a line per instrument. */
    static List<MarketLine> market(TradingEngine engine) {
        return answer("the market", engine.market());
    }

    /** The price of the last trade in {@code id}, once there has been one (within {@code timeout}). */
    static long lastPrice(TradingEngine engine, InstrumentId id, Duration timeout) {
        long[] last = {0};
        Poll.until(id + " has traded", timeout, () -> "no last price", () -> {
            for (MarketLine line : market(engine)) {
                if (line.instrumentId().equals(id) && line.lastPrice().isPresent()) {
                    last[0] = line.lastPrice().getAsLong();
                    return true;
                }
            }
            return false;
        });
        return last[0];
    }

    /** The instrument {@code id}, once a connected venue lists it (within {@code timeout}). */
    static Instrument awaitInstrument(TradingEngine engine, InstrumentId id, Duration timeout) {
        Poll.until(id + " is listed by a connected venue", timeout, () -> "not listed",
                () -> engine.instrument(id).isPresent());
        return engine.instrument(id).orElseThrow();
    }
}

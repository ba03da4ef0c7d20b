package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;

/**
 * The venue's memory of client order ids and finished orders: bounded by {@code finishedOrderWindow}, forgetting the
 * oldest first, cleared by a new trading day. Drives a {@link VenueCore} directly (manual time, no latency), so every
 * request is answered before {@link #send} returns.
 */
class OrderIdWindowTest {
    private static final int WINDOW = 1024;
    private static final long PRICE = 18_900;
    private static final Attribution ALICE = new Attribution("strat-a", "trader-a", "ACC-A", "desk-1", "client-1");
    private static final Attribution BOB = new Attribution("strat-b", "trader-b", "ACC-B", "desk-1", "client-1");

    private final RecordingListener reports = new RecordingListener();
    private VenueCore core;
    private Instrument aapl;
    private int fillers;

    private void start(int expectedOrders, int window) {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("expectedOrders", String.valueOf(expectedOrders));
        config.put("finishedOrderWindow", String.valueOf(window));
        VenueSettings settings = TestConfigs.settings(config);
        aapl = settings.instruments().get(0).instrument();
        core = new VenueCore(settings, List.of(), SessionSchedule.toNanos(settings.clockStart()));
        core.start();
        core.connect(reports);
    }

    private List<ExecutionReport> send(Object request) {
        reports.clear(); // the request in progress only, so that a long run holds no history
        core.request(request);
        return reports.reports();
    }

    private ExecutionReport submit(String id, Side side, TimeInForce tif, Attribution who) {
        return submit(id, side, PRICE, tif, who);
    }

    private ExecutionReport submit(String id, Side side, long price, TimeInForce tif, Attribution who) {
        List<ExecutionReport> answer = send(OrderRequest.limit(ClientOrderId.of(id), aapl, side, 10, price, tif,
                who));
        assertThat(answer).as("reports for " + id).isNotEmpty();
        return answer.get(answer.size() - 1);
    }

    private ExecutionReport cancel(String id, String original, Side side) {
        List<ExecutionReport> answer = send(new CancelRequest(ClientOrderId.of(id), ClientOrderId.of(original),
                aapl.id(), side, null, ALICE));
        return answer.get(answer.size() - 1);
    }

    /** New client order ids, each an order that finishes at once: an IOC buy below every resting sell. */
    private void sendFillers(int count) {
        for (int i = 0; i < count; i++) {
            ExecutionReport last = submit("F" + fillers++, Side.BUY, PRICE - 100, TimeInForce.IOC, ALICE);
            assertThat(last.status()).isEqualTo(OrderStatus.CANCELED);
        }
    }

    @Test
    void aDuplicateIdIsRefusedWithinTheWindowAndAcceptedBeyondIt() {
        start(WINDOW, WINDOW);
        assertThat(submit("D0", Side.BUY, TimeInForce.DAY, ALICE).execType()).isEqualTo(ExecType.NEW);
        assertThat(cancel("C0", "D0", Side.BUY).execType()).isEqualTo(ExecType.CANCELED);

        // D0 and C0 and WINDOW - 2 more ids: D0 is the oldest of a full window.
        sendFillers(WINDOW - 2);
        ExecutionReport refused = submit("D0", Side.BUY, TimeInForce.DAY, ALICE);
        assertThat(refused.rejectReason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(cancel("C0", "D0", Side.BUY).rejectReason()).as("a cancel's id is checked as well")
                .isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(core.recentIds().size()).isEqualTo(WINDOW);

        sendFillers(1);
        ExecutionReport accepted = submit("D0", Side.BUY, TimeInForce.DAY, ALICE);
        assertThat(accepted.execType()).as("D0 has left the window").isEqualTo(ExecType.NEW);
        assertThat(accepted.status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aCancelOfAFilledOrderIsTooLateWithinTheWindowAndUnknownBeyondIt() {
        start(WINDOW, WINDOW);
        submit("S1", Side.SELL, TimeInForce.GTC, ALICE);
        assertThat(submit("B1", Side.BUY, TimeInForce.DAY, BOB).status()).isEqualTo(OrderStatus.FILLED);

        sendFillers(WINDOW - 3);
        ExecutionReport tooLate = cancel("C1", "B1", Side.BUY);
        assertThat(tooLate.execType()).isEqualTo(ExecType.CANCEL_REJECTED);
        assertThat(tooLate.rejectReason()).isEqualTo(RejectReason.TOO_LATE_TO_CANCEL);
        assertThat(tooLate.text()).isEqualTo("order B1 is already filled");
        assertThat(tooLate.status()).as("the order's own state").isEqualTo(OrderStatus.FILLED);
        assertThat(tooLate.cumQuantity()).isEqualTo(10);

        // C1 filled the window; one more id pushes S1 out, the next B1.
        sendFillers(2);
        ExecutionReport unknown = cancel("C2", "B1", Side.BUY);
        assertThat(unknown.execType()).isEqualTo(ExecType.CANCEL_REJECTED);
        assertThat(unknown.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(unknown.status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aLiveOrderKeepsItsIdBeyondTheWindowAndIsRememberedFromItsFinish() {
        start(WINDOW, WINDOW);
        submit("G1", Side.SELL, TimeInForce.GTC, ALICE);
        sendFillers(2 * WINDOW);

        assertThat(submit("G1", Side.SELL, TimeInForce.GTC, ALICE).rejectReason())
                .as("G1 is still working").isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(submit("B2", Side.BUY, TimeInForce.DAY, BOB).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(cancel("C1", "G1", Side.SELL).rejectReason()).isEqualTo(RejectReason.TOO_LATE_TO_CANCEL);
        assertThat(submit("G1", Side.SELL, TimeInForce.GTC, ALICE).rejectReason())
                .as("finished, and back in the window").isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
    }

    @Test
    void theIndexesStayBoundedAfterFarMoreOrdersThanTheWindow() {
        start(WINDOW, WINDOW);
        long slots = core.recentIds().slots();
        assertThat(slots).as("an index at most half full, and the ring").isEqualTo(2 * WINDOW + WINDOW);
        tradeAndCancel(50 * WINDOW);

        assertThat(core.recentIds().size()).isEqualTo(WINDOW);
        assertThat(core.recentIds().slots()).as("nothing grew").isEqualTo(slots);
        assertThat(core.openOrders()).isEmpty();
    }

    @Test
    void belowTheWindowTheIndexesGrowToItAndNoFurther() {
        int window = 3000;
        start(WINDOW, window);
        tradeAndCancel(20 * window);

        assertThat(core.recentIds().size()).isEqualTo(window);
        assertThat(core.recentIds().slots()).as("8192 index slots hold 3000 ids; a ring of exactly 3000")
                .isEqualTo(8192 + window);
    }

    /** {@code rounds} × three ids: a resting sell, the buy that fills it, and a cancel of the sell too late. */
    private void tradeAndCancel(int rounds) {
        for (int i = 0; i < rounds; i++) {
            submit("S" + i, Side.SELL, TimeInForce.GTC, ALICE);
            assertThat(submit("B" + i, Side.BUY, TimeInForce.IOC, BOB).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(cancel("C" + i, "S" + i, Side.SELL).rejectReason()).isEqualTo(RejectReason.TOO_LATE_TO_CANCEL);
        }
    }

    @Test
    void aNewTradingDayForgetsTheDaysIdsButNotTheWorkingOrders() {
        start(WINDOW, WINDOW);
        submit("D0", Side.BUY, TimeInForce.DAY, ALICE);
        cancel("C0", "D0", Side.BUY);
        submit("D1", Side.BUY, TimeInForce.DAY, ALICE);
        cancel("C1", "D1", Side.BUY);
        submit("G1", Side.SELL, PRICE + 100, TimeInForce.GTC, ALICE);
        assertThat(cancel("C2", "D1", Side.BUY).rejectReason()).isEqualTo(RejectReason.TOO_LATE_TO_CANCEL);

        // Monday 10:00 New York to Tuesday 10:00: the day ended at Monday's close.
        core.advanceTo(core.now() + TimeUnit.DAYS.toNanos(1));
        assertThat(core.recentIds().size()).isZero();
        assertThat(submit("D0", Side.BUY, TimeInForce.DAY, ALICE).execType()).isEqualTo(ExecType.NEW);
        assertThat(submit("G1", Side.SELL, PRICE + 100, TimeInForce.GTC, ALICE).rejectReason())
                .as("G1 is still working").isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(cancel("C2", "D1", Side.BUY).rejectReason()).as("yesterday's orders are unknown")
                .isEqualTo(RejectReason.UNKNOWN_ORDER);
    }
}

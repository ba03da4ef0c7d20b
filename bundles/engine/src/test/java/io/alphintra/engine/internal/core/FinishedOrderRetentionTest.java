package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine keeps every working order and the {@code finishedOrdersKept} orders that finished last (decision 11):
 * which ones are forgotten, what becomes of their client order ids and of reports about them, what memory that
 * bounds, and that a replay or a snapshot holds exactly what the live engine held.
 */
class FinishedOrderRetentionTest {
    private static final Currency USD = Currency.of("USD");

    @TempDir
    Path directory;

    private final OrderGate gate = new OrderGate("test");
    private final List<ExecutionReport> reports = new ArrayList<>();
    private boolean venueConnected = true;
    private Journal journal;
    private PortfolioAccounts accounts;
    private EngineCore engine;

    @AfterEach
    void stop() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }

    @Test
    void beyondTheWindowTheOrdersThatFinishedFirstAreForgottenAndWorkingOnesNever() throws IOException {
        open(3);
        for (int i = 1; i <= 8; i++) {
            submit("o" + i);
        }
        engine.endOfBatch();
        // Finished in another order than they were taken: the window follows finishing, not age.
        fill("o5");
        cancelledByVenue("o3");
        fill("o2");
        rejectedByVenue("o6");
        cancelledByVenue("o4");
        engine.endOfBatch();

        assertThat(held()).containsExactly("o8", "o7", "o6", "o4", "o2", "o1");
        assertThat(EngineInternals.finished(engine)).containsExactly(2L, 6L, 4L);
        assertThat(engine.cancel(ClientOrderId.of("o5"), "shell:admin", 9L)).as("o5 is forgotten").isFalse();

        // A thousand more orders finish; the three that never did are still held, and still the oldest.
        venueConnected = false;
        for (int i = 0; i < 1_000; i++) {
            submit("r" + i);
        }
        engine.endOfBatch();
        assertThat(held()).containsExactly("r999", "r998", "r997", "o8", "o7", "o1");
        assertThat(engine.order(ClientOrderId.of("o1"))).isPresent();
        RandomOrderFlow.assertIndexAgreesWithTheScan(engine);
    }

    @Test
    void anOrderThatALateFillTakesBackToWorkingLeavesTheFinishedOnesUntilItFinishesAgain() throws IOException {
        open(2);
        for (int i = 1; i <= 5; i++) {
            submit("o" + i);
        }
        engine.endOfBatch();
        cancelledByVenue("o1");
        // A venue that sends a fill after the cancel, as still working: the order works again.
        engine.onVenueReport(trade("o1", 4, 4, OrderStatus.PARTIALLY_FILLED).build(), 3L);
        fill("o2");
        fill("o3");
        fill("o4");
        engine.endOfBatch();
        assertThat(EngineInternals.finished(engine)).containsExactly(3L, 4L);
        assertThat(held()).as("o1 works: never forgotten").contains("o1").doesNotContain("o2");

        engine.onVenueReport(trade("o1", 6, 10, OrderStatus.FILLED).build(), 4L);
        engine.endOfBatch();
        assertThat(EngineInternals.finished(engine)).as("at the end: it finished last").containsExactly(4L, 1L);
    }

    @Test
    void aForgottenClientOrderIdCanBeUsedAgainAndAHeldOneIsStillRefused() throws IOException {
        open(2);
        submit("o1");
        submit("o2");
        submit("o3");
        engine.endOfBatch();
        fill("o1");
        cancelledByVenue("o2");
        cancelledByVenue("o3");
        engine.endOfBatch();
        reports.clear();

        submit("o1");
        submit("o2");
        engine.endOfBatch();

        assertThat(reports).extracting(ExecutionReport::execType).containsExactly(ExecType.PENDING_NEW,
                ExecType.REJECTED);
        assertThat(reports.get(0).orderId()).as("a new order under the old id").isEqualTo("4");
        assertThat(reports.get(1).rejectReason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        // The id finds the new order: its fill is booked to it, not to the one forgotten.
        engine.onVenueReport(trade("o1", 10, 10, OrderStatus.FILLED).build(), 5L);
        engine.endOfBatch();
        assertThat(engine.orders()).filteredOn(o -> o.clientOrderId().value().equals("o1"))
                .singleElement().satisfies(o -> {
                    assertThat(o.orderId()).isEqualTo("4");
                    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                });
    }

    @Test
    void theRequestIdsOfAForgottenOrderLeaveTheIndexAndThoseOfAHeldOneStay() throws IOException {
        open(1);
        submit("x");
        submit("y");
        engine.endOfBatch();
        acknowledged("x");
        acknowledged("y");
        engine.replace(ClientOrderId.of("x"), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, "shell:admin", CoreFixtures.inputs(() -> true),
                3L);
        engine.onVenueReport(venue("x.R1", ExecType.REPLACED, OrderStatus.NEW, 20)
                .originalClientOrderId(ClientOrderId.of("x")).build(), 4L);
        engine.cancel(ClientOrderId.of("x.R1"), "shell:admin", 5L);
        engine.onVenueReport(venue("x.C2", ExecType.CANCELED, OrderStatus.CANCELED, 20)
                .originalClientOrderId(ClientOrderId.of("x.R1")).leavesQuantity(0).build(), 6L);
        engine.cancel(ClientOrderId.of("y"), "shell:admin", 7L);
        engine.endOfBatch();
        assertThat(EngineInternals.clientIds(engine)).containsOnlyKeys(ClientOrderId.of("x"),
                ClientOrderId.of("x.R1"), ClientOrderId.of("x.C2"), ClientOrderId.of("y"), ClientOrderId.of("y.C1"));

        engine.onVenueReport(venue("y.C1", ExecType.CANCELED, OrderStatus.CANCELED, 10)
                .originalClientOrderId(ClientOrderId.of("y")).leavesQuantity(0).build(), 8L);
        engine.endOfBatch();

        assertThat(EngineInternals.clientIds(engine)).as("x forgotten with every id it carried")
                .isEqualTo(Map.of(ClientOrderId.of("y"), 2L, ClientOrderId.of("y.C1"), 2L));
        assertThat(engine.cancel(ClientOrderId.of("x.R1"), "shell:admin", 9L)).isFalse();
    }

    @Test
    void aRequestIdThatTookOverAnotherOrdersIdStaysWithItsOrderWhenTheOtherIsForgotten() throws IOException {
        open(1);
        submit("p.C1"); // an unlucky id: the one p's first cancel will carry
        submit("p");
        engine.endOfBatch();
        acknowledged("p");
        cancelledByVenue("p.C1");
        engine.cancel(ClientOrderId.of("p"), "shell:admin", 3L);
        engine.endOfBatch();
        submit("z");
        engine.endOfBatch();
        rejectedByVenue("z");
        engine.endOfBatch();

        assertThat(held()).as("order 1 (p.C1) finished first and is forgotten").containsExactly("z", "p");
        assertThat(EngineInternals.clientIds(engine)).containsEntry(ClientOrderId.of("p.C1"), 2L);
        engine.onVenueReport(venue("p.C1", ExecType.CANCELED, OrderStatus.CANCELED, 10)
                .originalClientOrderId(ClientOrderId.of("p")).leavesQuantity(0).build(), 4L);
        engine.endOfBatch();
        assertThat(engine.openOrders()).as("the venue's answer to p's cancel found p").isEmpty();
    }

    @Test
    void aLateFillForAForgottenOrderIsNeitherBookedNorJournaledNorReported() throws IOException {
        open(2);
        submit("late");
        submit("kept");
        engine.endOfBatch();
        cancelledByVenue("late");
        cancelledByVenue("kept");
        engine.endOfBatch();
        // The venue's fills that crossed the cancels: the order stays cancelled, the fill is booked.
        engine.onVenueReport(trade("kept", 3, 3, OrderStatus.CANCELED).build(), 3L);
        engine.endOfBatch();
        assertThat(position()).as("a late fill for an order still held is booked").isEqualTo(3);

        submit("a");
        submit("b");
        engine.endOfBatch();
        cancelledByVenue("a");
        cancelledByVenue("b");
        engine.endOfBatch();
        assertThat(held()).doesNotContain("late");
        long sequence = journal.lastSequence();
        String hash = engine.stateHash();
        reports.clear();

        engine.onVenueReport(trade("late", 5, 5, OrderStatus.CANCELED).build(), 4L);
        engine.endOfBatch();

        assertThat(position()).as("not booked").isEqualTo(3);
        assertThat(journal.lastSequence()).isEqualTo(sequence);
        assertThat(reports).isEmpty();
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void aRequestForAnOrderForgottenInTheSameBatchIsNeitherRefusedToItNorRevivesIt() throws IOException {
        open(1);
        submit("a");
        engine.endOfBatch();
        acknowledged("a");
        engine.endOfBatch();
        // In one batch: a cancel queued for the venue, a fill with which the venue ends the order, and another order
        // that finishes and pushes it out of a window of one; then the venue is gone when the cancel is to be sent.
        engine.cancel(ClientOrderId.of("a"), "shell:admin", 3L);
        engine.onVenueReport(trade("a", 4, 4, OrderStatus.CANCELED).build(), 3L);
        venueConnected = false;
        submit("b");
        engine.endOfBatch();

        assertThat(held()).containsExactly("b");
        assertThat(engine.openOrders()).isEmpty();
        assertThat(engine.openNotional("ACC-1", CoreFixtures.AAPL, OptionalLong.empty()))
                .as("the 6 it did not fill do not work again").isEqualTo(Money.zero(USD));
    }

    @Test
    void theIndexesStayBoundedAfterOrdersFarBeyondTheWindow() throws Exception {
        int window = 1_024;
        open(window);
        int working = 0;
        int maxWorking = 0;
        int total = 200_000;
        // Each order lives a while: up to a hundred later orders are taken before it finishes, by a fill, by a
        // cancel, or by a replace and a fill (two ids beside its own at most).
        for (int i = 0; i < total; i++) {
            String id = "o" + i;
            submit(id);
            acknowledged(id);
            working++;
            if (i >= 100) {
                String old = "o" + (i - 100);
                switch (i % 3) {
                    case 0 -> fill(old);
                    case 1 -> {
                        engine.cancel(ClientOrderId.of(old), "shell:admin", 5L);
                        engine.onVenueReport(venue(old + ".C1", ExecType.CANCELED, OrderStatus.CANCELED, 10)
                                .originalClientOrderId(ClientOrderId.of(old)).leavesQuantity(0).build(), 6L);
                    }
                    default -> {
                        engine.replace(ClientOrderId.of(old), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                                "shell:admin", CoreFixtures.inputs(() -> true), 5L);
                        engine.onVenueReport(venue(old + ".R1", ExecType.REPLACED, OrderStatus.NEW, 20)
                                .originalClientOrderId(ClientOrderId.of(old)).build(), 6L);
                        engine.cancel(ClientOrderId.of(old + ".R1"), "shell:admin", 7L);
                        engine.onVenueReport(venue(old + ".C2", ExecType.CANCELED, OrderStatus.CANCELED, 20)
                                .originalClientOrderId(ClientOrderId.of(old + ".R1")).leavesQuantity(0).build(), 8L);
                    }
                }
                working--;
            }
            maxWorking = Math.max(maxWorking, working);
            if (i % 64 == 63) {
                engine.endOfBatch();
            }
        }
        engine.endOfBatch();

        assertThat(engine.openOrders()).hasSize(working);
        assertThat(EngineInternals.finished(engine)).hasSize(window);
        assertThat(EngineInternals.orders(engine)).hasSize(working + window);
        assertThat(EngineInternals.clientIds(engine)).hasSizeLessThanOrEqualTo(working + window * (1 + 2));
        assertThat(lengthOf("ordersByClientId", "hashes")).as("client order id table")
                .isLessThanOrEqualTo(4 * (maxWorking + window * 3));
        assertThat(lengthOf("ordersById", "slots")).as("order table: the ids of the orders held")
                .isLessThanOrEqualTo(4 * (maxWorking + window));
        assertThat(engine.orders()).hasSize(working + window);
    }

    @Test
    void replayAndSnapshotRebuildTheOrdersTheLiveEngineHeldAndItsStateHash() throws IOException {
        int window = 40;
        RandomOrderFlow flow = new RandomOrderFlow(20_260_313L);
        Held live;
        String livePositions;
        long snapshot;
        try (Journal written = open(directory)) {
            EngineCore engine = flow.engine(written, window);
            engine.enableSnapshots(new Snapshotter(written, 0, JournalRetention.ARCHIVE));
            engine.recover();
            flow.steps(engine, 2_500);
            snapshot = engine.snapshot().sequence();
            flow.steps(engine, 2_500);
            // Ids of orders long forgotten, used again: the replay meets them while it still holds their first owners.
            for (int step = 0; step < 20; step++) {
                engine.submit(OrderRequest.limit(ClientOrderId.of("o" + step), CoreFixtures.AAPL, Side.BUY, 5,
                        10_000, TimeInForce.DAY, CoreFixtures.WHO), "shell:admin", CoreFixtures.inputs(() -> true),
                        9_000L);
            }
            engine.endOfBatch();
            lateFillForTheOldestFinishedThatCanTakeOne(engine, window);
            flow.steps(engine, 200);
            live = Held.of(engine);
            livePositions = EngineInternals.accounts(engine);
            assertThat(EngineInternals.counter(engine, "nextOrderId")).as("orders taken").isGreaterThan(1_000);
        }
        assertThat(live.orders()).as("the working ones and the window").hasSize(live.open().size() + window);
        assertThat(live.finished()).hasSize(window);
        assertThat(live.open()).as("a life that leaves orders working").hasSizeGreaterThan(10);
        assertThat(live.orders()).extracting(OrderView::clientOrderId).as("forgotten ids were used again")
                .contains(ClientOrderId.of("o0"));

        try (Journal written = open(directory)) {
            EngineCore fromSnapshot = flow.engine(written, window);
            fromSnapshot.enableSnapshots(new Snapshotter(written, 0, JournalRetention.ARCHIVE));
            fromSnapshot.recover();
            assertThat(fromSnapshot.recoveredFromSnapshot()).isEqualTo(snapshot);
            assertThat(Held.of(fromSnapshot)).isEqualTo(live);
        }
        try (Journal written = open(directory)) {
            EngineCore replayed = flow.engine(written, window);
            replayed.recover();
            assertThat(replayed.recoveredFromSnapshot()).isZero();
            assertThat(Held.of(replayed)).isEqualTo(live);
        }
        try (Journal written = open(directory)) {
            // Restarted with a smaller window: the records about orders it would have forgotten before them still
            // apply, so every fill is booked; then it holds what the smaller window keeps.
            EngineCore narrower = flow.engine(written, 10);
            narrower.enableSnapshots(new Snapshotter(written, 0, JournalRetention.ARCHIVE));
            narrower.recover();
            assertThat(EngineInternals.accounts(narrower)).isEqualTo(livePositions);
            assertThat(EngineInternals.finished(narrower)).isEqualTo(live.finished().subList(window - 10, window));
            assertThat(narrower.openOrders()).isEqualTo(live.open());
        }
    }

    /**
     * A fill the venue reports for a cancelled or expired order that finished long ago, still held by this window but
     * not by a narrower one: a record about an order that a replay with the narrower window would have forgotten.
     */
    private static void lateFillForTheOldestFinishedThatCanTakeOne(EngineCore engine, int window) {
        List<Long> finished = EngineInternals.finished(engine);
        OrderView order = engine.orders().stream()
                .filter(o -> finished.subList(0, window / 2).contains(Long.parseLong(o.orderId())))
                .filter(o -> o.status() == OrderStatus.CANCELED || o.status() == OrderStatus.EXPIRED)
                .filter(o -> o.cumQuantity() < o.quantity())
                .findFirst().orElseThrow();
        long price = 10_000;
        engine.onVenueReport(ExecutionReport.builder().clientOrderId(order.clientOrderId())
                .venueOrderId("V-" + order.orderId()).execId("X-late").instrumentId(order.instrumentId())
                .side(order.side()).execType(ExecType.TRADE).status(order.status()).orderQuantity(order.quantity())
                .lastQuantity(1).lastPrice(price).cumQuantity(order.cumQuantity() + 1).leavesQuantity(0)
                .cumPriceQuantity(price * (order.cumQuantity() + 1))
                .liquidity(Liquidity.MAKER).fee(Money.of(USD, 5, 2)).transactTimeNanos(1L).build(), 9_001L);
        engine.endOfBatch();
        assertThat(EngineInternals.finished(engine)).as("a fill does not move a finished order").isEqualTo(finished);
    }

    /** What an engine holds, for comparing engines. */
    private record Held(String hash, List<OrderView> orders, List<OpenOrder> open, List<Long> finished,
                        Map<ClientOrderId, Long> clientIds) {
        static Held of(EngineCore engine) {
            return new Held(engine.stateHash(), engine.orders(), engine.openOrders(), EngineInternals.finished(engine),
                    EngineInternals.clientIds(engine));
        }
    }

    @Test
    void aWindowOfNoFinishedOrdersIsRefused() {
        assertThatThrownBy(() -> new EngineCore(null, gate, null, null, (r, s, id) -> { }, 16, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finishedOrdersKept = 0");
    }

    // ---------------------------------------------------------------------------------------------------------

    private void open(int finishedOrdersKept) throws IOException {
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
        journal = open(directory);
        ExchangeAdapter silent = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> null);
        engine = new EngineCore(journal, gate, CoreFixtures.venues(() -> silent, () -> venueConnected),
                accounts = new PortfolioAccounts(USD), (report, source, strategyId) -> reports.add(report), 16,
                finishedOrdersKept);
    }

    private static Journal open(Path directory) throws IOException {
        return Journal.open(directory, 1 << 24, 64 * 1024, Durability.WRITE);
    }

    /** Client order ids of the orders held, newest first. */
    private List<String> held() {
        return engine.orders().stream().map(o -> o.clientOrderId().value()).toList();
    }

    private long position() {
        return accounts.accountNetQuantity("ACC-1", CoreFixtures.AAPL.id());
    }

    private void submit(String id) {
        engine.submit(OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, Side.BUY, 10, 15_000,
                TimeInForce.DAY, CoreFixtures.WHO), "shell:admin", CoreFixtures.inputs(() -> venueConnected), 1L);
    }

    private void acknowledged(String id) {
        engine.onVenueReport(venue(id, ExecType.NEW, OrderStatus.NEW, 10).build(), 2L);
    }

    private void fill(String id) {
        engine.onVenueReport(trade(id, 10, 10, OrderStatus.FILLED).build(), 2L);
    }

    private void cancelledByVenue(String id) {
        engine.onVenueReport(venue(id, ExecType.CANCELED, OrderStatus.CANCELED, 10).leavesQuantity(0).build(), 2L);
    }

    private void rejectedByVenue(String id) {
        engine.onVenueReport(venue(id, ExecType.REJECTED, OrderStatus.REJECTED, 10).leavesQuantity(0)
                .rejectReason(RejectReason.OTHER).build(), 2L);
    }

    private static ExecutionReport.Builder trade(String id, long last, long cum, OrderStatus status) {
        return venue(id, ExecType.TRADE, status, 10).execId("X-" + id + "-TRADE-" + cum).lastQuantity(last)
                .lastPrice(15_000).cumQuantity(cum)
                .cumPriceQuantity(cum * 15_000).leavesQuantity(status.isTerminal() ? 0 : 10 - cum)
                .liquidity(Liquidity.MAKER).fee(Money.of(USD, 5, 2));
    }

    private static ExecutionReport.Builder venue(String id, ExecType type, OrderStatus status, long quantity) {
        return ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("X-" + id + "-" + type).instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(type)
                .status(status).orderQuantity(quantity).cumQuantity(0)
                .leavesQuantity(status.isTerminal() ? 0 : quantity).cumPriceQuantity(0)
                .liquidity(Liquidity.UNKNOWN).transactTimeNanos(1L);
    }

    private int lengthOf(String engineField, String arrayField) throws ReflectiveOperationException {
        Field outer = EngineCore.class.getDeclaredField(engineField);
        outer.setAccessible(true);
        Object table = outer.get(engine);
        Field inner = table.getClass().getDeclaredField(arrayField);
        inner.setAccessible(true);
        return java.lang.reflect.Array.getLength(inner.get(table));
    }
}

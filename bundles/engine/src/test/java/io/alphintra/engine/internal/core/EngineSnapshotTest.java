package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalRetention;
import io.alphintra.engine.internal.snapshot.SnapshotInfo;
import io.alphintra.engine.internal.snapshot.SnapshotRecoveryException;
import io.alphintra.engine.internal.snapshot.SnapshotStore;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots against the journal they stand in for: a snapshot and the journal's tail rebuild exactly what the whole
 * journal does, every field of every order included; damaged or unfitting snapshots are not used.
 */
class EngineSnapshotTest {
    private static final long SEED = 20_260_311L;
    private static final int BIG_SEGMENTS = 1 << 22;

    @TempDir
    Path directory;

    /** What an engine held when it stopped. */
    private record State(String hash, List<OrderView> orders, List<OpenOrder> open) {
        static State of(EngineCore engine) {
            return new State(engine.stateHash(), engine.orders(), engine.openOrders());
        }
    }

    @Test
    void aSnapshotAndTheJournalAfterItRebuildWhatTheWholeJournalDoes() throws IOException {
        RandomOrderFlow flow = new RandomOrderFlow(SEED);
        long firstSnapshot;
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            flow.steps(engine, 1_500);
            firstSnapshot = engine.snapshot().sequence();
            flow.steps(engine, 1_500);
        }
        State stopped;
        long secondSnapshot;
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(firstSnapshot);
            RandomOrderFlow.assertIndexAgreesWithTheScan(engine);
            // The restored engine goes on: its new orders, request ids and fills must fit what a replay expects.
            flow.steps(engine, 1_000);
            secondSnapshot = engine.snapshot().sequence();
            flow.steps(engine, 1_000);
            stopped = State.of(engine);
        }
        assertThat(stopped.orders().stream().map(OrderView::status).distinct())
                .as("a life that reaches every end").contains(OrderStatus.FILLED, OrderStatus.CANCELED,
                        OrderStatus.EXPIRED, OrderStatus.REJECTED, OrderStatus.PARTIALLY_FILLED);
        assertThat(stopped.open()).as("a life that leaves orders working").hasSizeGreaterThan(20);

        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore fromSnapshot = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            fromSnapshot.recover();
            assertThat(fromSnapshot.recoveredFromSnapshot()).isEqualTo(secondSnapshot).isLessThan(journal.lastSequence());
            assertThat(State.of(fromSnapshot)).isEqualTo(stopped);
            RandomOrderFlow.assertIndexAgreesWithTheScan(fromSnapshot);
        }
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore replayed = flow.engine(journal);
            replayed.recover();
            assertThat(replayed.recoveredFromSnapshot()).isZero();
            assertThat(State.of(replayed)).isEqualTo(stopped);
        }
    }

    @Test
    void aRestoredEngineHoldsEveryFieldOfEveryOrderAndEveryClientOrderIdAsTheSnapshottedOne() throws Exception {
        RandomOrderFlow flow = new RandomOrderFlow(SEED + 1);
        EngineCore live;
        try (Journal journal = open(BIG_SEGMENTS)) {
            live = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            live.recover();
            flow.steps(live, 2_000);
            live.snapshot();
        }
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore restored = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            restored.recover();
            assertThat(restored.recoveredFromSnapshot()).isEqualTo(journal.lastSequence());

            List<OrderState> before = EngineInternals.orders(live);
            List<OrderState> after = EngineInternals.orders(restored);
            assertThat(after).hasSameSizeAs(before);
            List<Field> stored = Arrays.stream(OrderState.class.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()))
                    .filter(f -> !Set.of("orderIdText", "chain", "previousWorking", "nextWorking", "previousFinished",
                            "nextFinished").contains(f.getName()))
                    .peek(f -> f.setAccessible(true))
                    .toList();
            int pendingSeen = 0;
            for (int i = 0; i < before.size(); i++) {
                for (Field field : stored) {
                    assertThat(field.get(after.get(i))).as("order %d: %s", i + 1, field.getName())
                            .isEqualTo(field.get(before.get(i)));
                }
                pendingSeen += before.get(i).pendingRequestId != null ? 1 : 0;
            }
            assertThat(pendingSeen).as("orders caught with a request pending").isPositive();
            assertThat(EngineInternals.clientIds(restored)).isEqualTo(EngineInternals.clientIds(live))
                    .as("request ids beside the orders' own").hasSizeGreaterThan(before.size());
            assertThat(EngineInternals.finished(restored)).isEqualTo(EngineInternals.finished(live))
                    .as("in the order they finished, not by id").isNotEqualTo(EngineInternals.finished(live).stream()
                            .sorted().toList());
            assertThat(EngineInternals.counter(restored, "nextOrderId"))
                    .isEqualTo(EngineInternals.counter(live, "nextOrderId"));
            assertThat(EngineInternals.counter(restored, "engineExecIds"))
                    .as("no report id the live engine issued comes again")
                    .isGreaterThanOrEqualTo(EngineInternals.counter(live, "engineExecIds"));
            assertThat(restored.stateHash()).isEqualTo(live.stateHash());
        }
    }

    @Test
    void everyFieldOfAnOrderIsCoveredByTheSnapshotFormat() {
        Set<String> fields = Arrays.stream(OrderState.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers())).map(Field::getName).collect(Collectors.toSet());
        assertThat(fields).as("OrderState gained or lost a field: put it into EngineSnapshot's format and"
                + " ORDER_FIELDS, or snapshots lose it").isEqualTo(EngineSnapshot.ORDER_FIELDS);
    }

    @Test
    void requestIdsIssuedBeforeTheSnapshotStillFindTheirOrdersAfterRestore() throws IOException {
        List<Object> sent = new ArrayList<>();
        OrderGate gate = new OrderGate("test");
        gate.putRuleSet(CoreFixtures.allowAll(io.alphintra.sdk.instrument.Jurisdiction.US, "1.0.0"));
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = recordingEngine(journal, gate, sent);
            engine.recover();
            engine.submit(limit("replaced", 10), "shell:admin", CoreFixtures.inputs(() -> true), 1L);
            engine.submit(limit("cancelling", 10), "shell:admin", CoreFixtures.inputs(() -> true), 2L);
            engine.endOfBatch();
            engine.onVenueReport(venue("replaced", ExecType.NEW, OrderStatus.NEW, 10).build(), 3L);
            engine.onVenueReport(venue("cancelling", ExecType.NEW, OrderStatus.NEW, 10).build(), 3L);
            engine.replace(ClientOrderId.of("replaced"), 20, ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED,
                    "shell:admin", CoreFixtures.inputs(() -> true), 4L);
            engine.cancel(ClientOrderId.of("cancelling"), "shell:admin", 4L);
            engine.endOfBatch();
            engine.onVenueReport(venue("replaced.R1", ExecType.REPLACED, OrderStatus.NEW, 20)
                    .originalClientOrderId(ClientOrderId.of("replaced")).build(), 5L);
            engine.endOfBatch();
            engine.snapshot();
        }
        sent.clear();
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = recordingEngine(journal, gate, sent);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(journal.lastSequence());
            // The venue answers the cancel sent before the snapshot, by the request's id.
            engine.onVenueReport(venue("cancelling.C1", ExecType.CANCELED, OrderStatus.CANCELED, 10)
                    .originalClientOrderId(ClientOrderId.of("cancelling")).leavesQuantity(0).build(), 6L);
            // An operator cancels the replaced order by its first id, then by the replace's id (refused: pending).
            assertThat(engine.cancel(ClientOrderId.of("replaced"), "shell:admin", 7L)).isTrue();
            assertThat(engine.cancel(ClientOrderId.of("replaced.R1"), "shell:admin", 7L)).isTrue();
            engine.endOfBatch();

            assertThat(engine.openOrders()).singleElement().satisfies(order -> {
                assertThat(order.clientOrderId()).isEqualTo(ClientOrderId.of("replaced.R1"));
                assertThat(order.quantity()).isEqualTo(20);
                assertThat(order.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            });
            assertThat(engine.orders()).filteredOn(o -> o.clientOrderId().value().equals("cancelling"))
                    .singleElement().extracting(OrderView::status).isEqualTo(OrderStatus.CANCELED);
            assertThat(sent).singleElement().isInstanceOfSatisfying(io.alphintra.sdk.order.CancelRequest.class,
                    cancel -> assertThat(cancel.clientOrderId()).as("the request count survived the snapshot")
                            .isEqualTo(ClientOrderId.of("replaced.C2")));
        }
    }

    @Test
    void aDamagedNewestSnapshotIsSetAsideAndThePreviousOneUsed() throws IOException {
        long[] snapshots = runWithSnapshots(BIG_SEGMENTS, JournalRetention.ARCHIVE, 1_000, 2_000);
        State stopped = stoppedState;
        Path newest = store().path(snapshots[1]);
        flipByte(newest, Files.size(newest) / 2);

        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(snapshots[0]);
            assertThat(State.of(engine)).isEqualTo(stopped);
        }
        assertThat(newest).doesNotExist();
        assertThat(newest.resolveSibling(newest.getFileName() + ".unusable")).exists();
    }

    @Test
    void aSnapshotOfFormatOneIsRefusedSayingSoAndTheJournalReplayedInstead() throws IOException {
        long[] snapshots = runWithSnapshots(BIG_SEGMENTS, JournalRetention.ARCHIVE, 1_000);
        State stopped = stoppedState;
        Path file = store().path(snapshots[0]);
        // Intact but of format 1, as development builds before decision 11 wrote it: its checksum fits.
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(4, 1);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes.array(), 0, bytes.capacity() - 4);
        bytes.putInt(bytes.capacity() - 4, (int) crc.getValue());
        Files.write(file, bytes.array());
        assertThat(store().problem(store().list().get(0))).contains("snapshot format 1",
                "this version reads only formats 2 to 5");

        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isZero();
            assertThat(State.of(engine)).isEqualTo(stopped);
        }
        assertThat(file.resolveSibling(file.getFileName() + ".unusable")).exists();
    }

    @Test
    void aVenuesReasonForRefusingAnOrderSurvivesTheJournalAndTheSnapshot() throws IOException {
        List<Object> sent = new ArrayList<>();
        OrderGate gate = new OrderGate("test");
        gate.putRuleSet(CoreFixtures.allowAll(io.alphintra.sdk.instrument.Jurisdiction.US, "1.0.0"));
        List<OrderView> before;
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = recordingEngine(journal, gate, sent);
            engine.recover();
            engine.submit(limit("refused", 10), "shell:admin", CoreFixtures.inputs(() -> true), 1L);
            engine.submit(limit("expired", 10), "shell:admin", CoreFixtures.inputs(() -> true), 1L);
            engine.submit(limit("filled", 10), "shell:admin", CoreFixtures.inputs(() -> true), 1L);
            engine.endOfBatch();
            engine.onVenueReport(venue("refused", ExecType.REJECTED, OrderStatus.REJECTED, 10)
                    .rejectReason(io.alphintra.sdk.order.RejectReason.UNSUPPORTED_ORDER)
                    .text("the book refused the order: INVALID_TIME_IN_FORCE").build(), 2L);
            engine.onVenueReport(venue("expired", ExecType.EXPIRED, OrderStatus.EXPIRED, 10)
                    .text("end of the trading day").build(), 2L);
            engine.onVenueReport(venue("filled", ExecType.TRADE, OrderStatus.FILLED, 10).lastQuantity(10)
                    .lastPrice(15_000).cumQuantity(10).cumPriceQuantity(150_000).liquidity(Liquidity.TAKER)
                    .fee(io.alphintra.sdk.money.Money.zero(RandomOrderFlow.USD)).text("fill text is no reason")
                    .build(), 2L);
            engine.endOfBatch();
            before = engine.orders();
        }
        assertThat(before).extracting(o -> o.clientOrderId().value(), OrderView::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("refused",
                        "UNSUPPORTED_ORDER: the book refused the order: INVALID_TIME_IN_FORCE"),
                org.assertj.core.groups.Tuple.tuple("expired", "end of the trading day"),
                org.assertj.core.groups.Tuple.tuple("filled", null));

        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = recordingEngine(journal, gate, sent);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).as("the whole journal replayed").isZero();
            assertThat(engine.orders()).isEqualTo(before);
            engine.snapshot();
        }
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = recordingEngine(journal, gate, sent);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(journal.lastSequence());
            assertThat(engine.orders()).isEqualTo(before);
        }
    }

    @Test
    void aSnapshotOfFormatTwoIsStillReadItsOrdersWithoutReasons() throws IOException {
        runWithSnapshots(BIG_SEGMENTS, JournalRetention.ARCHIVE);
        State stopped = stoppedState;
        assertThat(stopped.orders()).as("the flow has refused orders").anySatisfy(o -> assertThat(o.reason())
                .isNotNull());
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = flow.engine(journal);
            engine.recover();
            // What a node upgraded from the release before reasons finds: format 2, written by the same state.
            store().write(journal.lastSequence(), 0, 2, out -> engine.writeSnapshot(out, engine.stateHash()));
        }
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(journalEnd);
            assertThat(engine.stateHash()).as("reasons are not state").isEqualTo(stopped.hash());
            assertThat(engine.openOrders()).isEqualTo(stopped.open());
            assertThat(engine.orders()).allSatisfy(o -> assertThat(o.reason()).as("format 2 kept none")
                    .satisfiesAnyOf(reason -> assertThat(reason).isNull(),
                            reason -> assertThat(reason).as("a gate rejection's, from its decisions").contains("(")));
            assertThat(engine.orders()).extracting(OrderView::orderId, OrderView::status, OrderView::cumQuantity)
                    .isEqualTo(stopped.orders().stream().map(o -> org.assertj.core.groups.Tuple.tuple(o.orderId(),
                            o.status(), o.cumQuantity())).toList());
        }
    }

    @Test
    void aSnapshotOfFormatThreeIsStillReadItsOrdersWithoutExecutionIds() throws IOException {
        runWithSnapshots(BIG_SEGMENTS, JournalRetention.ARCHIVE);
        State stopped = stoppedState;
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = flow.engine(journal);
            engine.recover();
            // What a node upgraded from the release before execution ids finds: format 3, written by the same state.
            store().write(journal.lastSequence(), 0, 3, out -> engine.writeSnapshot(out, engine.stateHash()));
        }
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(journalEnd);
            assertThat(engine.stateHash()).isEqualTo(stopped.hash());
            assertThat(engine.orders()).as("reasons kept, as format 3 has them").isEqualTo(stopped.orders());
        }
    }

    @Test
    void withEverySnapshotDamagedAJournalFromSequenceOneIsReplayedWhole() throws IOException {
        long[] snapshots = runWithSnapshots(BIG_SEGMENTS, JournalRetention.ARCHIVE, 1_000, 2_000);
        State stopped = stoppedState;
        for (long sequence : snapshots) {
            Path file = store().path(sequence);
            FileChannel.open(file, StandardOpenOption.WRITE).truncate(Files.size(file) - 3).close();
        }
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isZero();
            assertThat(State.of(engine)).isEqualTo(stopped);
        }
        assertThat(store().list()).isEmpty();
    }

    @Test
    void aSnapshotWhoseRestoredStateHashesOtherwiseIsRefused() throws IOException {
        long[] snapshots = runWithSnapshots(BIG_SEGMENTS, JournalRetention.ARCHIVE, 1_000);
        State stopped = stoppedState;
        // Intact bytes that claim another state: what a defect of the snapshot's reader or writer would produce.
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = flow.engine(journal);
            engine.recover();
            store().write(journal.lastSequence(), 0, out -> engine.writeSnapshot(out, "0".repeat(64)));
        }
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(snapshots[0]);
            assertThat(State.of(engine)).isEqualTo(stopped);
            assertThat(engine.stateHash()).isNotEqualTo("0".repeat(64));
        }
    }

    @Test
    void aSnapshotBeyondTheEndOfTheJournalIsNotUsed() throws IOException {
        RandomOrderFlow flow = new RandomOrderFlow(SEED + 2);
        Path backup = Files.createDirectories(directory.resolve("backup"));
        long usable;
        State atBackup;
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            flow.steps(engine, 500);
            usable = engine.snapshot().sequence();
            flow.steps(engine, 500);
            atBackup = State.of(engine);
            for (Path segment : segments()) {
                Files.copy(segment, backup.resolve(segment.getFileName()));
            }
            flow.steps(engine, 500);
            engine.snapshot();
        }
        // The journal comes back from the older copy; the snapshots stay.
        for (Path segment : segments()) {
            Files.delete(segment);
        }
        try (Stream<Path> copies = Files.list(backup)) {
            for (Path copy : copies.toList()) {
                Files.copy(copy, directory.resolve(copy.getFileName()));
            }
        }
        SnapshotStore.Entry beyond = store().list().get(0);
        try (Journal journal = open(BIG_SEGMENTS)) {
            assertThat(beyond.sequence()).isGreaterThan(journal.lastSequence());
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(usable);
            assertThat(State.of(engine)).isEqualTo(atBackup);
        }
        assertThat(store().list()).extracting(SnapshotStore.Entry::sequence).containsExactly(usable);
        assertThat(beyond.path().resolveSibling(beyond.path().getFileName() + ".unusable"))
                .as("set aside, so that it is not picked up once the journal grows past it").exists();
    }

    @Test
    void snapshotsWithoutAnyJournalRecordsRefuseTheStart() throws IOException {
        runWithSnapshots(BIG_SEGMENTS, JournalRetention.ARCHIVE, 500);
        for (Path segment : segments()) {
            Files.delete(segment);
        }
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            assertThatThrownBy(engine::recover).isInstanceOf(SnapshotRecoveryException.class)
                    .hasMessageContaining("holds no records")
                    .hasMessageContaining(directory.resolve("snapshots").toString())
                    .hasMessageContaining("Nothing was changed on disk");
        }
        assertThat(store().list()).hasSize(1);
    }

    @Test
    void aSnapshotWhoseWritingACrashInterruptedIsRemovedAndNeverUsed() throws IOException {
        long[] snapshots = runWithSnapshots(BIG_SEGMENTS, JournalRetention.ARCHIVE, 1_000);
        State stopped = stoppedState;
        Path leftover = store().directory().resolve(store().path(journalEnd).getFileName() + ".tmp");
        Files.write(leftover, new byte[] {1, 2, 3});
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, JournalRetention.ARCHIVE);
            engine.recover();
            assertThat(engine.recoveredFromSnapshot()).isEqualTo(snapshots[0]);
            assertThat(State.of(engine)).isEqualTo(stopped);
        }
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aSnapshotIsTakenAfterTheBatchThatReachesTheRecordCountAndTheTwoNewestAreKept() throws IOException {
        RandomOrderFlow flow = new RandomOrderFlow(SEED + 3);
        try (Journal journal = open(BIG_SEGMENTS)) {
            EngineCore engine = flow.engine(journal);
            engine.enableSnapshots(new Snapshotter(journal, 100, JournalRetention.ARCHIVE));
            engine.recover();
            List<Long> taken = new ArrayList<>();
            long lastSnapshot = 0;
            for (int i = 0; i < 1_000; i++) {
                flow.step(engine);
                long before = store().list().isEmpty() ? 0 : store().list().get(0).sequence();
                engine.afterBatch();
                long after = store().list().isEmpty() ? 0 : store().list().get(0).sequence();
                if (after != before) {
                    taken.add(after);
                    assertThat(after).as("taken at the end of the batch that reached the count")
                            .isEqualTo(journal.lastSequence()).isGreaterThanOrEqualTo(lastSnapshot + 100);
                    lastSnapshot = after;
                } else {
                    assertThat(journal.lastSequence()).isLessThan(lastSnapshot + 100);
                }
            }
            assertThat(taken).hasSizeGreaterThan(5);
            assertThat(store().list()).extracting(SnapshotStore.Entry::sequence)
                    .containsExactly(taken.get(taken.size() - 1), taken.get(taken.size() - 2));

            // On request, even with nothing due by count; a second request with nothing journaled writes nothing.
            var requested = engine.requestSnapshot();
            engine.afterBatch();
            assertThat(requested).isCompleted();
            SnapshotInfo info = requested.join();
            assertThat(info.sequence()).isEqualTo(journal.lastSequence());
            assertThat(info.written()).isEqualTo(info.sequence() != lastSnapshot);
            var again = engine.requestSnapshot();
            engine.afterBatch();
            assertThat(again.join().written()).isFalse();
            assertThat(again.join().sequence()).isEqualTo(info.sequence());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private RandomOrderFlow flow;
    private State stoppedState;
    private long journalEnd;

    /** Runs a flow, snapshotting after the given steps, then more steps; returns the snapshots' sequences. */
    private long[] runWithSnapshots(int segmentBytes, JournalRetention retention, int... snapshotSteps)
            throws IOException {
        flow = new RandomOrderFlow(SEED + 10);
        long[] sequences = new long[snapshotSteps.length];
        try (Journal journal = open(segmentBytes)) {
            EngineCore engine = withSnapshots(flow.engine(journal), journal, retention);
            engine.recover();
            int done = 0;
            for (int i = 0; i < snapshotSteps.length; i++) {
                flow.steps(engine, snapshotSteps[i] - done);
                done = snapshotSteps[i];
                sequences[i] = engine.snapshot().sequence();
            }
            flow.steps(engine, 500);
            stoppedState = State.of(engine);
            journalEnd = journal.lastSequence();
        }
        return sequences;
    }

    private EngineCore withSnapshots(EngineCore engine, Journal journal, JournalRetention retention) {
        engine.enableSnapshots(new Snapshotter(journal, 0, retention));
        return engine;
    }

    private SnapshotStore store() {
        return new SnapshotStore(directory.resolve("snapshots"));
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
    }

    private Journal open(int segmentBytes) throws IOException {
        return Journal.open(directory, segmentBytes, 8 * 1024, Durability.WRITE);
    }

    private EngineCore recordingEngine(Journal journal, OrderGate gate, List<Object> sent) {
        io.alphintra.sdk.venue.ExchangeAdapter adapter = (io.alphintra.sdk.venue.ExchangeAdapter)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {io.alphintra.sdk.venue.ExchangeAdapter.class}, (proxy, method, args) -> {
                            if (args != null && args.length == 1) {
                                sent.add(args[0]);
                            }
                            return null;
                        });
        EngineCore engine = new EngineCore(journal, gate, CoreFixtures.venues(() -> adapter, () -> true),
                new PortfolioAccounts(RandomOrderFlow.USD), (report, source, strategyId) -> { }, 16, 1 << 20);
        return withSnapshots(engine, journal, JournalRetention.ARCHIVE);
    }

    private static OrderRequest limit(String id, long quantity) {
        return OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, Side.BUY, quantity, 15_000,
                TimeInForce.DAY, CoreFixtures.WHO);
    }

    private static ExecutionReport.Builder venue(String id, ExecType type, OrderStatus status, long quantity) {
        return ExecutionReport.builder().clientOrderId(ClientOrderId.of(id)).venueOrderId("V-" + id)
                .execId("X-" + id + "-" + type).instrumentId(CoreFixtures.AAPL.id()).side(Side.BUY).execType(type)
                .status(status).orderQuantity(quantity).cumQuantity(0)
                .leavesQuantity(status.isTerminal() ? 0 : quantity).cumPriceQuantity(0)
                .liquidity(Liquidity.UNKNOWN).transactTimeNanos(1L);
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A));
            channel.write(one.rewind(), position);
        }
    }
}

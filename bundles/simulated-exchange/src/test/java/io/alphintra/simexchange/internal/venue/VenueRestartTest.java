package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.Attribution;
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

/**
 * A venue's state across a restart of its node, on real files: the host's working orders come back with their ids
 * and fills, what the venue reported is replayed by {@code executionsSince} with the same execIds, a torn journal
 * tail is survived, and the market trades restored orders it crosses. Each venue runs its own venue thread on a
 * manual clock, as in {@link SimulatedVenueTest}; a node "killed" is simulated by copying its journal while the
 * venue still runs (what the operating system holds is what the next node reads).
 */
class VenueRestartTest {
    private static final long SECOND = 1_000_000_000L;
    /** {@link TestConfigs#usVenue()}'s clock: Monday 2026-01-05 10:00 New York. */
    private static final long MONDAY_10_00 = 1_767_625_200L * SECOND;
    private static final Attribution ALICE = new Attribution("strat-a", "trader-a", "ACC-A", "desk-1", "client-1");
    private static final Attribution BOB = new Attribution("strat-b", "trader-b", "ACC-B", "desk-1", "client-1");

    @TempDir
    Path dir;

    private final List<SimulatedVenue> running = new ArrayList<>();
    private Instrument aapl;
    private Instrument msft;

    @AfterEach
    void stopAll() {
        for (SimulatedVenue venue : running) {
            venue.stop("test over");
        }
    }

    private Map<String, Object> config(Path state) {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("state.directory", state.toString());
        return config;
    }

    private SimulatedVenue start(Map<String, Object> config) {
        VenueSettings settings = TestConfigs.settings(config);
        aapl = settings.instruments().get(0).instrument();
        msft = settings.instruments().size() > 1 ? settings.instruments().get(1).instrument() : null;
        SimulatedVenue venue = SimulatedVenue.create(settings);
        venue.start();
        running.add(venue);
        return venue;
    }

    private static RecordingListener connect(SimulatedVenue venue) throws Exception {
        RecordingListener host = new RecordingListener();
        venue.connect(host);
        host.awaitText("connected");
        sync(venue);
        return host;
    }

    private void stop(SimulatedVenue venue) {
        venue.stop("node stopped");
        running.remove(venue);
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** A barrier: returns once the venue thread has handled everything sent before it. */
    private static void sync(SimulatedVenue venue) throws Exception {
        get(venue.advanceTime(0));
    }

    private static OrderRequest limit(String id, Instrument instrument, Side side, long quantity, long price,
            TimeInForce tif, Attribution who) {
        return OrderRequest.limit(ClientOrderId.of(id), instrument, side, quantity, price, tif, who);
    }

    private static List<ExecutionReport> reportsFor(RecordingListener host, String clientOrderId) {
        return host.reports().stream().filter(r -> r.clientOrderId().value().equals(clientOrderId)).toList();
    }

    /** The live reports that {@code executionsSince} replays: fills and the outcomes that ended orders. */
    private static List<ExecutionReport> history(RecordingListener host) {
        return host.reports().stream().filter(ExecutionHistory::keeps).toList();
    }

    /** What a node killed now leaves on disk: a copy of the journal, taken while the venue runs. */
    private Path killedCopy(Path state) throws IOException {
        Path copy = dir.resolve("after-kill");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(state)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    @Test
    void aRestartedVenueHoldsTheSameWorkingOrdersAndTradesThemOn() throws Exception {
        Map<String, Object> config = config(dir.resolve("TEST_US"));
        SimulatedVenue first = start(config);
        RecordingListener host = connect(first);
        first.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        first.submit(limit("S1", aapl, Side.SELL, 50, 19_100, TimeInForce.DAY, ALICE));
        first.submit(limit("R1", msft, Side.BUY, 10, 40_000, TimeInForce.GTC, ALICE));
        first.replace(new ReplaceRequest(ClientOrderId.of("R2"), ClientOrderId.of("R1"), msft, Side.BUY, 20, 40_100,
                ReplaceRequest.UNCHANGED, null, ALICE));
        first.submit(limit("X1", aapl, Side.SELL, 30, 18_900, TimeInForce.IOC, BOB));
        sync(first);
        List<OpenOrder> before = get(first.openOrders());
        assertThat(before).extracting(OpenOrder::clientOrderId).extracting(ClientOrderId::value)
                .containsExactly("A1", "S1", "R2");
        stop(first);

        SimulatedVenue second = start(config);
        RecordingListener again = connect(second);
        assertThat(get(second.openOrders())).as("same ids, quantities, prices, fills and statuses")
                .isEqualTo(before);
        assertThat(again.reports()).as("restored orders are not acknowledged again").isEmpty();

        second.submit(limit("X2", aapl, Side.SELL, 70, 18_900, TimeInForce.IOC, BOB));
        second.submit(limit("N1", aapl, Side.BUY, 1, 18_000, TimeInForce.DAY, ALICE));
        sync(second);
        ExecutionReport filled = reportsFor(again, "A1").get(0);
        assertThat(filled.execType()).isEqualTo(ExecType.TRADE);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.lastQuantity()).isEqualTo(70);
        assertThat(filled.cumQuantity()).isEqualTo(100);
        assertThat(filled.cumPriceQuantity()).isEqualTo(100L * 18_900);
        assertThat(filled.venueOrderId()).isEqualTo(before.get(0).venueOrderId());
        assertThat(reportsFor(host, "A1")).extracting(ExecutionReport::execId)
                .allMatch(id -> id.startsWith("TEST_US-E1-"));
        assertThat(filled.execId()).as("a new run numbers its executions anew").startsWith("TEST_US-E2-");
        Set<String> used = new HashSet<>();
        host.reports().forEach(r -> used.add(r.venueOrderId()));
        assertThat(reportsFor(again, "N1").get(0).venueOrderId()).as("a new order's venue id is new")
                .isNotIn(used);
    }

    @Test
    void aKilledNodeLosesNothingTheVenueReported() throws Exception {
        Path state = dir.resolve("TEST_US");
        SimulatedVenue first = start(config(state));
        RecordingListener host = connect(first);
        first.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        first.submit(limit("X1", aapl, Side.SELL, 30, 18_900, TimeInForce.IOC, BOB));
        first.submit(limit("C1", aapl, Side.BUY, 10, 18_000, TimeInForce.DAY, ALICE));
        first.cancel(new io.alphintra.sdk.order.CancelRequest(ClientOrderId.of("C2"), ClientOrderId.of("C1"),
                aapl.id(), Side.BUY, null, ALICE));
        sync(first);
        List<OpenOrder> before = get(first.openOrders());
        Path killed = killedCopy(state);

        SimulatedVenue second = start(config(killed));
        connect(second);
        assertThat(get(second.openOrders())).isEqualTo(before);
        List<ExecutionReport> replayed = get(second.executionsSince(MONDAY_10_00));
        assertThat(replayed).as("the fills and the cancel, exactly as reported live").isEqualTo(history(host))
                .extracting(ExecutionReport::execType)
                .containsExactly(ExecType.TRADE, ExecType.TRADE, ExecType.CANCELED);
    }

    @Test
    void survivesATornTailKeepingTheWholeRecords() throws Exception {
        Path state = dir.resolve("TEST_US");
        Map<String, Object> config = config(state);
        SimulatedVenue first = start(config);
        connect(first);
        first.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        first.submit(limit("A2", aapl, Side.BUY, 100, 18_800, TimeInForce.GTC, ALICE));
        sync(first);
        stop(first);
        Path journal = state.resolve(VenueJournal.FILE_NAME);
        long whole = Files.size(journal);
        // A record a killed writer began: its frame says 200 bytes, 3 of them made it.
        try (FileChannel out = FileChannel.open(journal, StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap(new byte[] {0, 0, 0, (byte) 200, 1, 2, 3, 4, 2, 9, 9}));
        }

        SimulatedVenue second = start(config);
        RecordingListener host = connect(second);
        assertThat(get(second.openOrders())).extracting(OpenOrder::clientOrderId).extracting(ClientOrderId::value)
                .containsExactly("A1", "A2");
        second.submit(limit("A3", aapl, Side.BUY, 100, 18_700, TimeInForce.GTC, ALICE));
        sync(second);
        assertThat(reportsFor(host, "A3")).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW);
        stop(second);
        assertThat(Files.size(journal)).as("rewritten at start without the torn bytes, then appended")
                .isGreaterThan(whole);

        SimulatedVenue third = start(config);
        connect(third);
        assertThat(get(third.openOrders())).extracting(OpenOrder::clientOrderId).extracting(ClientOrderId::value)
                .containsExactly("A1", "A2", "A3");
    }

    @Test
    void dropsARecordThatFailsItsChecksumAndEverythingAfterIt() throws Exception {
        Path state = dir.resolve("TEST_US");
        Map<String, Object> config = config(state);
        SimulatedVenue first = start(config);
        connect(first);
        first.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        first.submit(limit("A2", aapl, Side.BUY, 100, 18_800, TimeInForce.GTC, ALICE));
        sync(first);
        stop(first);
        // The last record is A2's; flip a bit of its last byte.
        Path journal = state.resolve(VenueJournal.FILE_NAME);
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length - 1] ^= 1;
        Files.write(journal, bytes);

        SimulatedVenue second = start(config);
        connect(second);
        assertThat(get(second.openOrders())).extracting(OpenOrder::clientOrderId).extracting(ClientOrderId::value)
                .containsExactly("A1");
    }

    /**
     * The lead's integration scenario in small: a resting order far from the market, the node killed, the market
     * opening (by configuration) through the order while the node is down, the node back: the order filled once,
     * before the host reconnected, and the fills are both resent and replayable under the same execIds.
     */
    @Test
    void aRestoredOrderTheMarketOpensThroughFillsBeforeTheHostReconnects() throws Exception {
        Path state = dir.resolve("TEST_US");
        Map<String, Object> config = config(state);
        config.put("twin.enabled", "true");
        config.put("twin.seed", "7");
        SimulatedVenue first = start(config);
        RecordingListener host = connect(first);
        first.submit(limit("B1", aapl, Side.BUY, 100, 15_000, TimeInForce.GTC, ALICE));
        get(first.advanceTime(5 * SECOND));
        assertThat(reportsFor(host, "B1")).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW);
        long submitted = reportsFor(host, "B1").get(0).transactTimeNanos();
        Path killed = killedCopy(state);

        // While the node is down the market moves: the operator's (or test's) configuration opens it at 140.00.
        Map<String, Object> moved = config(killed);
        moved.putAll(Map.of("twin.enabled", "true", "twin.seed", "7", "instruments",
                "AAPL start=140.00 ; MSFT start=410.00"));
        SimulatedVenue second = start(moved);
        sync(second);
        assertThat(get(second.openOrders())).as("filled by the opening quotes, no host connected").isEmpty();

        RecordingListener again = connect(second);
        List<ExecutionReport> fills = reportsFor(again, "B1");
        assertThat(fills).isNotEmpty().allSatisfy(fill -> {
            assertThat(fill.execType()).isEqualTo(ExecType.TRADE);
            assertThat(fill.lastPrice()).as("at the resting order's price").isEqualTo(15_000);
            assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        });
        assertThat(fills.stream().mapToLong(ExecutionReport::lastQuantity).sum()).isEqualTo(100);
        assertThat(fills.get(fills.size() - 1).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fills.stream().map(ExecutionReport::execId).distinct()).hasSameSizeAs(fills);
        List<ExecutionReport> replayed = get(second.executionsSince(submitted)).stream()
                .filter(r -> r.clientOrderId().value().equals("B1")).toList();
        assertThat(replayed).isEqualTo(fills);
    }

    @Test
    void cancelsOrdersTheNewConfigurationNoLongerAllowsAndSaysWhy() throws Exception {
        Map<String, Object> config = config(dir.resolve("TEST_US"));
        SimulatedVenue first = start(config);
        connect(first);
        first.submit(limit("A1", aapl, Side.BUY, 100, 18_901, TimeInForce.GTC, ALICE));
        first.submit(limit("A2", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        first.submit(limit("M1", msft, Side.BUY, 10, 40_000, TimeInForce.GTC, ALICE));
        sync(first);
        stop(first);

        config.put("instruments", "AAPL start=190.00 tickTable=0.05");
        SimulatedVenue second = start(config);
        RecordingListener host = connect(second);
        assertThat(get(second.openOrders())).extracting(OpenOrder::clientOrderId).extracting(ClientOrderId::value)
                .containsExactly("A2");
        ExecutionReport offGrid = reportsFor(host, "A1").get(0);
        assertThat(offGrid.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(offGrid.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(offGrid.text()).startsWith("canceled when the venue restarted: ").contains("0.05 tick grid");
        ExecutionReport unlisted = reportsFor(host, "M1").get(0);
        assertThat(unlisted.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(unlisted.text()).contains("MSFT@TEST_US is no longer listed on TEST_US");
        assertThat(get(second.executionsSince(0))).containsExactly(offGrid, unlisted);
        stop(second);

        SimulatedVenue third = start(config);
        RecordingListener later = connect(third);
        assertThat(later.reports()).as("canceled once, not at every restart").isEmpty();
        assertThat(get(third.executionsSince(0))).containsExactly(offGrid, unlisted);
    }

    @Test
    void expiresDayOrdersWhenATradingDayEndedWhileTheNodeWasDown() throws Exception {
        Map<String, Object> config = config(dir.resolve("TEST_US"));
        SimulatedVenue first = start(config);
        connect(first);
        first.submit(limit("D1", aapl, Side.BUY, 100, 18_900, TimeInForce.DAY, ALICE));
        first.submit(limit("G1", aapl, Side.BUY, 100, 18_800, TimeInForce.GTC, ALICE));
        sync(first);
        stop(first);

        config.put("clock.start", "2026-01-06T15:00:00Z"); // Tuesday 10:00 New York
        SimulatedVenue second = start(config);
        RecordingListener host = connect(second);
        ExecutionReport expired = reportsFor(host, "D1").get(0);
        assertThat(expired.execType()).isEqualTo(ExecType.EXPIRED);
        assertThat(expired.transactTimeNanos()).isEqualTo(MONDAY_10_00 + TimeUnit.DAYS.toNanos(1));
        assertThat(get(second.openOrders())).extracting(OpenOrder::clientOrderId).extracting(ClientOrderId::value)
                .containsExactly("G1");
    }

    @Test
    void aManualClockGoesOnFromWhereTheLastRunStopped() throws Exception {
        Map<String, Object> config = config(dir.resolve("TEST_US"));
        SimulatedVenue first = start(config);
        connect(first);
        get(first.advanceTime(TimeUnit.HOURS.toNanos(1)));
        first.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        sync(first);
        stop(first);

        SimulatedVenue second = start(config);
        assertThat(get(second.advanceTime(0))).as("venue time never runs back")
                .isEqualTo(MONDAY_10_00 + TimeUnit.HOURS.toNanos(1));
    }

    @Test
    void executionsSinceKeepsItsTimeBound() throws Exception {
        Map<String, Object> config = config(dir.resolve("TEST_US"));
        config.put("history.days", "1");
        SimulatedVenue venue = start(config);
        RecordingListener host = connect(venue);
        venue.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        venue.submit(limit("X1", aapl, Side.SELL, 40, 18_900, TimeInForce.IOC, BOB));
        sync(venue);
        List<ExecutionReport> fills = history(host);
        assertThat(fills).hasSize(2);
        assertThat(get(venue.executionsSince(MONDAY_10_00))).isEqualTo(fills);
        assertThat(get(venue.executionsSince(MONDAY_10_00 + 1))).as("at or after the instant only").isEmpty();

        get(venue.advanceTime(TimeUnit.HOURS.toNanos(20)));
        assertThat(get(venue.executionsSince(0))).as("within a day").isEqualTo(fills);
        get(venue.advanceTime(TimeUnit.HOURS.toNanos(5)));
        assertThat(get(venue.executionsSince(0))).as("older than history.days").isEmpty();
    }

    @Test
    void keepsItsJournalOwnerOnly() throws Exception {
        Path state = dir.resolve("venues").resolve("TEST_US");
        Map<String, Object> config = config(state);
        SimulatedVenue first = start(config);
        connect(first);
        first.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        sync(first);
        stop(first);
        sync(start(config)); // the second start has compacted the journal

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                state.resolve(VenueJournal.FILE_NAME)))).as("after a compaction too").isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(VenueJournal.FILE_NAME);
        }
    }

    @Test
    void refusesNewOrdersWhenItCannotKeepThem() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the venue's folder should be");
        SimulatedVenue venue = start(config(notAFolder));
        RecordingListener host = connect(venue);
        venue.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        sync(venue);

        ExecutionReport refused = reportsFor(host, "A1").get(0);
        assertThat(refused.rejectReason()).isEqualTo(RejectReason.OTHER);
        assertThat(refused.text()).startsWith("TEST_US cannot keep orders across a restart: opening "
                + notAFolder.resolve(VenueJournal.FILE_NAME));
        assertThat(venue.isRunning()).isTrue();
    }
}

package io.alphintra.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.alerts.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertCenterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_800_000_000L * SECOND;

    @TempDir
    Path folder;

    private final AtomicLong clock = new AtomicLong(T0);
    private AlertCenter center;

    @AfterEach
    void close() {
        if (center != null) {
            center.close();
        }
    }

    private AlertCenter start(Duration window, int keep, Recorder delivery) {
        center = new AlertCenter(folder.resolve("alerts.log"), window, keep, delivery, clock::get);
        return center;
    }

    private static Alert alert(String key, Severity severity, long raisedAt) {
        return new Alert(key, severity, "risk:credit", "credit limit of ACC-1 at 95 %: reduce exposure",
                AlertScope.ofAccount("ACC-1"), raisedAt);
    }

    @Test
    void aRepeatWithinTheWindowCountsAgainstTheOpenAlert() throws Exception {
        Recorder heard = new Recorder();
        start(Duration.ofSeconds(60), 100, heard);

        center.raise(alert("risk.limit.ACC-1.credit", Severity.WARNING, T0));
        center.raise(alert("risk.limit.ACC-1.credit", Severity.WARNING, T0 + 10 * SECOND));
        center.raise(alert("risk.limit.ACC-1.credit", Severity.WARNING, T0 + 69 * SECOND)); // 59 s after the last
        center.raise(alert("engine.halt", Severity.CRITICAL, T0 + 70 * SECOND));
        heard.awaitCount(2, 2000);
        awaitListed(2);

        List<AlertRecord> open = center.list(false, 10);
        assertThat(open).extracting(AlertRecord::id).containsExactly(2L, 1L);
        AlertRecord credit = open.get(1);
        assertThat(credit.count()).isEqualTo(3);
        assertThat(credit.firstRaisedAtNanos()).isEqualTo(T0);
        assertThat(credit.lastRaisedAtNanos()).isEqualTo(T0 + 69 * SECOND);
        assertThat(credit.alert().scope().account()).isEqualTo("ACC-1");
    }

    @Test
    void aRaiseAfterTheWindowOrAfterAnAcknowledgementIsANewAlert() throws Exception {
        Recorder heard = new Recorder();
        start(Duration.ofSeconds(60), 100, heard);

        center.raise(alert("engine.halt", Severity.CRITICAL, T0));
        center.raise(alert("engine.halt", Severity.CRITICAL, T0 + 61 * SECOND)); // gap longer than the window
        awaitListed(2);
        assertThat(center.acknowledge(2, "alice", "disk replaced")).isPresent();
        center.raise(alert("engine.halt", Severity.CRITICAL, T0 + 62 * SECOND)); // within, but 2 is acknowledged
        awaitListed(3);

        List<AlertRecord> all = center.list(true, 10);
        assertThat(all).extracting(AlertRecord::id).containsExactly(3L, 2L, 1L);
        assertThat(all).allSatisfy(record -> assertThat(record.count()).isEqualTo(1));
        assertThat(center.list(false, 10)).extracting(AlertRecord::id).containsExactly(3L, 1L);
    }

    @Test
    void aZeroWindowMakesEveryRaiseANewAlert() throws Exception {
        start(Duration.ZERO, 100, new Recorder());
        center.raise(alert("engine.halt", Severity.CRITICAL, T0));
        center.raise(alert("engine.halt", Severity.CRITICAL, T0));
        awaitListed(2);
        assertThat(center.list(false, 10)).hasSize(2);
    }

    @Test
    void acknowledgingRecordsWhoWhenAndWhatAndKeepsTheFirstAcknowledgement() throws Exception {
        start(Duration.ofSeconds(60), 100, new Recorder());
        center.raise(alert("engine.halt", Severity.CRITICAL, T0));
        awaitListed(1);

        clock.set(T0 + 5 * SECOND);
        AlertRecord acknowledged = center.acknowledge(1, "alice", "  disk replaced ").orElseThrow();
        assertThat(acknowledged.acknowledged()).isTrue();
        assertThat(acknowledged.acknowledgement().user()).isEqualTo("alice");
        assertThat(acknowledged.acknowledgement().atNanos()).isEqualTo(T0 + 5 * SECOND);
        assertThat(acknowledged.acknowledgement().note()).isEqualTo("disk replaced");

        clock.set(T0 + 9 * SECOND);
        AlertRecord again = center.acknowledge(1, "bob", "me too").orElseThrow();
        assertThat(again.acknowledgement()).isEqualTo(acknowledged.acknowledgement());

        assertThat(center.acknowledge(99, "alice", null)).isEmpty();
        assertThatThrownBy(() -> center.acknowledge(1, " ", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user");
        assertThatThrownBy(() -> center.acknowledge(1, "alice", "x".repeat(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1001");
        assertThatThrownBy(() -> center.list(true, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit = 0");
    }

    @Test
    void onlyTheNewestAlertsUpToKeepAreHeld() throws Exception {
        start(Duration.ZERO, 3, new Recorder());
        for (int i = 0; i < 5; i++) {
            center.raise(alert("venue.disconnected.V" + i, Severity.WARNING, T0 + i));
        }
        awaitLastId(5);
        assertThat(center.list(true, 10)).extracting(AlertRecord::id).containsExactly(5L, 4L, 3L);
        assertThat(center.acknowledge(1, "alice", null)).isEmpty();
        assertThat(center.list(true, 2)).extracting(AlertRecord::id).containsExactly(5L, 4L);
    }

    @Test
    void theFileIsRewrittenShortOnceItHoldsFarMoreLinesThanAlertsKeptAndReloadsTheNewest() throws Exception {
        start(Duration.ZERO, 10, new Recorder());
        for (int i = 1; i <= 1500; i++) {
            center.raise(alert("venue.reject." + i, Severity.INFO, T0 + i));
        }
        awaitLastId(1500);
        center.close();
        long lines;
        try (var stream = java.nio.file.Files.lines(folder.resolve("alerts.log"))) {
            lines = stream.count();
        }
        assertThat(lines).isLessThanOrEqualTo(1010).isGreaterThanOrEqualTo(10);

        start(Duration.ZERO, 10, new Recorder());
        assertThat(center.list(true, 100)).extracting(AlertRecord::id)
                .containsExactlyElementsOf(java.util.stream.LongStream.iterate(1500, id -> id - 1).limit(10)
                        .boxed().toList());
    }

    @Test
    void subscribersHearTheFirstRaiseThenAtMostOncePerWindowWithTheCountSoFar() throws Exception {
        Recorder heard = new Recorder();
        start(Duration.ofMillis(400), 100, heard);
        long now = T0;
        center.raise(alert("risk.limit.ACC-1.credit", Severity.WARNING, now));
        heard.awaitCount(1, 1000);
        for (int i = 1; i <= 5; i++) {
            center.raise(alert("risk.limit.ACC-1.credit", Severity.WARNING, now + i * 1_000_000L));
        }
        // Not at once: the repeats are told once, when the window since the first delivery ends.
        Thread.sleep(150);
        assertThat(heard.records()).hasSize(1);
        List<AlertRecord> records = heard.awaitCount(2, 2000);
        assertThat(records.get(0).count()).isEqualTo(1);
        assertThat(records.get(1).id()).isEqualTo(1);
        assertThat(records.get(1).count()).isEqualTo(6);
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(heard.receivedAtNanos().get(1) - heard.receivedAtNanos().get(0));
        assertThat(gapMillis).isBetween(350L, 1400L);
        // Nothing more: no repeat since.
        Thread.sleep(600);
        assertThat(heard.records()).hasSize(2);
    }

    @Test
    void aRepeatThatRaisesTheSeverityIsToldAtOnce() throws Exception {
        Recorder heard = new Recorder();
        start(Duration.ofSeconds(60), 100, heard);
        center.raise(alert("risk.limit.ACC-1.credit", Severity.WARNING, T0));
        center.raise(alert("risk.limit.ACC-1.credit", Severity.WARNING, T0 + 1));
        center.raise(alert("risk.limit.ACC-1.credit", Severity.CRITICAL, T0 + 2));
        List<AlertRecord> records = heard.awaitCount(2, 1000);
        assertThat(records.get(1).alert().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(records.get(1).count()).isEqualTo(3);
    }

    @Test
    void anAcknowledgedAlertIsNotRemindedOf() throws Exception {
        Recorder heard = new Recorder();
        start(Duration.ofMillis(300), 100, heard);
        center.raise(alert("engine.halt", Severity.CRITICAL, T0));
        heard.awaitCount(1, 1000);
        center.raise(alert("engine.halt", Severity.CRITICAL, T0 + 1));
        awaitCount(1, 2);
        center.acknowledge(1, "alice", null);
        Thread.sleep(700);
        assertThat(heard.records()).hasSize(1);
    }

    @Test
    void raisingNeverWaitsAndAFullQueueIsCountedAsDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        center = new AlertCenter(folder.resolve("alerts.log"), Duration.ZERO, 100_000, record -> {
            blocked.countDown();
            try {
                release.await(); // a delivery that holds the alerts thread, so the queue fills
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, clock::get);
        center.raise(alert("first", Severity.INFO, T0));
        assertThat(blocked.await(2, TimeUnit.SECONDS)).isTrue();

        int raised = AlertCenter.QUEUE_CAPACITY + 500;
        long started = System.nanoTime();
        for (int i = 0; i < raised; i++) {
            center.raise(alert("burst." + i, Severity.INFO, T0 + i));
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(tookMillis).as("raising %d alerts with the alerts thread held", raised).isLessThan(1000);
        assertThat(center.dropped()).isEqualTo(500);

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (center.list(true, 1).get(0).id() < 1 + AlertCenter.QUEUE_CAPACITY && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(center.list(true, 1).get(0).id()).isEqualTo(1 + AlertCenter.QUEUE_CAPACITY);
    }

    private void awaitListed(int open) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (center.list(true, 1000).size() < open) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + open + " alerts, have " + center.list(true, 1000));
            }
            Thread.sleep(5);
        }
    }

    private void awaitLastId(long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (center.list(true, 1).isEmpty() || center.list(true, 1).get(0).id() < id) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected alert " + id + ", have " + center.list(true, 1000));
            }
            Thread.sleep(5);
        }
    }

    private void awaitCount(long id, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (center.list(true, 1000).stream().noneMatch(r -> r.id() == id && r.count() >= count)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected alert " + id + " counted " + count + ": " + center.list(true, 9));
            }
            Thread.sleep(5);
        }
    }
}

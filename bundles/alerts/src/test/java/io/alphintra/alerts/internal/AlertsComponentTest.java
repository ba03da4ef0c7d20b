package io.alphintra.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.alerts.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsComponentTest {
    @TempDir
    Path data;

    private final List<AlertsComponent> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(AlertsComponent::deactivate);
    }

    private AlertsComponent start(Map<String, ?> config) {
        AlertsComponent component = new AlertsComponent(TestConfig.of(config), config, data.resolve("alerts"),
                Duration.ofMillis(300), Duration.ofMillis(50));
        started.add(component);
        return component;
    }

    private static Alert alert(String key, Severity severity) {
        return Alert.of(key, severity, "engine", "the engine halted: journal commit failed; free disk space and"
                + " restart", AlertScope.ofVenue("SIMX_US"));
    }

    @Test
    void alertsAndAcknowledgementsSurviveARestart() throws Exception {
        AlertsComponent first = start(Map.of());
        Recorder heard = new Recorder();
        first.subscribe("test", "recorder", heard);
        first.raise(alert("engine.halt", Severity.CRITICAL));
        first.raise(alert("engine.halt", Severity.CRITICAL));
        first.raise(alert("venue.disconnected.SIMX_US", Severity.WARNING));
        first.raise(alert("risk.limit.ACC-1.credit", Severity.WARNING));
        heard.awaitCount(3, 2000);
        awaitCount(first, 1, 2);
        first.acknowledge(2, "alice", "venue back");
        AlertRecord heardAck = heard.awaitCount(4, 2000).get(3);
        assertThat(heardAck.id()).as("subscribers hear the acknowledgement").isEqualTo(2);
        assertThat(heardAck.acknowledgement().user()).isEqualTo("alice");
        first.deactivate();
        started.remove(first);

        AlertsComponent second = start(Map.of());
        List<AlertRecord> all = second.list(true, 10);
        assertThat(all).extracting(AlertRecord::id).containsExactly(3L, 2L, 1L);
        assertThat(all.get(2).count()).isEqualTo(2);
        assertThat(all.get(2).alert().scope().venue()).isEqualTo("SIMX_US");
        assertThat(all.get(1).acknowledgement().user()).isEqualTo("alice");
        assertThat(all.get(1).acknowledgement().note()).isEqualTo("venue back");
        assertThat(second.list(false, 10)).extracting(AlertRecord::id).containsExactly(3L, 1L);

        // The open alert still de-duplicates after the restart; a new key continues the numbering.
        second.raise(alert("engine.halt", Severity.CRITICAL));
        second.raise(alert("strategy.quarantine.momentum-1", Severity.CRITICAL));
        awaitCount(second, 4, 1);
        assertThat(second.list(true, 10)).extracting(AlertRecord::id, AlertRecord::count)
                .startsWith(org.assertj.core.groups.Tuple.tuple(4L, 1L));
        awaitCount(second, 1, 3);
    }

    @Test
    void aDamagedLineIsSkippedAtStartAndTheOtherAlertsLoad() throws Exception {
        AlertsComponent first = start(Map.of());
        first.raise(alert("engine.halt", Severity.CRITICAL));
        first.raise(alert("venue.disconnected.SIMX_US", Severity.WARNING));
        awaitCount(first, 2, 1);
        first.deactivate();
        started.remove(first);

        Path file = data.resolve("alerts").resolve("alerts.log");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(0, lines.get(0).replace("journal", "JOURNAL"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        AlertsComponent second = start(Map.of());
        assertThat(second.list(true, 10)).extracting(AlertRecord::id).containsExactly(2L);
    }

    @Test
    void aMalformedChangeIsRefusedAndTheLastGoodConfigurationStays() throws Exception {
        AlertsComponent component = start(Map.of("dedupeWindowSeconds", "60"));
        Map<String, Object> bad = Map.of("dedupeWindowSeconds", "1O", "webhookUrls", "ftp://example.org/x");
        assertThat(component.reconfigure(TestConfig.of(bad), bad)).isFalse();

        component.raise(alert("engine.halt", Severity.CRITICAL));
        component.raise(alert("engine.halt", Severity.CRITICAL));
        awaitCount(component, 1, 2);
        assertThat(component.list(true, 10)).hasSize(1); // still de-duplicated with the 60 s window
        assertThat(component.webhooks()).isNull();

        Map<String, Object> good = Map.of("dedupeWindowSeconds", "0", "keep", "5");
        assertThat(component.reconfigure(TestConfig.of(good), good)).isTrue();
        component.raise(alert("engine.halt", Severity.CRITICAL));
        awaitCount(component, 2, 1);
    }

    @Test
    void aMalformedConfigurationAtStartStartsWithTheDefaults() throws Exception {
        Map<String, Object> bad = Map.of("keep", "-5");
        AlertsComponent component = start(bad);
        component.raise(alert("engine.halt", Severity.CRITICAL));
        component.raise(alert("engine.halt", Severity.CRITICAL));
        awaitCount(component, 1, 2);
    }

    @Test
    void aSubscriberThatThrowsOrHangsHoldsUpNoOtherAndEveryAlertArrivesWithinASecond() throws Exception {
        AlertsComponent component = start(Map.of("dedupeWindowSeconds", "0"));
        Recorder good = new Recorder();
        List<Long> thrownOn = new ArrayList<>();
        component.subscribe("throws", "thrower", record -> {
            synchronized (thrownOn) {
                thrownOn.add(record.id());
            }
            throw new StackOverflowError("subscriber defect");
        });
        java.util.concurrent.CountDownLatch forever = new java.util.concurrent.CountDownLatch(1);
        component.subscribe("hangs", "hanger", record -> {
            while (true) {
                try {
                    forever.await(); // ignores the watchdog's interrupt
                    return;
                } catch (InterruptedException ignored) {
                    // a subscriber that will not stop
                }
            }
        });
        component.subscribe("good", "good", good);

        int alerts = 40;
        long[] raisedAt = new long[alerts];
        for (int i = 0; i < alerts; i++) {
            raisedAt[i] = System.nanoTime();
            component.raise(alert("venue.disconnected.V" + i, Severity.WARNING));
            Thread.sleep(10);
        }
        List<AlertRecord> heard = good.awaitCount(alerts, 3000);
        assertThat(heard).extracting(AlertRecord::id).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, alerts).boxed().toList());
        List<Long> receivedAt = good.receivedAtNanos();
        long worst = 0;
        for (int i = 0; i < alerts; i++) {
            worst = Math.max(worst, receivedAt.get(i) - raisedAt[i]);
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(worst)).as("slowest raise-to-subscriber").isLessThan(1000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (sizeOf(thrownOn) < alerts && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100); // a retry, were there one, would come now
        synchronized (thrownOn) {
            assertThat(thrownOn).as("each alert once, never retried").hasSize(alerts).doesNotHaveDuplicates();
        }
        forever.countDown();
    }

    private static int sizeOf(List<Long> list) {
        synchronized (list) {
            return list.size();
        }
    }

    private static void awaitCount(AlertsComponent component, long id, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (component.list(true, 1000).stream().noneMatch(r -> r.id() == id && r.count() >= count)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected alert " + id + " counted " + count + ": "
                        + component.list(true, 10));
            }
            Thread.sleep(5);
        }
    }
}

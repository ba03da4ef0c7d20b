package io.alphintra.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.order.ExecutionReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineFeedTest {
    private static final TopOfBookRecord TOP = new TopOfBookRecord(Fixtures.BTC_ID, 6_425_050, 50_000_000,
            6_425_100, 20_000_000, Fixtures.TIME, Fixtures.TIME);

    @Test
    void anOfferToAFullRingReturnsAtOnceAndCountsADrop() {
        EventRing ring = new EventRing(4);
        EngineFeed feed = new EngineFeed(ring);
        feed.interest(true, true, true);
        for (int i = 0; i < 4; i++) {
            feed.onTopOfBook(TOP);
        }
        assertThat(ring.dropped()).isZero();

        long started = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            feed.onTopOfBook(TOP);
        }
        long took = System.nanoTime() - started;

        assertThat(ring.dropped()).isEqualTo(1_000_000);
        // A bound far above a refused offer's cost (tens of nanoseconds) and far below any wait or park.
        assertThat(TimeUnit.NANOSECONDS.toMillis(took)).as("a million refused offers").isLessThan(2_000);
    }

    @Test
    void theFeedAllocatesNothingOnTheEngineThread() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        EventRing ring = new EventRing(1 << 10);
        EngineFeed feed = new EngineFeed(ring);
        feed.interest(true, true, true);
        ExecutionReport report = Fixtures.pendingNew("c-1");
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            publishAndDrain(feed, ring, report);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        publishAndDrain(feed, ring, report);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // 100,000 offers, half of them refused by a full ring; the bound leaves room for the measurement's own noise.
        assertThat(allocated).as("bytes allocated by 100,000 offers").isLessThan(4_096);
    }

    private static void publishAndDrain(EngineFeed feed, EventRing ring, ExecutionReport report) {
        EventRing.Consumer ignore = (kind, event, source, strategy) -> { };
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 2_000; j++) {
                feed.onTopOfBook(TOP);
                feed.onReport(report, "shell:alice", "manual");
            }
            while (ring.poll(ignore)) {
                // drained between bursts, as the dispatcher does
            }
        }
    }

    @Test
    void whatNoClientWantsIsNotOfferedAtAll() {
        EventRing ring = new EventRing(4);
        EngineFeed feed = new EngineFeed(ring);
        feed.onTopOfBook(TOP);
        feed.onTrade(new TradeRecord(Fixtures.BTC_ID, 6_425_050, 1_000, AggressorSide.BUYER, Fixtures.TIME,
                Fixtures.TIME));
        feed.onReport(Fixtures.pendingNew("c-1"), "shell:alice", "manual");
        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.dropped()).isZero();
    }

    @Test
    void theConsumerGetsTheEventItselfWithItsSourceAndStrategyInOrder() {
        EventRing ring = new EventRing(8);
        EngineFeed feed = new EngineFeed(ring);
        feed.interest(true, true, true);
        ExecutionReport report = Fixtures.pendingNew("c-1");
        feed.onTopOfBook(TOP);
        feed.onReport(report, "api:bob", "momentum-1");
        List<Object> seen = new ArrayList<>();
        while (ring.poll((kind, event, source, strategy) -> seen.add(List.of(kind, event,
                String.valueOf(source), String.valueOf(strategy))))) {
            // drained
        }
        assertThat(seen).containsExactly(List.of(EventRing.TOP_OF_BOOK, TOP, "null", "null"),
                List.of(EventRing.REPORT, report, "api:bob", "momentum-1"));
    }

    @Test
    void severalPublishersLoseNothingAndKeepEachOnesOrder() throws Exception {
        EventRing ring = new EventRing(1 << 10);
        int publishers = 4;
        int each = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    while (!ring.offer(publisher, i, null, null)) {
                        Thread.onSpinWait(); // the test's publishers retry; the engine's feed drops instead
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        int[] next = new int[publishers];
        start.countDown();
        int received = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received < publishers * each && System.nanoTime() < deadline) {
            if (ring.poll((kind, event, source, strategy) -> {
                assertThat((int) (Integer) event).as("publisher %d's next", kind).isEqualTo(next[kind]);
                next[kind]++;
            })) {
                received++;
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(received).isEqualTo(publishers * each);
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void aParkedConsumerWakesForAnOffer() throws Exception {
        EventRing ring = new EventRing(4);
        CountDownLatch parked = new CountDownLatch(1);
        long[] waited = new long[1];
        Thread consumer = new Thread(() -> {
            parked.countDown();
            long started = System.nanoTime();
            ring.await(TimeUnit.SECONDS.toNanos(30), () -> false);
            waited[0] = System.nanoTime() - started;
        });
        consumer.start();
        parked.await();
        Thread.sleep(100); // lets it park; the assertion below holds either way
        ring.offer(EventRing.ALERT, "alert", null, null);
        consumer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(consumer.isAlive()).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(waited[0])).isLessThan(10);
    }
}

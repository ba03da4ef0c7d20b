package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BackoffWaitStrategy} in a real Disruptor, one consumer as the engine has. Timings are bounded generously
 * (the build machine is shared): each claim is checked against a park an order of magnitude longer than the bound.
 */
class BackoffWaitStrategyTest {
    private static final long LONG_PARK = TimeUnit.SECONDS.toNanos(30);
    /** A park recorded by the observer; {@link #EVENT} marks an event handled, on the same (consumer) thread. */
    private static final long EVENT = -1;

    @TempDir
    Path directory;

    private Disruptor<long[]> disruptor;
    private Thread consumer;

    @AfterEach
    void haltDisruptor() {
        if (disruptor != null) {
            disruptor.halt();
        }
    }

    private Disruptor<long[]> start(WaitStrategy strategy, EventHandler<long[]> handler) {
        disruptor = new Disruptor<>(() -> new long[1], 1024, runnable -> {
            Thread thread = new Thread(runnable, "backoff-test-consumer");
            thread.setDaemon(true);
            consumer = thread;
            return thread;
        }, ProducerType.MULTI, strategy);
        disruptor.handleEventsWith(handler);
        disruptor.start();
        return disruptor;
    }

    private static void publish(Disruptor<long[]> disruptor, long value) {
        disruptor.getRingBuffer().publishEvent((slot, sequence, v) -> slot[0] = v, value);
    }

    /** The parks the consumer made, in order, with {@link #EVENT} where it handled an event. */
    private static final class Parks implements BackoffWaitStrategy.ParkObserver {
        private final List<Long> parks = new ArrayList<>();

        @Override
        public synchronized void parking(long nanos) {
            parks.add(nanos);
        }

        synchronized void event() {
            parks.add(EVENT);
        }

        synchronized List<Long> snapshot() {
            return new ArrayList<>(parks);
        }

        synchronized int count() {
            return parks.size();
        }
    }

    @Test
    void anEventPublishedAfterALongIdleIsDeliveredAtOnceThoughTheTimedParkIsLong() throws Exception {
        // Every park announced and 30 s long: only the publisher's wake-up can deliver within the bound.
        Parks parks = new Parks();
        AtomicLong receivedAt = new AtomicLong();
        CountDownLatch received = new CountDownLatch(1);
        Disruptor<long[]> ring = start(new BackoffWaitStrategy(10, 10, 10, LONG_PARK, 0, LONG_PARK, parks),
                (slot, sequence, endOfBatch) -> {
                    receivedAt.set(System.nanoTime());
                    received.countDown();
                });
        awaitParks(parks, LONG_PARK);

        long sentAt = System.nanoTime();
        publish(ring, 42);

        assertThat(received.await(5, TimeUnit.SECONDS)).as("delivered, not after the 30 s park").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(receivedAt.get() - sentAt)).isLessThan(2_000);
    }

    @Test
    void withTheDefaultsAnEventAfterALongIdleArrivesWithinTheCap() throws Exception {
        List<Long> latencies = new ArrayList<>();
        AtomicLong sentAt = new AtomicLong();
        AtomicReference<CountDownLatch> received = new AtomicReference<>(new CountDownLatch(1));
        Disruptor<long[]> ring = start(new BackoffWaitStrategy(), (slot, sequence, endOfBatch) -> {
            latencies.add(System.nanoTime() - sentAt.get());
            received.get().countDown();
        });
        for (int i = 0; i < 5; i++) {
            Thread.sleep(100); // idle well past the backoff: the consumer parks up to 1 ms at a time
            received.set(new CountDownLatch(1));
            sentAt.set(System.nanoTime());
            publish(ring, i);
            assertThat(received.get().await(5, TimeUnit.SECONDS)).isTrue();
        }
        // 1 ms is the cap of a missed wake-up; the bound leaves room for a shared machine's scheduling.
        assertThat(latencies).hasSize(5).allSatisfy(nanos -> assertThat(nanos).isLessThan(500_000_000L));
    }

    @Test
    void haltStopsAParkedConsumerPromptly() throws Exception {
        Parks parks = new Parks();
        Disruptor<long[]> ring = start(new BackoffWaitStrategy(10, 10, 10, LONG_PARK, 0, LONG_PARK, parks),
                (slot, sequence, endOfBatch) -> { });
        awaitParks(parks, LONG_PARK);

        long haltAt = System.nanoTime();
        ring.halt();
        consumer.join(5_000);

        assertThat(consumer.isAlive()).as("the consumer thread ended, not after its 30 s park").isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - haltAt)).isLessThan(5_000);
    }

    @Test
    void underLoadItSleepsLikeTheSleepingStrategyThenBacksOffToTheCap() throws Exception {
        long min = 100;
        long cap = TimeUnit.MILLISECONDS.toNanos(1);
        long backoffAfter = TimeUnit.MILLISECONDS.toNanos(20); // long, so that a stalled test thread cannot pass it
        Parks parks = new Parks();
        AtomicLong handled = new AtomicLong();
        // No yields: on a loaded machine they alone can outlast the idle time that ends the sleeping phase.
        Disruptor<long[]> ring = start(new BackoffWaitStrategy(100, 0, 0, min, backoffAfter, cap, parks),
                (slot, sequence, endOfBatch) -> {
                    parks.event();
                    handled.incrementAndGet();
                });
        // A steady flow, an event every 200 µs for 200 ms: quiet mode ends one backoffAfter after it starts.
        long next = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            next += 200_000;
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            publish(ring, i);
        }
        awaitHandled(handled, 1_000);
        int afterFlow = parks.count();
        awaitParks(parks, cap, afterFlow);

        List<Long> recorded = parks.snapshot();
        int lastEvent = recorded.lastIndexOf(EVENT);
        assertThat(recorded.subList(lastEvent + 1, recorded.size()).get(0))
                .as("after a steady flow the wait begins with the sleeping strategy's park").isEqualTo(min);
        assertBackoff(recorded.subList(lastEvent + 1, recorded.size()), min, cap);
    }

    @Test
    void afterALongIdleEachEventStartsAQuietBackoffAgain() throws Exception {
        long min = 100;
        long backoffAfter = TimeUnit.MILLISECONDS.toNanos(2);
        long cap = TimeUnit.MILLISECONDS.toNanos(10);
        Parks parks = new Parks();
        AtomicLong handled = new AtomicLong();
        Disruptor<long[]> ring = start(new BackoffWaitStrategy(100, 0, 0, min, backoffAfter, cap, parks),
                (slot, sequence, endOfBatch) -> {
                    parks.event();
                    handled.incrementAndGet();
                });
        awaitParks(parks, cap);

        for (int event = 1; event <= 2; event++) {
            int before = parks.count();
            publish(ring, event);
            awaitHandled(handled, event);
            awaitParks(parks, cap, before);
            List<Long> recorded = parks.snapshot();
            List<Long> afterEvent = recorded.subList(recorded.lastIndexOf(EVENT) + 1, recorded.size());
            // Quiet: no sleeping phase, and the parks double from backoffAfter, starting again after each event.
            assertThat(afterEvent.subList(0, 4)).containsExactly(2_000_000L, 4_000_000L, 8_000_000L, cap);
            assertThat(afterEvent.subList(3, afterEvent.size())).containsOnly(cap);
        }
    }

    /** Sleeping-length parks first, then 50 µs doubling to the cap, then the cap. */
    private static void assertBackoff(List<Long> parks, long min, long cap) {
        assertThat(parks).as("parks").isNotEmpty();
        int first = parks.indexOf(BackoffWaitStrategy.FIRST_BACKOFF_PARK_NANOS);
        assertThat(first).as("the backoff starts, in " + parks).isPositive();
        assertThat(parks.subList(0, first)).as("before it, only the sleeping park").containsOnly(min);
        assertThat(parks.subList(first, first + 6)).containsExactly(50_000L, 100_000L, 200_000L, 400_000L,
                800_000L, cap);
        assertThat(parks.subList(first + 5, parks.size())).as("then the cap").containsOnly(cap);
    }

    private static void awaitHandled(AtomicLong handled, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + handled.get() + " of " + count + " events handled");
            }
            Thread.sleep(1);
        }
    }

    @Test
    void anIdleConsumerWakesAtMostOnceInEachPark() throws Exception {
        Parks parks = new Parks();
        long cap = BackoffWaitStrategy.DEFAULT_MAX_PARK_NANOS;
        start(new BackoffWaitStrategy(BackoffWaitStrategy.DEFAULT_SPIN_TRIES, BackoffWaitStrategy.DEFAULT_YIELD_TRIES,
                BackoffWaitStrategy.DEFAULT_QUIET_YIELD_TRIES, BackoffWaitStrategy.DEFAULT_MIN_PARK_NANOS,
                BackoffWaitStrategy.DEFAULT_BACKOFF_AFTER_NANOS, cap, parks), (slot, sequence, endOfBatch) -> { });
        awaitParks(parks, cap);

        int before = parks.count();
        long from = System.nanoTime();
        Thread.sleep(1_000);
        double perSecond = (parks.count() - before) * 1e9 / (System.nanoTime() - from);

        // The sleeping strategy parks ~20,000 times a second here; parks of the cap end at most 1e9 / cap times.
        assertThat(perSecond).isLessThanOrEqualTo(1.1e9 / cap + 2);
        assertThat(cap).as("an idle engine wakes at most about 1,000 times a second").isLessThanOrEqualTo(
                TimeUnit.MILLISECONDS.toNanos(10));
    }

    /** The engine as the component wires it: an idle engine on the default strategy answers and stops at once. */
    @Test
    void anIdleEngineOnBackoffAnswersAnOrderAndStopsPromptly() throws Exception {
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            OrderGate gate = new OrderGate("test");
            gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
            ExchangeAdapter silent = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> null);
            EngineCore core = new EngineCore(journal, gate, CoreFixtures.venues(() -> silent, () -> true), null,
                    (report, source, strategyId) -> { }, 16, 1 << 20);
            EngineLoop loop = new EngineLoop(core, CoreFixtures.inputs(() -> true), new MarketCache(),
                    EngineClock::nowNanos, 1024, "backoff");
            loop.start();
            long closed;
            try {
                Thread.sleep(200);
                ExecutionReport answer = loop.submit(OrderRequest.limit(ClientOrderId.of("after-idle"),
                        CoreFixtures.AAPL, Side.BUY, 1, 15000, TimeInForce.DAY, CoreFixtures.WHO), "shell:admin")
                        .toCompletableFuture().get(5, TimeUnit.SECONDS);
                assertThat(answer.execType()).isEqualTo(ExecType.PENDING_NEW);
                Thread.sleep(200);
            } finally {
                long closing = System.nanoTime();
                loop.close();
                closed = System.nanoTime() - closing;
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(closed)).as("close of an idle engine, ms").isLessThan(2_000);
        }
    }

    @Test
    void backoffIsTheNameOfThisStrategy() {
        assertThat(EngineLoop.waitStrategy("backoff")).isInstanceOf(BackoffWaitStrategy.class);
    }

    /** Waits until the consumer has made a park of {@code nanos} (after the first {@code from} recorded). */
    private static void awaitParks(Parks parks, long nanos) throws InterruptedException {
        awaitParks(parks, nanos, 0);
    }

    private static void awaitParks(Parks parks, long nanos, int from) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<Long> recorded = parks.snapshot();
            // Two parks of that length: the consumer has been in the first long enough to be parked in the second.
            if (recorded.subList(Math.min(from, recorded.size()), recorded.size()).stream()
                    .filter(park -> park == nanos).count() >= (nanos == LONG_PARK ? 1 : 2)) {
                Thread.sleep(50);
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the consumer never parked for " + nanos + " ns; parks: " + parks.snapshot());
    }
}

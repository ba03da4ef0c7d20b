package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine never fails silently: a plugin's failure or overrun costs only its own order (and, repeated, the plugin
 * its place), while a journal failure halts the engine, releases every caller with the reason and refuses at once
 * from then on; a restart recovers every acknowledged order.
 */
class EngineFailureTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private Journal journal;
    private EngineLoop loop;
    private PluginWatchdog watchdog;
    private OrderGate gate;
    /** What the engine raised, in order. */
    private final List<String> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The venue's adapter; null: one that accepts everything. */
    private ExchangeAdapter adapter;

    @AfterEach
    void stop() throws IOException {
        if (loop != null) {
            loop.close();
        }
        if (watchdog != null) {
            watchdog.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    private void start(int budgetMillis, PreTradeCheck check, RuleSet ruleSet) throws IOException {
        journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE);
        watchdog = new PluginWatchdog(budgetMillis);
        gate = new OrderGate("test", watchdog);
        gate.putRuleSet(ruleSet);
        if (check != null) {
            gate.addCheck(check);
        }
        ExchangeAdapter venue = adapter != null ? adapter : (ExchangeAdapter) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> null);
        EngineCore core = new EngineCore(journal, gate, CoreFixtures.venues(() -> venue, () -> true), null,
                (report, source, strategyId) -> { }, 64, 1 << 20);
        core.alertsTo((key, critical, message) -> alerts.add(key + (critical ? " CRITICAL: " : " WARNING: ") + message));
        loop = new EngineLoop(core, CoreFixtures.inputs(() -> true), new MarketCache(), EngineClock::nowNanos, 8,
                "backoff");
        loop.start();
    }

    private static OrderRequest order(String id) {
        return OrderRequest.limit(ClientOrderId.of(id), CoreFixtures.AAPL, Side.BUY, 1, 15000, TimeInForce.DAY,
                CoreFixtures.WHO);
    }

    private ExecutionReport submit(String id) throws Exception {
        return loop.submit(order(id), "shell:admin").toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    private static PreTradeCheck check(String id, Function<String, CheckResult> behaviour) {
        return new PreTradeCheck() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public int order() {
                return 0;
            }

            @Override
            public CheckResult check(OrderRequest request, PreTradeContext context) {
                return behaviour.apply(request.clientOrderId().value());
            }
        };
    }

    private static RuleSet rules(Function<String, Boolean> behaviour) {
        return new RuleSet() {
            @Override
            public String id() {
                return "us-rules";
            }

            @Override
            public Jurisdiction jurisdiction() {
                return Jurisdiction.US;
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public ComplianceDecision evaluate(OrderRequest order, ComplianceContext context) {
                behaviour.apply(order.clientOrderId().value());
                return ComplianceDecision.accept(this);
            }
        };
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void anyThrowableFromACheckOrRuleSetRejectsOnlyItsOrderAndRepeatedFaultsQuarantine() throws Exception {
        PreTradeCheck check = check("flaky-check", id -> switch (id) {
            case "soe" -> CheckResult.reject(null, "never: " + recurse(0));
            case "error", "error2" -> throw new Error("plugin bug");
            default -> CheckResult.accept();
        });
        RuleSet ruleSet = rules(id -> {
            if (id.equals("rules-error")) {
                throw new AssertionError("rule set bug");
            }
            return true;
        });
        start(0, check, ruleSet);
        assertTimeoutPreemptively(BOUND, () -> {
            ExecutionReport overflow = submit("soe");
            assertThat(overflow.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(overflow.text()).contains("flaky-check", "StackOverflowError", "fails closed");
            assertThat(submit("ok1").execType()).isEqualTo(ExecType.PENDING_NEW);

            ExecutionReport error = submit("error");
            assertThat(error.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(error.text()).contains("flaky-check", "plugin bug");
            assertThat(submit("ok2").execType()).isEqualTo(ExecType.PENDING_NEW);

            ExecutionReport ruleError = submit("rules-error");
            assertThat(ruleError.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(ruleError.text()).contains("us-rules", "rule set bug");
            assertThat(submit("ok3").execType()).isEqualTo(ExecType.PENDING_NEW);

            // The third fault of the check quarantines it: fail closed, every order it would decide is rejected.
            assertThat(submit("error2").execType()).isEqualTo(ExecType.REJECTED);
            ExecutionReport refused = submit("ok4");
            assertThat(refused.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(refused.text()).contains("flaky-check", "quarantined");
            assertThat(gate.quarantined()).containsOnlyKeys("flaky-check");
            assertThat(alerts).singleElement().asString().startsWith("engine.plugin.quarantine.flaky-check CRITICAL:");
            assertThat(loop.halted()).isEmpty();
        });
    }

    @Test
    void theWatchdogInterruptsASleepingPluginWithinItsBudgetAndQuarantinesARepeatOffender() throws Exception {
        Set<String> interruptedOnEntry = ConcurrentHashMap.newKeySet();
        PreTradeCheck check = check("sleepy-check", id -> {
            if (Thread.currentThread().isInterrupted()) {
                interruptedOnEntry.add(id);
            }
            if (id.startsWith("slow")) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // as a well-behaved plugin does; the engine clears it
                }
            }
            return CheckResult.accept();
        });
        start(100, check, rules(id -> true));
        assertTimeoutPreemptively(BOUND, () -> {
            long started = System.nanoTime();
            ExecutionReport slow = submit("slow1");
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(slow.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(slow.text()).contains("sleepy-check", "budget of 100 ms", "interrupted");
            // Budget, a watchdog look (half the budget) and slack for a busy 2-core machine; far from the 5 s sleep.
            assertThat(tookMillis).isLessThan(1_500);

            // The interrupt was cleared before the engine went on: the journal's channel still writes.
            assertThat(submit("ok1").execType()).isEqualTo(ExecType.PENDING_NEW);
            assertThat(interruptedOnEntry).isEmpty();
            assertThat(loop.halted()).isEmpty();

            assertThat(submit("slow2").execType()).isEqualTo(ExecType.REJECTED);
            assertThat(submit("ok2").execType()).isEqualTo(ExecType.PENDING_NEW);
            assertThat(submit("slow3").execType()).isEqualTo(ExecType.REJECTED);
            long before = System.nanoTime();
            ExecutionReport quarantined = submit("ok3");
            assertThat(quarantined.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(quarantined.text()).contains("sleepy-check", "quarantined", "budget");
            assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(1_000);
            assertThat(interruptedOnEntry).isEmpty();
            assertThat(loop.halted()).isEmpty();
        });
    }

    @Test
    void aPluginIgnoringTheInterruptHasItsOrderRejectedAndIsQuarantinedOnceItReturns() throws Exception {
        PreTradeCheck check = check("stubborn-check", id -> {
            if (id.equals("spin")) {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // ignores interrupts
                }
            }
            return CheckResult.accept();
        });
        start(100, check, rules(id -> true));
        assertTimeoutPreemptively(BOUND, () -> {
            ExecutionReport spun = submit("spin");
            assertThat(spun.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(spun.text()).contains("stubborn-check", "ignored the interrupt");
            ExecutionReport next = submit("ok1");
            assertThat(next.execType()).isEqualTo(ExecType.REJECTED);
            assertThat(next.text()).contains("quarantined");
            assertThat(loop.halted()).isEmpty();
        });
    }

    @Test
    void anOutOfMemoryErrorFromAPluginHaltsTheEngineAndAnswersEveryCaller() throws Exception {
        PreTradeCheck check = check("hungry-check", id -> {
            if (id.equals("oom")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return CheckResult.accept();
        });
        start(0, check, rules(id -> true));
        assertTimeoutPreemptively(BOUND, () -> {
            assertThat(submit("ok1").execType()).isEqualTo(ExecType.PENDING_NEW);
            assertThat(loop.submit(order("oom"), "shell:admin").toCompletableFuture()).failsWithin(BOUND)
                    .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(EngineHaltedException.class)
                    .withMessageContaining("OutOfMemoryError");
            assertThat(loop.halted()).isPresent();
            assertThat(loop.submit(order("ok2"), "shell:admin").toCompletableFuture()).isCompletedExceptionally();
        });
    }

    /**
     * The journal's device fills up under a batch (its segment's channel is swapped for {@code /dev/full} on the
     * engine thread, between the batch's appends and its commit): the commit fails with an {@link IOException}.
     */
    @Test
    void anExchangeAdapterBlockingTheEngineThreadIsInterruptedAndCostsOnlyItsOrder() throws Exception {
        adapter = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> {
                    if (method.getName().equals("submit")
                            && ((OrderRequest) args[0]).clientOrderId().value().equals("stuck")) {
                        Thread.sleep(5_000);
                    }
                    return null;
                });
        start(100, null, rules(id -> true));
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            // Accepted by the gate and committed; then the adapter blocks on the send and is interrupted.
            assertThat(submit("stuck").execType()).isEqualTo(ExecType.PENDING_NEW);
            ExecutionReport next = submit("next");
            assertThat(next.execType()).as("the engine thread went on").isEqualTo(ExecType.PENDING_NEW);
            List<io.alphintra.sdk.order.OpenOrder> open = loop.query(EngineCore::openOrders).toCompletableFuture()
                    .get();
            assertThat(open).extracting(o -> o.clientOrderId().value()).containsExactly("next");
            assertThat(loop.halted()).isEmpty();
        });
    }

    @Test
    void aQueryNeverSeesWhatTheBatchsFailedCommitTakesBack() throws Exception {
        Field segment = Journal.class.getDeclaredField("segment");
        segment.setAccessible(true);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<FileChannel> swappedOut = new ArrayList<>();
        RuleSet ruleSet = rules(id -> {
            try {
                if (id.equals("hold")) {
                    holding.countDown();
                    release.await();
                } else if (id.equals("disk-full")) {
                    swappedOut.add((FileChannel) segment.get(journal));
                    segment.set(journal, FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE));
                }
            } catch (ReflectiveOperationException | IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return true;
        });
        start(0, null, ruleSet);
        assertTimeoutPreemptively(BOUND, () -> {
            CompletableFuture<ExecutionReport> held = loop.submit(order("hold"), "shell:admin").toCompletableFuture();
            holding.await();
            // Queued behind the held order: they form the next batch, whose commit fails.
            CompletableFuture<ExecutionReport> lost = loop.submit(order("disk-full"), "shell:admin")
                    .toCompletableFuture();
            CompletableFuture<List<io.alphintra.sdk.order.OpenOrder>> seen =
                    loop.query(EngineCore::openOrders).toCompletableFuture();
            release.countDown();

            assertThat(held.get().execType()).isEqualTo(ExecType.PENDING_NEW);
            assertThat(lost).failsWithin(BOUND).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(EngineHaltedException.class);
            assertThat(seen).as("the query is answered after the commit, which failed: never with the lost order")
                    .failsWithin(BOUND).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(EngineHaltedException.class);
        });
        for (FileChannel channel : swappedOut) {
            channel.close();
        }
    }

    @Test
    void aJournalFailureHaltsTheEngineReleasesEveryCallerAndARestartRecoversEveryAcknowledgedOrder()
            throws Exception {
        Field segment = Journal.class.getDeclaredField("segment");
        segment.setAccessible(true);
        List<FileChannel> swappedOut = new ArrayList<>();
        RuleSet ruleSet = rules(id -> {
            if (id.equals("disk-full")) {
                try {
                    swappedOut.add((FileChannel) segment.get(journal));
                    segment.set(journal, FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE));
                } catch (ReflectiveOperationException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        });
        start(0, null, ruleSet);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        assertTimeoutPreemptively(BOUND, () -> {
            for (int i = 0; i < 20; i++) {
                assertThat(submit("before-" + i).execType()).isEqualTo(ExecType.PENDING_NEW);
                acknowledged.add("before-" + i);
            }
            // Callers on several threads, some in the failing batch, some behind it in the ring.
            List<CompletableFuture<ExecutionReport>> waiting = new ArrayList<>();
            List<Thread> producers = new ArrayList<>();
            List<CompletableFuture<ExecutionReport>> shared = java.util.Collections.synchronizedList(waiting);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                producers.add(new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        shared.add(loop.submit(order("t" + thread + "-" + i), "shell:admin").toCompletableFuture());
                        loop.send(order("one-way-" + thread + "-" + i), "strategy:x");
                    }
                }));
            }
            CompletableFuture<ExecutionReport> failing = loop.submit(order("disk-full"), "shell:admin")
                    .toCompletableFuture();
            producers.forEach(Thread::start);
            for (Thread producer : producers) {
                producer.join(); // never blocks on the ring of the halted engine
            }
            assertThat(failing).failsWithin(BOUND).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(EngineHaltedException.class)
                    .withMessageContaining("journal commit failed").withMessageContaining("No space left");
            List<CompletableFuture<ExecutionReport>> all;
            synchronized (shared) {
                all = new ArrayList<>(shared);
            }
            for (CompletableFuture<ExecutionReport> answer : all) {
                try {
                    ExecutionReport report = answer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
                    acknowledged.add(report.clientOrderId().value()); // answered before the halt: durable
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(EngineHaltedException.class)
                            .hasMessageContaining("journal commit failed");
                }
            }
            assertThat(loop.halted()).get().extracting(Throwable::getMessage).asString()
                    .contains("journal commit failed", "restart");
            assertThat(alerts).as("the halt is raised as a critical alert").singleElement().asString()
                    .startsWith("engine.halt CRITICAL: The engine halted").contains("journal commit failed");

            // From now on refused at once, before anything is published.
            CompletableFuture<ExecutionReport> later = loop.submit(order("after"), "shell:admin")
                    .toCompletableFuture();
            assertThat(later).isCompletedExceptionally();
            assertThat(loop.query(EngineCore::stateHash).toCompletableFuture()).isCompletedExceptionally();
            for (int i = 0; i < 10_000; i++) { // far more than the ring holds: nothing waits for a dead engine
                loop.send(order("flood-" + i), "strategy:x");
            }
        });
        loop.close();
        loop = null;
        journal.close(); // commits nothing of the failed batch
        journal = null;
        for (FileChannel channel : swappedOut) {
            channel.close();
        }

        // The restart: recovery holds every acknowledged order.
        try (Journal reopened = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            OrderGate freshGate = new OrderGate("test");
            freshGate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
            EngineCore recovered = new EngineCore(reopened, freshGate, CoreFixtures.venues(() -> null, () -> false),
                    null, (report, source, strategyId) -> { }, 64, 1 << 20);
            recovered.recover();
            Set<String> held = recovered.orders().stream().map(OrderView::clientOrderId)
                    .map(ClientOrderId::value).collect(Collectors.toSet());
            assertThat(held).containsAll(acknowledged);
            assertThat(held).doesNotContain("disk-full", "after");
        }
    }
}

package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.http.HttpEndpoint;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A misbehaving pre-trade check on the real distribution: the fault probe bundle (installed from its jar before each
 * test, uninstalled after, so that no test inherits another's faults) overflows the stack or sleeps 5 s on the engine
 * thread for magic quantities of BTC, and rejects BTC orders over 1000 lots. Each fault costs only its own order, the
 * engine keeps running and healthy, the watchdog cuts the sleep short, repeated faults quarantine the check, and a
 * replace past the limit is refused by the same gate as a new order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginFaultIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * The engine's {@code pluginCallMillis} on this node, twice the shipped 100 ms: the watchdog looks every half
     * budget, so it interrupts a call 1 to 1.5 budgets in, and a call past 2 budgets counts as ignoring the interrupt
     * (quarantined at once). Here a busy test machine has 100 ms of that slack rather than 50.
     */
    private static final long BUDGET_MILLIS = 200;
    /** How long an answer may take while the probe sleeps its 5 s: a fifth of it, several budgets. */
    private static final long ANSWER_BOUND_MILLIS = 1000;
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final InstrumentId ETH = InstrumentId.parse("ETH-USD@SIMX_CRYPTO");
    private static final String CHECK = "itest-fault-probe";
    private static final String SOURCE = "itest:fault";
    // The probe's shipped configuration, in BTC lots (0.00001 BTC each).
    private static final long MAX_LOTS = 1000;
    private static final long OVERFLOW_LOTS = 777;
    private static final long SLEEP_LOTS = 555;
    private static final long NORMAL_LOTS = 100;
    private static final Attribution ATTRIBUTION = new Attribution("manual", "itest", "ACC-FAULT", "operations",
            "house");
    private static final AtomicInteger ORDER_IDS = new AtomicInteger();

    @Inject
    private TradingEngine engine;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private HttpEndpoint http;

    private Bundle probe;
    private Instrument btc;
    private Instrument eth;
    /** Half the last price of each instrument, read before a test: queries wait behind a sleeping check too. */
    private final Map<InstrumentId, Long> farBids = new HashMap<>();

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(KarafNode.options(),
                editConfigurationFilePut("etc/io.alphintra.engine.cfg", "pluginCallMillis",
                        String.valueOf(BUDGET_MILLIS)),
                systemProperty("alphintra.fault.probe.jar").value(System.getProperty("alphintra.fault.probe.jar", "")));
    }

    @Before
    public void installProbe() throws Exception {
        btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        eth = EngineCalls.awaitInstrument(engine, ETH, WAIT);
        farBids.put(BTC, farBid(btc));
        farBids.put(ETH, farBid(eth));
        String jar = System.getProperty("alphintra.fault.probe.jar");
        assertTrue("alphintra.fault.probe.jar names the built probe: " + jar, jar != null && new File(jar).isFile());
        probe = bundleContext.installBundle(new File(jar).toURI().toString());
        probe.start();
        awaitProbeDeciding();
    }

    @After
    public void uninstallProbe() throws Exception {
        if (probe != null && probe.getState() != Bundle.UNINSTALLED) {
            probe.uninstall();
        }
    }

    @Test
    public void aStackOverflowErrorInACheckCostsOnlyItsOrder() throws Exception {
        ExecutionReport overflow = submit("overflow", btc, OVERFLOW_LOTS, TimeInForce.IOC);

        assertEquals(overflow.toString(), ExecType.REJECTED, overflow.execType());
        assertEquals(RejectReason.RISK_LIMIT, overflow.rejectReason());
        assertTrue(overflow.text(),
                overflow.text().contains("check " + CHECK + " failed (java.lang.StackOverflowError)"));
        assertEquals("the engine runs on", Optional.empty(), engine.haltReason());
        assertHealthUp();
        assertFalse("one fault does not quarantine", engine.quarantinedPlugins().containsKey(CHECK));

        ExecutionReport normal = resting("after-overflow", NORMAL_LOTS);
        EngineCalls.cancel(engine, normal, SOURCE, WAIT);
    }

    @Test
    public void aCheckSleepingFiveSecondsIsCutShortAndOtherOrdersWaitOnlyForTheWatchdog() throws Exception {
        long sleeperSent = System.nanoTime();
        CompletableFuture<Long> sleeperAnswered = new CompletableFuture<>();
        CompletableFuture<ExecutionReport> sleeper = engine.submit(order("sleeper", btc, SLEEP_LOTS, TimeInForce.IOC),
                "itest:sleeper").toCompletableFuture();
        sleeper.whenComplete((report, failure) -> sleeperAnswered.complete(System.nanoTime()));
        // The probe is asleep on the engine thread by now: what other sources send queues behind it.
        Thread.sleep(BUDGET_MILLIS / 4);
        List<CompletableFuture<ExecutionReport>> others = new ArrayList<>();
        List<CompletableFuture<Long>> otherMillis = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instrument instrument = i % 2 == 0 ? btc : eth;
            long sent = System.nanoTime();
            CompletableFuture<ExecutionReport> answer = engine.submit(order("meanwhile-" + i, instrument, NORMAL_LOTS,
                    TimeInForce.IOC), "itest:other-desk").toCompletableFuture();
            others.add(answer);
            otherMillis.add(answer.thenApply(r -> (System.nanoTime() - sent) / 1_000_000));
        }

        ExecutionReport cutShort = sleeper.get(10, TimeUnit.SECONDS);
        long sleeperMillis = (sleeperAnswered.get(10, TimeUnit.SECONDS) - sleeperSent) / 1_000_000;
        List<Long> waited = new ArrayList<>();
        for (CompletableFuture<Long> millis : otherMillis) {
            waited.add(millis.get(10, TimeUnit.SECONDS));
        }
        assertEquals(cutShort.toString(), ExecType.REJECTED, cutShort.execType());
        assertEquals(RejectReason.RISK_LIMIT, cutShort.rejectReason());
        Matcher ran = Pattern.compile("check " + CHECK + " ran ([0-9]+) ms on the engine thread, over its budget of "
                + BUDGET_MILLIS + " ms \\(interrupted\\)").matcher(cutShort.text());
        assertTrue(cutShort.text(), ran.find());
        long ranMillis = Long.parseLong(ran.group(1));
        String measured = "the check ran " + ranMillis + " ms, its order was answered after " + sleeperMillis
                + " ms, orders sent " + BUDGET_MILLIS / 4 + " ms later after " + waited + " ms (budget "
                + BUDGET_MILLIS + " ms)";
        System.out.println("PluginFaultIT: " + measured);
        assertTrue("cut off by the watchdog, not by the end of its sleep: " + cutShort.text(),
                ranMillis >= BUDGET_MILLIS && ranMillis < ANSWER_BOUND_MILLIS);
        assertTrue(measured, sleeperMillis < ANSWER_BOUND_MILLIS);
        for (int i = 0; i < others.size(); i++) {
            ExecutionReport other = others.get(i).get();
            assertEquals("orders from other sources pass: " + other, ExecType.PENDING_NEW, other.execType());
            assertTrue(measured, waited.get(i) < ANSWER_BOUND_MILLIS);
        }

        // The interrupt is cleared before the engine goes on: the journal still takes orders to the venue.
        assertEquals(Optional.empty(), engine.haltReason());
        ExecutionReport normal = resting("after-sleep", NORMAL_LOTS);
        EngineCalls.cancel(engine, normal, SOURCE, WAIT);
        assertHealthUp();
    }

    @Test
    public void aCheckThatKeepsFailingIsQuarantinedAndTheGateFailsClosedUntilItIsInstalledAgain() throws Exception {
        for (int fault = 1; fault <= 3; fault++) {
            ExecutionReport overflow = submit("repeat-overflow-" + fault, btc, OVERFLOW_LOTS, TimeInForce.IOC);
            assertEquals(overflow.toString(), ExecType.REJECTED, overflow.execType());
            assertTrue(overflow.text(), overflow.text().contains("check " + CHECK
                    + " failed (java.lang.StackOverflowError)"));
        }
        String why = engine.quarantinedPlugins().get(CHECK);
        assertTrue("quarantined: " + engine.quarantinedPlugins(), why != null
                && why.contains("quarantined after 3 faults") && why.contains("StackOverflowError"));
        assertEquals("the engine runs on", Optional.empty(), engine.haltReason());
        assertHealthUp();

        // As the engine documents (README, Failures): a quarantined check rejects every order it would decide, and a
        // check decides every order, whatever its instrument or source; the gate fails closed.
        for (Instrument instrument : List.of(btc, eth)) {
            ExecutionReport refused = submit("while-quarantined-" + instrument.id().symbol(), instrument,
                    NORMAL_LOTS, TimeInForce.IOC);
            assertEquals(refused.toString(), ExecType.REJECTED, refused.execType());
            assertEquals(RejectReason.RISK_LIMIT, refused.rejectReason());
            assertTrue(refused.text(), refused.text().contains("check " + CHECK + " is quarantined")
                    && refused.text().contains("the gate fails closed"));
        }

        // Installed again, it starts with no faults: it decides again and lets normal orders through.
        probe.update();
        Poll.until("the quarantine ends with the old registration", WAIT, () -> engine.quarantinedPlugins().toString(),
                () -> !engine.quarantinedPlugins().containsKey(CHECK));
        awaitProbeDeciding();
        ExecutionReport normal = resting("after-reinstall", NORMAL_LOTS);
        EngineCalls.cancel(engine, normal, SOURCE, WAIT);
    }

    @Test
    public void aReplacePastTheLimitIsRefusedAndTheOrderKeepsWorkingAtItsQuantity() throws Exception {
        long lot = btc.lotSize();
        ExecutionReport resting = resting("resting", MAX_LOTS / 2);

        ExecutionReport refused = EngineCalls.answer("the replace of " + resting.clientOrderId(),
                engine.replace(resting.clientOrderId(), (MAX_LOTS + MAX_LOTS / 2) * lot, ReplaceRequest.UNCHANGED,
                        ReplaceRequest.UNCHANGED, SOURCE));

        assertEquals(refused.toString(), ExecType.REPLACE_REJECTED, refused.execType());
        assertTrue(refused.toString(), refused.text() != null && refused.text().contains(CHECK)
                && refused.text().contains("over the limit of " + btc.formatQuantity(MAX_LOTS * lot)));
        OrderView kept = EngineCalls.order(engine, resting.orderId());
        assertEquals("still working: " + kept, OrderStatus.NEW, kept.status());
        assertEquals("at its old quantity: " + kept, MAX_LOTS / 2 * lot, kept.quantity());

        // A replace within the limit passes the same gate.
        ExecutionReport within = EngineCalls.answer("the replace of " + resting.clientOrderId(),
                engine.replace(resting.clientOrderId(), (MAX_LOTS - 200) * lot, ReplaceRequest.UNCHANGED,
                        ReplaceRequest.UNCHANGED, SOURCE));
        assertEquals(within.toString(), ExecType.PENDING_REPLACE, within.execType());
        Poll.until("the order works at its new quantity", WAIT,
                () -> String.valueOf(EngineCalls.order(engine, resting.orderId())), () -> {
                    OrderView replaced = EngineCalls.order(engine, resting.orderId());
                    return replaced.status() == OrderStatus.REPLACED && replaced.quantity() == (MAX_LOTS - 200) * lot;
                });
        EngineCalls.cancel(engine, resting, SOURCE, WAIT);
    }

    /**
     * Returns once the gate runs the probe: an order over its limit is refused by it. Until then such an order may
     * reach the venue, as an IOC bid far below the market that it cancels.
     */
    private void awaitProbeDeciding() {
        String[] last = {"nothing yet"};
        Poll.until(CHECK + " decides in the gate", WAIT, () -> last[0], () -> {
            ExecutionReport answer = submit("over-limit", btc, MAX_LOTS + 1, TimeInForce.IOC);
            last[0] = answer.toString();
            return answer.execType() == ExecType.REJECTED && answer.rejectReason() == RejectReason.RISK_LIMIT
                    && answer.text().contains("over the limit of " + btc.formatQuantity(MAX_LOTS * btc.lotSize())
                    + " (" + MAX_LOTS + " lots) that " + CHECK + " sets for " + BTC);
        });
    }

    private ExecutionReport submit(String name, Instrument instrument, long lots, TimeInForce timeInForce) {
        return EngineCalls.submit(engine, order(name, instrument, lots, timeInForce), SOURCE);
    }

    /** Sends a GTC bid on BTC that the gate must accept, and returns its answer once it rests at the venue. */
    private ExecutionReport resting(String name, long lots) {
        ExecutionReport accepted = submit(name, btc, lots, TimeInForce.GTC);
        assertEquals(accepted.toString(), ExecType.PENDING_NEW, accepted.execType());
        EngineCalls.awaitStatus(engine, accepted.orderId(), OrderStatus.NEW, WAIT);
        return accepted;
    }

    /** A bid at half the last price: it rests (GTC) or is cancelled by the venue (IOC), never fills. */
    private OrderRequest order(String name, Instrument instrument, long lots, TimeInForce timeInForce) {
        return OrderRequest.limit(ClientOrderId.of("pf-" + name + "-" + ORDER_IDS.incrementAndGet()), instrument,
                Side.BUY, lots * instrument.lotSize(), farBids.get(instrument.id()), timeInForce, ATTRIBUTION);
    }

    private long farBid(Instrument instrument) {
        return instrument.tickTable().floor(EngineCalls.lastPrice(engine, instrument.id(), WAIT) / 2);
    }

    private void assertHealthUp() {
        String url = http.baseUrl() + "/health";
        Poll.until("/health answers 200", WAIT, () -> Http.get(url).toString(), () -> Http.get(url).status() == 200);
        JsonObject health = new JsonObject(Http.get(url).body());
        assertEquals(health.encode(), "UP", health.getString("status"));
        assertEquals(health.encode(), "UP", health.getJsonObject("components").getJsonObject("engine")
                .getString("status"));
    }
}

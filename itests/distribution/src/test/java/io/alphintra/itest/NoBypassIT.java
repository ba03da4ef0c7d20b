package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.InstrumentId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * PT10 no bypass on the real distribution: a strategy plugin (the bypass probe) that tries every way the service
 * layer offers finds no exchange adapter and no trading engine, not at start, not when a venue is added, not when
 * the engine comes back after a restart, while its strategy still trades through its context; server bundles find
 * what they need; the guard's allow-list changes at run time and refuses a bad value.
 *
 * <p>The engine bundle is restarted here, so the engine is looked up afresh ({@link #engine()}) instead of injected.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NoBypassIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ADAPTER = "io.alphintra.sdk.venue.ExchangeAdapter";
    private static final String ENGINE = TradingEngine.class.getName();
    private static final String GUARD_PID = "io.alphintra.service.guard";
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final InstrumentId NEW_VENUE_INSTRUMENT = InstrumentId.parse("NBP@SIMX_NB");

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    private ServiceTracker<TradingEngine, TradingEngine> engines;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(KarafNode.options(),
                systemProperty("alphintra.bypass.probe.jar")
                        .value(System.getProperty("alphintra.bypass.probe.jar", "")));
    }

    @Before
    public void trackTheEngine() {
        engines = new ServiceTracker<>(bundleContext, TradingEngine.class, null);
        engines.open();
    }

    @After
    public void stopTracking() {
        engines.close();
    }

    @Test
    public void aStrategyPluginFindsNoAdapterNorEngineByAnyMeansYetTradesThroughItsContext() throws Exception {
        awaitInstrument(BTC);
        Bundle probe = Plugins.install(bundleContext, "alphintra.bypass.probe.jar");
        Supplier<Map<String, List<String>>> report = awaitReport();
        assertFoundNothingGuarded("at start", report.get());
        assertEquals("the probe is a strategy plugin: its StrategyFactory is registered", List.of("1"),
                report.get().get("control: own StrategyFactory services found"));

        // A venue added now: its adapter's REGISTERED event reaches the engine (which lists the instrument)...
        org.osgi.service.cm.Configuration venue = addVenue();
        awaitInstrument(NEW_VENUE_INSTRUMENT);
        // ...and the strategy's own orders still go the one way a strategy has: its context, through the gate.
        org.osgi.service.cm.Configuration instance = startStrategy("bypass-1");
        Poll.until("the bypass probe's strategy bought through its context", WAIT,
                () -> ordersOf("bypass-1").toString(),
                () -> ordersOf("bypass-1").stream().anyMatch(o -> o.cumQuantity() > 0));
        for (OrderView order : ordersOf("bypass-1")) {
            assertEquals("strategy:bypass-1", order.source());
        }
        instance.delete();

        // The engine comes back: a fresh TradingEngine registration, and its events, for every listener.
        Bundle engineBundle = bundle("io.alphintra.engine");
        engineBundle.stop();
        engineBundle.start();
        awaitInstrument(BTC);

        // A service of the test's own: once the probe's listener and Event Admin handler have seen it, they have
        // seen everything that came before it.
        Map<String, List<String>> before = report.get();
        ServiceRegistration<Runnable> marker = bundleContext.registerService(Runnable.class, () -> { },
                new Hashtable<>(Map.of("alphintra.itest", "no-bypass-marker")));
        Poll.until("the probe's service listener and Event Admin handler saw the marker", WAIT,
                () -> report.get().toString(),
                () -> count(report.get(), "control: ServiceListener events of other services")
                        > count(before, "control: ServiceListener events of other services")
                        && count(report.get(), "control: Event Admin ServiceEvents of other services")
                        > count(before, "control: Event Admin ServiceEvents of other services"));
        marker.unregister();
        assertFoundNothingGuarded("after a venue was added and the engine restarted", report.get());

        venue.delete();
        probe.uninstall();
    }

    @Test
    public void serverBundlesFindWhatTheyNeedAndStrategyBundlesDoNot() throws Exception {
        awaitInstrument(BTC);
        Bundle strategyProbe = Plugins.install(bundleContext, "alphintra.strategy.probe.jar");
        try {
            BundleContext strategy = strategyProbe.getBundleContext();
            assertNull("the strategy probe finds no engine", strategy.getAllServiceReferences(ENGINE, null));
            assertNull("the strategy probe finds no engine by filter",
                    strategy.getAllServiceReferences(null, "(objectClass=" + ENGINE + ")"));
            assertNull("the strategy probe finds no adapter", strategy.getAllServiceReferences(ADAPTER, null));
        } finally {
            strategyProbe.uninstall();
        }
        assertNotNull("the engine finds the venues' adapters",
                bundle("io.alphintra.engine").getBundleContext().getAllServiceReferences(ADAPTER, null));
        BundleContext recorder = bundle("io.alphintra.market-recorder").getBundleContext();
        assertNotNull("the market recorder, a server bundle, finds the engine",
                recorder.getAllServiceReferences(ENGINE, null));
        assertNull("but no adapter", recorder.getAllServiceReferences(ADAPTER, null));
        assertNotNull("this test, no plugin, finds the engine", bundleContext.getServiceReference(TradingEngine.class));
        assertNull("but no adapter", bundleContext.getAllServiceReferences(ADAPTER, null));
        assertNull("Event Admin, which passes service references on, finds no engine",
                bundle("org.apache.karaf.services.eventadmin").getBundleContext()
                        .getAllServiceReferences(ENGINE, null));

        int guardLevel = bundle("io.alphintra.service-guard").adapt(BundleStartLevel.class).getStartLevel();
        int pluginLevel = bundleContext.getBundle(0).adapt(FrameworkStartLevel.class).getInitialBundleStartLevel();
        assertEquals("the guard starts at its own level", 12, guardLevel);
        assertTrue("before plugins (" + pluginLevel + ")", guardLevel < pluginLevel);
        assertTrue("before the engine", guardLevel
                < bundle("io.alphintra.engine").adapt(BundleStartLevel.class).getStartLevel());
        // Provisioning the boot features stops SCR and pax-logging for a while; the guard, wired to neither, keeps
        // running: the hooks in force were registered before any venue registered its adapter (service ids only grow).
        ServiceReference<?>[] hooks = bundleContext.getAllServiceReferences(
                "org.osgi.framework.hooks.service.FindHook", "(alphintra.guard=*)");
        assertEquals("one guard", 1, hooks.length);
        long hookId = (Long) hooks[0].getProperty("service.id");
        for (ServiceReference<?> adapter : bundle("io.alphintra.engine").getBundleContext()
                .getAllServiceReferences(ADAPTER, null)) {
            assertTrue("the guard's hooks (service.id " + hookId + ") were there before adapter " + adapter,
                    hookId < (Long) adapter.getProperty("service.id"));
        }
    }

    @Test
    public void theAdapterAllowListChangesAtRunTimeAndABadValueIsRefused() throws Exception {
        awaitInstrument(BTC);
        String me = bundleContext.getBundle().getSymbolicName();
        org.osgi.service.cm.Configuration guard = configurationAdmin.getConfiguration(GUARD_PID, "?");
        Dictionary<String, Object> shipped = guard.getProperties();
        assertNotNull("the shipped etc/" + GUARD_PID + ".cfg is loaded", shipped);
        assertEquals("io.alphintra.engine", shipped.get("adapterAllowList"));
        try {
            guard.update(with(shipped, "adapterAllowList", "io.alphintra.engine, " + me));
            Poll.until("this test finds adapters once allow-listed", WAIT, () -> "none",
                    this::findsAdapters);
            ServiceReference<?> held = bundleContext.getAllServiceReferences(ADAPTER, null)[0];
            assertNotNull("and may use one", bundleContext.getService(held));

            String bad = "io.alphintra.engine, bad name!";
            guard.update(with(shipped, "adapterAllowList", bad));
            Poll.until("the bad value is refused, naming its key", WAIT, () -> "not in karaf.log",
                    () -> karafLog().contains("Invalid configuration " + GUARD_PID + ": adapterAllowList = '" + bad
                            + "': 'bad name!' is not a bundle symbolic name"));
            assertNotNull("the running allow-list is kept", bundleContext.getAllServiceReferences(ADAPTER, null));

            guard.update(with(shipped, "adapterAllowList", "io.alphintra.engine"));
            Poll.until("this test finds no adapter once taken off", WAIT, () -> "still found",
                    () -> !findsAdapters());
            Poll.until("what it still holds is reported, not revoked", WAIT, () -> "not in karaf.log",
                    () -> karafLog().contains("PT10 no bypass: bundle " + me + " (id "
                            + bundleContext.getBundle().getBundleId() + ") holds " + ADAPTER));
            bundleContext.ungetService(held);
        } finally {
            guard.update(shipped);
        }
    }

    private boolean findsAdapters() {
        try {
            return bundleContext.getAllServiceReferences(ADAPTER, null) != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertFoundNothingGuarded(String when, Map<String, List<String>> report) {
        String found = report.entrySet().stream()
                .filter(e -> e.getKey().startsWith("attempt:") && !e.getValue().isEmpty())
                .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining("; "));
        assertEquals("what the bypass probe reached " + when, "", found);
        assertTrue("the attempts ran: " + report.keySet(),
                report.keySet().stream().filter(k -> k.startsWith("attempt:")).count() >= 17);
        assertTrue("the same lookups find other services: " + report,
                count(report, "control: services getAllServiceReferences(null, null) found") > 0);
    }

    private static long count(Map<String, List<String>> report, String key) {
        return Long.parseLong(report.get(key).get(0));
    }

    @SuppressWarnings("unchecked")
    private Supplier<Map<String, List<String>>> awaitReport() throws Exception {
        ServiceTracker<Supplier, Supplier> reports = new ServiceTracker<>(bundleContext, bundleContext.createFilter(
                "(&(objectClass=java.util.function.Supplier)(alphintra.itest.probe=bypass))"), null);
        reports.open();
        try {
            Supplier<?> report = reports.waitForService(WAIT.toMillis());
            assertNotNull("the bypass probe reports", report);
            return (Supplier<Map<String, List<String>>>) report;
        } finally {
            reports.close();
        }
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** A venue opened at run time, off the market twin (nothing needs it to trade). */
    private org.osgi.service.cm.Configuration addVenue() throws IOException {
        org.osgi.service.cm.Configuration venue =
                configurationAdmin.createFactoryConfiguration("io.alphintra.venue.simulated", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("venueId", "SIMX_NB");
        properties.put("venueName", "Simulated venue of NoBypassIT");
        properties.put("jurisdiction", "SG");
        properties.put("currency", "SGD");
        properties.put("timeZone", "Asia/Singapore");
        properties.put("sessions", "24x7");
        properties.put("instruments", "NBP start=35.00");
        properties.put("twin.enabled", "false");
        venue.update(properties);
        return venue;
    }

    private org.osgi.service.cm.Configuration startStrategy(String instanceId) throws IOException {
        return Plugins.startStrategy(configurationAdmin, instanceId, "itest-bypass", BTC.toString(), "ACC-NB",
                "itest", "param.quantity", "0.01");
    }

    private static Dictionary<String, Object> with(Dictionary<String, Object> base, String key, String value) {
        Dictionary<String, Object> changed = new Hashtable<>();
        for (Enumeration<String> keys = base.keys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            changed.put(k, base.get(k));
        }
        changed.put(key, value);
        return changed;
    }

    private TradingEngine engine() {
        try {
            TradingEngine engine = engines.waitForService(WAIT.toMillis());
            assertNotNull("the engine is registered", engine);
            return engine;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the engine", e);
        }
    }

    private void awaitInstrument(InstrumentId id) {
        Poll.until(id + " is listed by a connected venue", WAIT, () -> "not listed",
                () -> engine().instrument(id).isPresent());
    }

    private List<OrderView> ordersOf(String strategyId) {
        try {
            return engine().orders().toCompletableFuture().get(10, TimeUnit.SECONDS).stream()
                    .filter(o -> o.strategyId().equals(strategyId)).collect(Collectors.toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String karafLog() {
        String logDir = System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log");
        try {
            return Files.readString(Path.of(logDir, "karaf.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

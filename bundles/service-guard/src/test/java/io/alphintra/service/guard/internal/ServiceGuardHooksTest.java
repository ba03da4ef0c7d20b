package io.alphintra.service.guard.internal;

import static io.alphintra.service.guard.internal.Fakes.reference;
import static io.alphintra.service.guard.internal.Settings.settings;
import static io.alphintra.service.guard.internal.ServiceGuardHooks.EXCHANGE_ADAPTER;
import static io.alphintra.service.guard.internal.ServiceGuardHooks.TRADING_ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.strategy.StrategyFactory;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.service.guard.internal.Fakes.FakeBundle;

/** What each kind of bundle is shown, through the find hook and the event listener hook, with fake bundles. */
class ServiceGuardHooksTest {
    private static final String STRATEGY_PACKAGE = "io.alphintra.sdk.strategy";
    private static final String STRATEGY_FACTORY = STRATEGY_PACKAGE + ".StrategyFactory";

    private final FakeBundle system = new FakeBundle(0, "org.apache.felix.framework");
    private final FakeBundle guard = new FakeBundle(1, "io.alphintra.service-guard");
    private final FakeBundle eventAdmin = new FakeBundle(5, "org.apache.karaf.services.eventadmin");
    private final FakeBundle sdk = new FakeBundle(9, "io.alphintra.sdk").exporting(STRATEGY_PACKAGE,
            "io.alphintra.sdk.venue");
    private final FakeBundle engine = new FakeBundle(10, "io.alphintra.engine")
            .importing(STRATEGY_PACKAGE, "io.alphintra.sdk.venue");
    private final FakeBundle venues = new FakeBundle(11, "io.alphintra.simulated.exchange")
            .importing("io.alphintra.sdk.venue");
    private final FakeBundle recorder = new FakeBundle(12, "io.alphintra.market-recorder")
            .importing("io.alphintra.engine", "io.alphintra.sdk.marketdata");
    private final FakeBundle strategy = new FakeBundle(20, "com.example.strategy")
            .importing(STRATEGY_PACKAGE, "io.alphintra.sdk.order");
    private final FakeBundle factoryWithoutImport = new FakeBundle(21, "com.example.embedded");
    private final FakeBundle requiringSdk = new FakeBundle(22, "com.example.required").requiring(sdk);
    private final FakeBundle unresolved = new FakeBundle(23, "com.example.unresolved");
    private final FakeBundle riskCheck = new FakeBundle(24, "com.example.risk").importing("io.alphintra.sdk.risk");
    private final FakeBundle nameless = new FakeBundle(25, null);

    private final ServiceReference<?> adapter = reference(100, venues, List.of(), EXCHANGE_ADAPTER);
    private final ServiceReference<?> engineService = reference(101, engine, List.of(), TRADING_ENGINE,
            "io.alphintra.engine.internal.strategy.StrategyOrderPath");
    private final ServiceReference<?> venueControl = reference(102, venues, List.of(),
            "io.alphintra.simexchange.SimulatedVenueControl");

    private final ServiceGuardHooks hooks = new ServiceGuardHooks(guard.id, GuardSettings.defaults());

    ServiceGuardHooksTest() {
        factoryWithoutImport.registered.add(reference(103, factoryWithoutImport, List.of(), STRATEGY_FACTORY));
        unresolved.resolved = false;
    }

    @Test
    void guardedNamesAreTheRealInterfaces() {
        assertThat(EXCHANGE_ADAPTER).isEqualTo(ExchangeAdapter.class.getName());
        assertThat(TRADING_ENGINE).isEqualTo(TradingEngine.class.getName());
        assertThat(GuardSettings.defaults().pluginPackages()).containsExactly(StrategyFactory.class.getPackageName());
    }

    @Test
    void onlyTheAllowListedEngineAndTheRegisteringBundleFindAnAdapter() {
        assertThat(found(engine, adapter)).containsExactly(adapter);
        assertThat(found(venues, adapter)).as("its own registration").containsExactly(adapter);
        for (FakeBundle other : List.of(strategy, recorder, riskCheck, eventAdmin, requiringSdk, nameless)) {
            assertThat(found(other, adapter)).as(other.symbolicName).isEmpty();
        }
    }

    @Test
    void theEngineIsHiddenFromPluginsAndShownToServerBundles() {
        assertThat(found(engine, engineService)).containsExactly(engineService);
        assertThat(found(recorder, engineService)).as("imports the engine, not the strategy SDK")
                .containsExactly(engineService);
        assertThat(found(riskCheck, engineService)).as("a risk check is no strategy").containsExactly(engineService);
        assertThat(found(strategy, engineService)).as("imports the strategy SDK").isEmpty();
        assertThat(found(factoryWithoutImport, engineService)).as("registers a StrategyFactory").isEmpty();
        assertThat(found(requiringSdk, engineService)).as("Require-Bundle of the SDK").isEmpty();
        assertThat(found(unresolved, engineService)).as("cannot be told apart: a plugin").isEmpty();
        assertThat(found(eventAdmin, engineService)).as("on the deny list: it passes references on").isEmpty();
        assertThat(found(nameless, engineService)).isEmpty();
    }

    @Test
    void aRegistrationCarryingTheEngineIsHiddenWhateverNameItIsLookedUpBy() {
        Collection<ServiceReference<?>> references = new ArrayList<>(List.of(engineService, venueControl));
        hooks.find(strategy.context(), "io.alphintra.engine.internal.strategy.StrategyOrderPath", null, true,
                references);
        assertThat(references).containsExactly(venueControl);
    }

    @Test
    void theSystemBundleAndTheGuardFindEverything() {
        for (FakeBundle exempt : List.of(system, guard)) {
            assertThat(found(exempt, adapter, engineService)).containsExactly(adapter, engineService);
        }
    }

    @Test
    void servicesThatAreNotGuardedAreLeftAlone() {
        for (FakeBundle anyone : List.of(strategy, unresolved, nameless, eventAdmin)) {
            assertThat(found(anyone, venueControl)).containsExactly(venueControl);
        }
    }

    @Test
    void theAllowListsDecide() {
        hooks.apply(settings("adapterAllowList", "io.alphintra.engine, com.example.strategy",
                "engineAllowList", "io.alphintra.engine,com.example.strategy"));
        assertThat(found(strategy, adapter, engineService)).containsExactly(adapter, engineService);
        assertThat(found(factoryWithoutImport, adapter, engineService)).isEmpty();

        hooks.apply(settings("adapterAllowList", "com.example.strategy", "pluginPackages",
                STRATEGY_PACKAGE + ", io.alphintra.sdk.risk"));
        assertThat(found(engine, adapter)).as("no longer allow-listed; later lookups see it so").isEmpty();
        assertThat(found(riskCheck, engineService)).as("now a plugin").isEmpty();
    }

    @Test
    void serviceEventsReachOnlyTheBundlesThatMayObtainTheService() {
        Map<BundleContext, Collection<ListenerInfo>> listeners = listeners(system, guard, engine, venues, recorder,
                strategy, eventAdmin, riskCheck);
        hooks.event(new ServiceEvent(ServiceEvent.REGISTERED, adapter), listeners);
        assertThat(names(listeners)).containsExactlyInAnyOrder("org.apache.felix.framework",
                "io.alphintra.service-guard", "io.alphintra.engine", "io.alphintra.simulated.exchange");

        listeners = listeners(system, engine, recorder, strategy, eventAdmin, riskCheck);
        hooks.event(new ServiceEvent(ServiceEvent.MODIFIED, engineService), listeners);
        assertThat(names(listeners)).containsExactlyInAnyOrder("org.apache.felix.framework", "io.alphintra.engine",
                "io.alphintra.market-recorder", "com.example.risk");

        listeners = listeners(strategy, recorder);
        hooks.event(new ServiceEvent(ServiceEvent.REGISTERED, venueControl), listeners);
        assertThat(listeners).hasSize(2);
    }

    @Test
    void aBundleThatAlreadyHoldsTheServiceStillHearsThatItGoes() {
        ServiceReference<?> held = reference(104, venues, List.of(engine, strategy), EXCHANGE_ADAPTER);
        Map<BundleContext, Collection<ListenerInfo>> listeners = listeners(engine, strategy, recorder);
        hooks.event(new ServiceEvent(ServiceEvent.UNREGISTERING, held), listeners);
        assertThat(names(listeners)).containsExactlyInAnyOrder("io.alphintra.engine", "com.example.strategy");
        assertThat(found(strategy, held)).as("but cannot look it up again").isEmpty();
    }

    @Test
    void bundlesHoldingAServiceTheyMayNotObtainAreReported() {
        strategy.inUse.add(adapter);
        engine.inUse.add(adapter);
        recorder.inUse.add(engineService);
        assertThat(hooks.heldWithoutPermission(new org.osgi.framework.Bundle[] {engine.bundle, strategy.bundle,
                recorder.bundle})).containsExactly(
                "bundle com.example.strategy (id 20) holds " + EXCHANGE_ADAPTER + " (service.id 100)");

        hooks.apply(settings("engineDenyList", "io.alphintra.market-recorder"));
        assertThat(hooks.heldWithoutPermission(new org.osgi.framework.Bundle[] {recorder.bundle})).containsExactly(
                "bundle io.alphintra.market-recorder (id 12) holds " + TRADING_ENGINE
                        + "/io.alphintra.engine.internal.strategy.StrategyOrderPath (service.id 101)");
    }

    private List<ServiceReference<?>> found(FakeBundle requester, ServiceReference<?>... candidates) {
        Collection<ServiceReference<?>> references = new ArrayList<>(List.of(candidates));
        hooks.find(requester.context(), null, null, false, references);
        return List.copyOf(references);
    }

    private static Map<BundleContext, Collection<ListenerInfo>> listeners(FakeBundle... bundles) {
        Map<BundleContext, Collection<ListenerInfo>> listeners = new HashMap<>();
        for (FakeBundle bundle : bundles) {
            listeners.put(bundle.context(), new ArrayList<>());
        }
        return listeners;
    }

    private static List<String> names(Map<BundleContext, Collection<ListenerInfo>> listeners) {
        return listeners.keySet().stream().map(c -> c.getBundle().getSymbolicName()).toList();
    }
}

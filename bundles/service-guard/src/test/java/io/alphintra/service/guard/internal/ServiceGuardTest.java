package io.alphintra.service.guard.internal;

import static io.alphintra.service.guard.internal.Fakes.reference;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.service.cm.ManagedService;

import io.alphintra.service.guard.internal.Fakes.FakeBundle;
import io.alphintra.service.guard.internal.Fakes.Registered;

/** The activator's life cycle against a recording bundle context: what it registers and how configurations apply. */
class ServiceGuardTest {
    private final FakeBundle system = new FakeBundle(0, "org.apache.felix.framework");
    private final FakeBundle guardBundle = new FakeBundle(7, "io.alphintra.service-guard");
    private final FakeBundle venues = new FakeBundle(11, "io.alphintra.simulated.exchange");
    private final FakeBundle probe = new FakeBundle(30, "PAXEXAM-PROBE-1");
    private final ServiceReference<?> adapter = reference(100, venues, List.of(),
            ServiceGuardHooks.EXCHANGE_ADAPTER);
    private final List<Registered> registrations = new ArrayList<>();
    private final BundleContext context = Fakes.context(guardBundle, List.of(system, guardBundle, venues, probe),
            registrations);
    private final ServiceGuard guard = new ServiceGuard();

    @Test
    void registersTheHooksWithTheDefaultsBeforeAskingForItsConfiguration() {
        guard.start(context);
        assertThat(registrations).hasSize(2);
        assertThat(registrations.get(0).names).containsExactly(FindHook.class.getName(),
                EventListenerHook.class.getName());
        assertThat(registrations.get(1).names).containsExactly(ManagedService.class.getName());
        assertThat(registrations.get(1).properties.get("service.pid")).isEqualTo("io.alphintra.service.guard");
        assertThat(guard.settings()).isEqualTo(GuardSettings.defaults());
        assertThat(findsAdapter()).isFalse();
    }

    @Test
    void aGoodConfigurationAppliesToTheNextLookupWithoutReRegistering() {
        guard.start(context);
        guard.updated(config("adapterAllowList", new String[] {"io.alphintra.engine", "PAXEXAM-PROBE-1"}));
        assertThat(findsAdapter()).isTrue();
        assertThat(registrations.get(0).unregistered).isFalse();

        guard.updated(null);
        assertThat(guard.settings()).as("no configuration: the defaults").isEqualTo(GuardSettings.defaults());
        assertThat(findsAdapter()).isFalse();
    }

    @Test
    void aBadConfigurationKeepsTheRunningSettings() {
        guard.start(context);
        guard.updated(config("adapterAllowList", "io.alphintra.engine, PAXEXAM-PROBE-1"));
        GuardSettings running = guard.settings();

        guard.updated(config("adapterAllowList", "io.alphintra.engine", "pluginPackages", "a..b"));
        assertThat(guard.settings()).isSameAs(running);
        assertThat(findsAdapter()).isTrue();
    }

    @Test
    void stoppingUnregistersTheHooksAndTheConfigurationTarget() {
        guard.start(context);
        system.state = Bundle.STOPPING;
        guard.stop(context);
        assertThat(registrations).allSatisfy(r -> assertThat(r.unregistered).isTrue());
        guard.updated(config("adapterAllowList", "PAXEXAM-PROBE-1"));
        assertThat(guard.settings()).as("a late configuration is ignored").isNull();
    }

    private static Dictionary<String, Object> config(Object... keysAndValues) {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private boolean findsAdapter() {
        FindHook hook = (FindHook) registrations.get(0).service;
        Collection<ServiceReference<?>> references = new ArrayList<>(List.of(adapter));
        hook.find(Fakes.context(probe, List.of()), ServiceGuardHooks.EXCHANGE_ADAPTER, null, true, references);
        return !references.isEmpty();
    }
}

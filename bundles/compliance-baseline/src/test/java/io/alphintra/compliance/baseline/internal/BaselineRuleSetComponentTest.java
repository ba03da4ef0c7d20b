package io.alphintra.compliance.baseline.internal;

import static io.alphintra.compliance.baseline.internal.Fixtures.config;
import static io.alphintra.compliance.baseline.internal.Fixtures.typed;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import io.alphintra.sdk.compliance.RuleSet;

/** The component's life cycle against a recording BundleContext: what is registered, in which order, and when. */
class BaselineRuleSetComponentTest {
    private final List<String> events = new ArrayList<>();
    private final List<RuleSet> registered = new ArrayList<>();
    private final BundleContext bundleContext = recordingContext();

    private BaselineRuleSetComponent activate(Map<String, Object> map) {
        return new BaselineRuleSetComponent(bundleContext, typed(map), map);
    }

    @Test
    void registersTheRuleSetWithItsJurisdictionAndVersion() {
        BaselineRuleSetComponent component = activate(config("US"));
        assertThat(events).containsExactly("register baseline-us 1.2.3 US");
        assertThat(registered).singleElement().isSameAs(component.ruleSet());
    }

    @Test
    void aBadFirstConfigurationRegistersNothing() {
        BaselineRuleSetComponent component = activate(config("XX"));
        assertThat(events).isEmpty();
        assertThat(component.ruleSet()).isNull();
    }

    @Test
    void aBadChangeKeepsTheLastGoodRuleSet() {
        BaselineRuleSetComponent component = activate(config("US"));
        BaselineRuleSet good = component.ruleSet();
        Map<String, Object> bad = config("US");
        bad.put("version", "1.3");
        component.modified(typed(bad), bad);
        assertThat(component.ruleSet()).isSameAs(good);
        assertThat(events).containsExactly("register baseline-us 1.2.3 US");
    }

    @Test
    void aChangedRuleSetNeedsANewVersion() {
        BaselineRuleSetComponent component = activate(config("US"));
        Map<String, Object> sameVersion = config("US");
        sameVersion.put("restrictedList", "AAPL");
        component.modified(typed(sameVersion), sameVersion);
        assertThat(component.ruleSet().settings().restrictedList().isEmpty()).isTrue();
        assertThat(events).containsExactly("register baseline-us 1.2.3 US");
    }

    @Test
    void aNewVersionIsRegisteredBeforeTheOldOneGoes() {
        BaselineRuleSetComponent component = activate(config("US"));
        Map<String, Object> next = config("US");
        next.put("version", "1.3.0");
        next.put("restrictedList", "AAPL");
        component.modified(typed(next), next);
        assertThat(component.ruleSet().version()).isEqualTo("1.3.0");
        assertThat(events).containsExactly("register baseline-us 1.2.3 US", "register baseline-us 1.3.0 US",
                "unregister baseline-us 1.2.3");
    }

    @Test
    void anUnchangedConfigurationChangesNothing() {
        BaselineRuleSetComponent component = activate(config("US"));
        component.modified(typed(config("US")), config("US"));
        assertThat(events).hasSize(1);
    }

    @Test
    void deactivationUnregisters() {
        BaselineRuleSetComponent component = activate(config("EU"));
        component.deactivate();
        assertThat(events).containsExactly("register baseline-eu 1.2.3 EU", "unregister baseline-eu 1.2.3");
        assertThat(component.ruleSet()).isNull();
    }

    private BundleContext recordingContext() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("registerService")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    RuleSet ruleSet = (RuleSet) args[1];
                    Dictionary<?, ?> properties = (Dictionary<?, ?>) args[2];
                    events.add("register " + properties.get(BaselineRuleSetComponent.RULE_SET_ID_PROPERTY) + " "
                            + properties.get(BaselineRuleSetComponent.VERSION_PROPERTY) + " "
                            + properties.get(BaselineRuleSetComponent.JURISDICTION_PROPERTY));
                    registered.add(ruleSet);
                    return registration(ruleSet);
                });
    }

    private ServiceRegistration<?> registration(RuleSet ruleSet) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("unregister")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    events.add("unregister " + ruleSet.id() + " " + ruleSet.version());
                    return null;
                });
    }
}

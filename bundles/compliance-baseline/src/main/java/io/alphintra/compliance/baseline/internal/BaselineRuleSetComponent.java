package io.alphintra.compliance.baseline.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.alphintra.sdk.compliance.RuleSet;

/**
 * One baseline rule set per factory configuration {@code io.alphintra.compliance.baseline-NAME}: validates the
 * configuration and registers a {@link BaselineRuleSet} as a {@link RuleSet} service.
 *
 * <p>A changed configuration is validated completely before the running rule set is touched. A bad one is logged
 * with every key and value at fault and the running rule set keeps deciding (with its version); so is a change of
 * the rules that keeps the version, since the audit trail tells rule sets apart by their version. A good one
 * registers the new rule set before the old one goes, so the engine's gate never sees the jurisdiction without a
 * rule set in between. A first configuration that is bad registers nothing: orders of that jurisdiction are
 * rejected ({@code NO_RULE_SET}) until it is fixed, because the gate fails closed.
 */
@Component(service = {}, configurationPid = BaselineConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = BaselineConfig.class, factory = true)
public final class BaselineRuleSetComponent {
    private static final Logger LOG = LoggerFactory.getLogger(BaselineRuleSetComponent.class);

    /** Service properties, for the shell and for filters. */
    public static final String JURISDICTION_PROPERTY = "alphintra.compliance.jurisdiction";
    public static final String RULE_SET_ID_PROPERTY = "alphintra.compliance.ruleSet.id";
    public static final String VERSION_PROPERTY = "alphintra.compliance.ruleSet.version";

    private final BundleContext bundleContext;
    private BaselineRuleSet ruleSet;
    private ServiceRegistration<RuleSet> registration;

    @Activate
    public BaselineRuleSetComponent(BundleContext bundleContext, BaselineConfig config,
            Map<String, Object> properties) {
        this.bundleContext = bundleContext;
        try {
            apply(new BaselineRuleSet(BaselineSettings.from(config, properties)));
        } catch (IllegalArgumentException e) {
            LOG.error("{}. No rule set is registered, so orders of this jurisdiction are rejected until the"
                    + " configuration is fixed.", e.getMessage());
        }
    }

    @Modified
    synchronized void modified(BaselineConfig config, Map<String, Object> properties) {
        BaselineSettings settings;
        try {
            settings = BaselineSettings.from(config, properties);
        } catch (IllegalArgumentException e) {
            LOG.error("{}. Keeping the running rule set {}.", e.getMessage(),
                    ruleSet == null ? "(none)" : ruleSet.id() + " " + ruleSet.version());
            return;
        }
        if (ruleSet != null && settings.equals(ruleSet.settings())) {
            return;
        }
        if (ruleSet != null && settings.jurisdiction() == ruleSet.jurisdiction()
                && settings.version().equals(ruleSet.version())) {
            LOG.error("Invalid configuration {}: version = '{}': the rules changed but the version did not, so the"
                    + " audit trail could not tell them apart; raise the version. Keeping the running rule set {} {}.",
                    BaselineConfig.PID, settings.version(), ruleSet.id(), ruleSet.version());
            return;
        }
        apply(new BaselineRuleSet(settings));
    }

    @Deactivate
    synchronized void deactivate() {
        unregister(registration);
        registration = null;
        ruleSet = null;
    }

    /** The rule set now registered, or null. */
    synchronized BaselineRuleSet ruleSet() {
        return ruleSet;
    }

    private synchronized void apply(BaselineRuleSet next) {
        ServiceRegistration<RuleSet> previous = registration;
        registration = bundleContext.registerService(RuleSet.class, next, properties(next));
        ruleSet = next;
        unregister(previous);
        LOG.info("Compliance rule set {} version {} registered for {}: rules {}, restricted {}", next.id(),
                next.version(), next.jurisdiction(), next.settings().rules(),
                next.settings().restrictedList().entries());
    }

    private static void unregister(ServiceRegistration<RuleSet> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The bundle is stopping and the framework already removed it.
            }
        }
    }

    private static Dictionary<String, Object> properties(BaselineRuleSet ruleSet) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(JURISDICTION_PROPERTY, ruleSet.jurisdiction().code());
        properties.put(RULE_SET_ID_PROPERTY, ruleSet.id());
        properties.put(VERSION_PROPERTY, ruleSet.version());
        return properties;
    }
}

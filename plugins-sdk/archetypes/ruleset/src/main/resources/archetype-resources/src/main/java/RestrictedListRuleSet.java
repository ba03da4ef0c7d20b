package ${package};

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.OrderRequest;

/**
 * A compliance rule set with one rule, {@value #RESTRICTED_LIST}: orders in an instrument on the firm's restricted
 * list are rejected. The list is the host's ({@link ComplianceContext#isRestricted()}, per account) plus the
 * instruments configured here. Deterministic and non-blocking, as the gate requires: it reads only its
 * configuration and the context.
 *
 * <p>Configured through Configuration Admin (PID {@code ${package}.RestrictedListRuleSet}); with no configuration
 * there is no component, and the gate fails closed with {@code NO_RULE_SET}.
 */
@Component(service = RuleSet.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RestrictedListRuleSet.Config.class)
public final class RestrictedListRuleSet implements RuleSet {

    public static final String RESTRICTED_LIST = "RESTRICTED_LIST";

    @ObjectClassDefinition(name = "Restricted list rule set")
    @interface Config {
        @AttributeDefinition(description = "Rule set id")
        String id() default "restricted-list";

        @AttributeDefinition(description = "Semantic version of the rules; raise it with every change")
        String version() default "1.0.0";

        @AttributeDefinition(description = "Jurisdiction code, e.g. US")
        String jurisdiction() default "US";

        @AttributeDefinition(description = "Restricted instruments, SYMBOL@VENUE")
        String[] restrictedInstruments() default {};
    }

    private final String id;
    private final String version;
    private final Jurisdiction jurisdiction;
    private final Set<InstrumentId> restricted;

    @Activate
    public RestrictedListRuleSet(Config config) {
        this(config.id(), config.version(), Jurisdiction.ofCode(config.jurisdiction()),
                Arrays.stream(config.restrictedInstruments()).map(InstrumentId::parse).collect(Collectors.toSet()));
    }

    public RestrictedListRuleSet(String id, String version, Jurisdiction jurisdiction, Set<InstrumentId> restricted) {
        this.id = id;
        this.version = ComplianceDecision.requireSemanticVersion("version", version);
        this.jurisdiction = jurisdiction;
        this.restricted = Set.copyOf(restricted);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ComplianceDecision evaluate(OrderRequest order, ComplianceContext context) {
        InstrumentId instrument = order.instrument().id();
        if (context.isRestricted()) {
            return ComplianceDecision.reject(this, RESTRICTED_LIST, instrument + " is on the firm's restricted list"
                    + " for account " + context.account().accountId());
        }
        if (restricted.contains(instrument)) {
            return ComplianceDecision.reject(this, RESTRICTED_LIST, instrument + " is on the restricted list of rule"
                    + " set " + id + " " + version);
        }
        return ComplianceDecision.accept(this);
    }
}

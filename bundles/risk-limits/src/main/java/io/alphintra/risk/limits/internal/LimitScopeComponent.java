package io.alphintra.risk.limits.internal;

import java.util.Map;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's limits per factory configuration {@code io.alphintra.risk.limit-NAME}: validates the configuration and
 * puts its limits in force in the {@link LimitBook}.
 *
 * <p>A changed configuration is validated completely first. A bad one is logged at ERROR with every key and value at
 * fault and the last good limits stay in force. A first configuration that is bad cannot fall back on anything: if its
 * scope can be read, the scope is put in force as broken, so its orders are rejected naming the problem rather than
 * traded under a less specific scope's looser limits; if not even the scope can be read, nothing is known to reject
 * and only the log says so. A deleted configuration takes its limits out of force.
 */
@Component(service = {}, configurationPid = LimitConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = LimitConfig.class, factory = true)
public final class LimitScopeComponent {
    private static final Logger LOG = LoggerFactory.getLogger(LimitScopeComponent.class);

    /** DS's reason for a deactivation because the configuration was deleted (Declarative Services 1.1+). */
    private static final int CONFIGURATION_DELETED = 4;

    private final LimitBook book;
    private final LimitChangeLog changes;
    private final String source;

    @Activate
    public LimitScopeComponent(@Reference LimitBook book, @Reference LimitChangeLog changes, LimitConfig config,
            Map<String, Object> properties) {
        this.book = book;
        this.changes = changes;
        Object pid = properties.get(Constants.SERVICE_PID);
        this.source = pid == null ? LimitConfig.PID : pid.toString();
        ScopeLimits limits;
        try {
            limits = ScopeLimits.from(config, properties, source);
        } catch (IllegalArgumentException e) {
            Scope scope = readableScope(config);
            if (scope == null) {
                LOG.error("{} ({}). Its scope cannot be read, so no order is held back by it: fix the scope.",
                        e.getMessage(), source);
                changes.record("refused, nothing in force", source, config.scope(), e.getMessage(), properties);
                return;
            }
            LOG.error("{} ({}). Orders in scope {} are rejected until it is fixed.", e.getMessage(), source, scope);
            book.put(ScopeLimits.broken(source, scope, e.getMessage()), properties);
            changes.record("refused, its orders rejected", source, scope.toString(), e.getMessage(), properties);
            return;
        }
        book.put(limits, properties);
        changes.record("in force", source, limits.scope().toString(), limits.describe(), properties);
    }

    @Modified
    synchronized void modified(LimitConfig config, Map<String, Object> properties) {
        ScopeLimits limits;
        try {
            limits = ScopeLimits.from(config, properties, source);
        } catch (IllegalArgumentException e) {
            ScopeLimits running = book.get(source);
            if (running == null || running.isBroken()) {
                Scope scope = readableScope(config);
                LOG.error("{} ({}). {}", e.getMessage(), source, scope == null
                        ? "Its scope cannot be read, so no order is held back by it: fix the scope."
                        : "Orders in scope " + scope + " are rejected until it is fixed.");
                if (scope == null) {
                    book.remove(source);
                } else {
                    book.put(ScopeLimits.broken(source, scope, e.getMessage()), properties);
                }
                changes.record(scope == null ? "refused, nothing in force" : "refused, its orders rejected", source,
                        scope == null ? config.scope() : scope.toString(), e.getMessage(), properties);
                return;
            }
            LOG.error("{} ({}). Keeping the last good limits for {}: {}", e.getMessage(), source, running.scope(),
                    running.describe());
            changes.record("refused, last good kept", source, running.scope().toString(), e.getMessage()
                    + "; in force: " + running.describe(), properties);
            return;
        }
        boolean changed = !limits.equals(book.get(source));
        book.put(limits, properties); // also when only how it is written or who wrote it changed
        if (changed) {
            changes.record("in force", source, limits.scope().toString(), limits.describe(), properties);
        }
    }

    @Deactivate
    synchronized void deactivate(int reason) {
        ScopeLimits removed = book.get(source);
        book.remove(source);
        if (reason == CONFIGURATION_DELETED) {
            changes.record("removed", source, removed == null ? "" : removed.scope().toString(),
                    "its limits are no longer in force", null);
        }
    }

    private static Scope readableScope(LimitConfig config) {
        try {
            return Scope.parse(config.scope());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}

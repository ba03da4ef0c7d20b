package io.alphintra.risk.limits.internal;

import io.alphintra.risk.limits.LimitSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every configured scope's limits, and the tables the checks decide with. Configurations arrive on ConfigAdmin's
 * thread ({@link #put}, {@link #remove}); each change builds new immutable tables and publishes them through one
 * volatile field, so the very next order any check decides sees the change, and no order ever sees half of one.
 *
 * <p>Two configurations of the same scope would make the deciding limit depend on the order they were read in, so
 * such a scope is put in force as broken: its orders are rejected, naming both configurations, until one goes.
 */
@Component(service = LimitBook.class)
public final class LimitBook {
    private static final Logger LOG = LoggerFactory.getLogger(LimitBook.class);

    /** By source PID, sorted, so that merged sources read the same in every message. */
    private final Map<String, Entry> bySource = new TreeMap<>();
    private volatile Map<Control, LimitTable> tables = build(List.of());

    /** A configuration's limits in force, and how operators read them. */
    private record Entry(ScopeLimits limits, LimitSet view) {
    }

    /** The table {@code control} decides with now; one volatile read. */
    LimitTable table(Control control) {
        return tables.get(control);
    }

    /**
     * Puts a configuration's limits in force, replacing what that configuration set before.
     *
     * @param configuration the configuration's properties they were read from: the keys as written and who wrote
     *     them, for {@link #inForce()}
     */
    synchronized void put(ScopeLimits limits, Map<String, ?> configuration) {
        Entry previous = bySource.put(limits.source(), new Entry(limits, limits.toLimitSet(configuration)));
        if (previous != null && previous.limits().equals(limits)) {
            return; // written otherwise (1000.0 for 1000) or by someone else: nothing changes for an order
        }
        publish();
        if (previous != null && !previous.limits().scope().equals(limits.scope())) {
            LOG.info("Risk limits {}: scope {} replaced by {}", limits.source(), previous.limits().scope(),
                    limits.scope());
        }
        LOG.info("Risk limits for {} ({}): {}", limits.scope(), limits.source(), limits.describe());
    }

    /** Takes a configuration's limits out of force. */
    synchronized void remove(String source) {
        Entry removed = bySource.remove(source);
        if (removed != null) {
            publish();
            LOG.info("Risk limits for {} ({}) removed", removed.limits().scope(), source);
        }
    }

    /** Every configuration's limits (broken ones too), most specific scope first. */
    synchronized List<ScopeLimits> all() {
        return sorted().stream().map(Entry::limits).toList();
    }

    /** {@link #all()} as operators and the HTTP API read them. */
    synchronized List<LimitSet> inForce() {
        return sorted().stream().map(Entry::view).toList();
    }

    /** The limits a configuration has in force, or null. */
    synchronized ScopeLimits get(String source) {
        Entry entry = bySource.get(source);
        return entry == null ? null : entry.limits();
    }

    /** {@link #get} as operators and the HTTP API read it, or null. */
    synchronized LimitSet limitSet(String source) {
        Entry entry = bySource.get(source);
        return entry == null ? null : entry.view();
    }

    private List<Entry> sorted() {
        List<Entry> all = new ArrayList<>(bySource.values());
        all.sort(java.util.Comparator.comparingInt((Entry entry) -> entry.limits().scope().specificity()).reversed()
                .thenComparing(entry -> entry.limits().scope().toString()));
        return all;
    }

    private void publish() {
        Map<Scope, List<ScopeLimits>> byScope = new LinkedHashMap<>();
        for (Entry entry : bySource.values()) {
            ScopeLimits limits = entry.limits();
            byScope.computeIfAbsent(limits.scope(), scope -> new ArrayList<>()).add(limits);
        }
        List<ScopeLimits> entries = new ArrayList<>();
        byScope.forEach((scope, same) -> {
            if (same.size() == 1) {
                entries.add(same.get(0));
                return;
            }
            String sources = same.stream().map(ScopeLimits::source).collect(Collectors.joining(", "));
            LOG.error("Risk limits: scope {} is configured {} times ({}); its orders are rejected until only one"
                    + " configuration sets it", scope, same.size(), sources);
            entries.add(ScopeLimits.broken(sources, scope, "scope " + scope + " is configured " + same.size()
                    + " times (" + sources + "): merge them into one configuration"));
        });
        tables = build(entries);
    }

    private static Map<Control, LimitTable> build(List<ScopeLimits> entries) {
        Map<Control, LimitTable> built = new EnumMap<>(Control.class);
        for (Control control : Control.values()) {
            built.put(control, LimitTable.of(entries, control.kinds()));
        }
        return built;
    }
}

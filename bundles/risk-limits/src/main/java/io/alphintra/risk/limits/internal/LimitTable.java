package io.alphintra.risk.limits.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;

/**
 * The scopes one check decides with, indexed so that finding those an order matches costs five hash lookups whatever
 * the number of scopes. Immutable: a change of configuration builds a new table, which the {@link LimitBook}
 * publishes whole, so a check sees either the old limits or the new ones, never a mix.
 *
 * <p>Each scope is filed under its highest-ranking term (a scope {@code account:ACC-1 instrument:AAPL@SIMX_US} under
 * account {@code ACC-1}); a lookup takes the scopes filed under the order's strategy, trader, account, instrument and
 * venue, keeps those whose other terms match too, adds {@code *}, and sorts them most specific first.
 */
final class LimitTable {

    static final LimitTable EMPTY = new LimitTable(List.of());

    private final ScopeLimits all;
    private final Map<String, ScopeLimits[]> byStrategy;
    private final Map<String, ScopeLimits[]> byTrader;
    private final Map<String, ScopeLimits[]> byAccount;
    private final Map<InstrumentId, ScopeLimits[]> byInstrument;
    private final Map<String, ScopeLimits[]> byVenue;
    private final int size;
    private final long maxDuplicateWindowNanos;

    private LimitTable(List<ScopeLimits> entries) {
        ScopeLimits star = null;
        Map<String, List<ScopeLimits>> strategies = new HashMap<>();
        Map<String, List<ScopeLimits>> traders = new HashMap<>();
        Map<String, List<ScopeLimits>> accounts = new HashMap<>();
        Map<InstrumentId, List<ScopeLimits>> instruments = new HashMap<>();
        Map<String, List<ScopeLimits>> venues = new HashMap<>();
        long maxWindow = 0;
        for (ScopeLimits entry : entries) {
            Scope scope = entry.scope();
            switch (scope.primary()) {
                case 0 -> {
                    if (star != null) {
                        throw new IllegalArgumentException("scope * given twice: " + star.source() + ", "
                                + entry.source());
                    }
                    star = entry;
                }
                case Scope.STRATEGY -> strategies.computeIfAbsent(scope.strategy(), k -> new ArrayList<>()).add(entry);
                case Scope.TRADER -> traders.computeIfAbsent(scope.trader(), k -> new ArrayList<>()).add(entry);
                case Scope.ACCOUNT -> accounts.computeIfAbsent(scope.account(), k -> new ArrayList<>()).add(entry);
                case Scope.INSTRUMENT -> instruments.computeIfAbsent(scope.instrument(), k -> new ArrayList<>())
                        .add(entry);
                case Scope.VENUE -> venues.computeIfAbsent(scope.venue(), k -> new ArrayList<>()).add(entry);
                default -> throw new IllegalStateException("unknown scope term " + scope.primary());
            }
            if (entry.duplicates() != null && !entry.duplicates().isNone()) {
                maxWindow = Math.max(maxWindow, entry.duplicates().windowNanos());
            }
        }
        this.all = star;
        this.byStrategy = freeze(strategies);
        this.byTrader = freeze(traders);
        this.byAccount = freeze(accounts);
        this.byInstrument = freeze(instruments);
        this.byVenue = freeze(venues);
        this.size = entries.size();
        this.maxDuplicateWindowNanos = maxWindow;
    }

    /**
     * A table of the entries that set any of {@code kinds}, broken ones included (they set every kind).
     *
     * @throws IllegalArgumentException if two entries have the same scope (the book merges those first)
     */
    static LimitTable of(Collection<ScopeLimits> entries, Set<LimitKind> kinds) {
        List<ScopeLimits> relevant = new ArrayList<>();
        for (ScopeLimits entry : entries) {
            if (kinds.stream().anyMatch(entry::sets)) {
                relevant.add(entry);
            }
        }
        return relevant.isEmpty() ? EMPTY : new LimitTable(relevant);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The number of scopes: no order can match more. */
    int size() {
        return size;
    }

    /** The longest duplicate window of any scope: fingerprints older than it are of no use to any order. */
    long maxDuplicateWindowNanos() {
        return maxDuplicateWindowNanos;
    }

    /**
     * Writes the scopes an order matches into {@code out}, most specific first, and returns how many. Allocates
     * nothing.
     *
     * @param out at least {@link #size()} long
     */
    int match(Attribution attribution, InstrumentId instrument, ScopeLimits[] out) {
        int count = collect(byStrategy.get(attribution.strategyId()), attribution, instrument, out, 0);
        count = collect(byTrader.get(attribution.traderId()), attribution, instrument, out, count);
        count = collect(byAccount.get(attribution.accountId()), attribution, instrument, out, count);
        count = collect(byInstrument.get(instrument), attribution, instrument, out, count);
        count = collect(byVenue.get(instrument.venueId()), attribution, instrument, out, count);
        return all == null ? count : insert(out, count, all);
    }

    private static int collect(ScopeLimits[] filed, Attribution attribution, InstrumentId instrument,
            ScopeLimits[] out, int count) {
        if (filed == null) {
            return count;
        }
        for (int i = 0; i < filed.length; i++) {
            if (filed[i].scope().matches(attribution, instrument)) {
                count = insert(out, count, filed[i]);
            }
        }
        return count;
    }

    /** Insertion into the sorted prefix: an order matches a handful of scopes. */
    private static int insert(ScopeLimits[] out, int count, ScopeLimits entry) {
        int specificity = entry.scope().specificity();
        int i = count;
        while (i > 0 && out[i - 1].scope().specificity() < specificity) {
            out[i] = out[i - 1];
            i--;
        }
        out[i] = entry;
        return count + 1;
    }

    private static <K> Map<K, ScopeLimits[]> freeze(Map<K, List<ScopeLimits>> lists) {
        Map<K, ScopeLimits[]> frozen = new HashMap<>(Math.max(4, lists.size() * 2));
        lists.forEach((key, list) -> frozen.put(key, list.toArray(new ScopeLimits[0])));
        return frozen;
    }
}

package io.alphintra.engine.internal.core;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kill switches engaged, by scope. Asked for every order, so a lookup is a few hash probes of strings the order
 * already holds and allocates nothing; none engaged costs one branch. Engine thread only.
 */
final class KillSwitches {
    private final Map<KillScope, KillSwitchState> engaged = new LinkedHashMap<>();
    private boolean all;
    private final Set<String> venues = new HashSet<>();
    private final Set<String> strategies = new HashSet<>();
    private final Set<String> traders = new HashSet<>();
    private final Set<String> accounts = new HashSet<>();

    /** Engages (or engages again, keeping the first engagement's record). */
    void engage(KillSwitchState state) {
        engaged.putIfAbsent(state.scope(), state);
        index();
    }

    /** @return the engagement reset, or null when that scope was not engaged */
    KillSwitchState reset(KillScope scope) {
        KillSwitchState removed = engaged.remove(scope);
        index();
        return removed;
    }

    boolean any() {
        return !engaged.isEmpty();
    }

    /** The engaged switch that covers an order of this venue, strategy, trader and account; null when none does. */
    KillSwitchState covering(String venueId, String strategyId, String traderId, String accountId) {
        if (engaged.isEmpty()) {
            return null;
        }
        if (!(all || venues.contains(venueId) || strategies.contains(strategyId) || traders.contains(traderId)
                || accounts.contains(accountId))) {
            return null;
        }
        for (KillSwitchState state : engaged.values()) {
            if (state.scope().covers(venueId, strategyId, traderId, accountId)) {
                return state;
            }
        }
        return null;
    }

    List<KillSwitchState> states() {
        return new ArrayList<>(engaged.values());
    }

    void clear() {
        engaged.clear();
        index();
    }

    private void index() {
        all = false;
        venues.clear();
        strategies.clear();
        traders.clear();
        accounts.clear();
        for (KillScope scope : engaged.keySet()) {
            switch (scope.kind()) {
                case ALL -> all = true;
                case VENUE -> venues.add(scope.value());
                case STRATEGY -> strategies.add(scope.value());
                case TRADER -> traders.add(scope.value());
                case ACCOUNT -> accounts.add(scope.value());
            }
        }
    }
}

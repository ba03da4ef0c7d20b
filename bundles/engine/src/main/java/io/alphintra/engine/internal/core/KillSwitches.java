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
 * already holds and allocates nothing; none engaged costs one branch. A halt refuses every order it covers; a
 * reduce-only switch only those that would not reduce the position it watches. Engine thread only.
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

    /** Whether an order a reduce-only switch covers would reduce the position that switch watches. */
    @FunctionalInterface
    interface Reduction {
        boolean reduces(KillSwitchState state);
    }

    /** The engaged switch that covers an order of this venue, strategy, trader and account; null when none does. */
    KillSwitchState covering(String venueId, String strategyId, String traderId, String accountId) {
        return refusing(venueId, strategyId, traderId, accountId, null);
    }

    /**
     * The engaged switch that refuses an order of this venue, strategy, trader and account: a halt covering it, else
     * a reduce-only switch covering it that {@code reduction} says it does not satisfy; null when none does.
     *
     * @param reduction null to treat reduce-only switches as refusing (whether it reduces is not asked)
     */
    KillSwitchState refusing(String venueId, String strategyId, String traderId, String accountId,
                             Reduction reduction) {
        if (engaged.isEmpty()) {
            return null;
        }
        if (!(all || venues.contains(venueId) || strategies.contains(strategyId) || traders.contains(traderId)
                || accounts.contains(accountId))) {
            return null;
        }
        KillSwitchState refusing = null;
        for (KillSwitchState state : engaged.values()) {
            if (!state.scope().covers(venueId, strategyId, traderId, accountId)) {
                continue;
            }
            if (state.mode() == KillSwitchState.Mode.HALT) {
                return state;
            }
            if (refusing == null && (reduction == null || !reduction.reduces(state))) {
                refusing = state;
            }
        }
        return refusing;
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

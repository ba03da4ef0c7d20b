package io.alphintra.engine.internal.monitor;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A validated loss threshold: which scopes it watches, its limits per quote currency and what it engages when one is
 * crossed. Limits are kept at the monitor's scale of their currency ({@link RiskMonitor#scaleOf}), so that comparing
 * one with a figure is a comparison of two {@code long}s.
 *
 * @param scope       {@link KillScope#all()} for {@code *}: each strategy and each account on its own
 * @param maxDrawdown limit on peak less equity, by currency; empty when not set
 * @param maxLoss     limit on equity below zero, by currency; empty when not set
 */
public record LossThreshold(String source, KillScope scope, Map<Currency, Money> maxDrawdown,
                            Map<Currency, Money> maxLoss, KillSwitchState.Mode action) {
    private static final Set<String> KEYS = Set.of("scope", "maxDrawdown", "maxLoss", "action");

    public LossThreshold {
        maxDrawdown = Collections.unmodifiableMap(new TreeMap<>(maxDrawdown));
        maxLoss = Collections.unmodifiableMap(new TreeMap<>(maxLoss));
    }

    /**
     * Validates a whole configuration.
     *
     * @throws IllegalArgumentException naming every bad key and value of it, not only the first
     */
    static LossThreshold from(LossThresholdConfig config, Map<String, Object> properties, String source) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeMap<>(properties).keySet()) {
            // Framework keys (service.pid, felix.fileinstall.filename, component.name) all hold a dot; ours none.
            if (!key.contains(".") && !KEYS.contains(key)) {
                problems.add(key + ": unknown key (known: action, maxDrawdown, maxLoss, scope)");
            }
        }
        KillScope scope = null;
        String scopeText = config.scope() == null ? "" : config.scope().trim();
        if (scopeText.isEmpty()) {
            problems.add("scope: required: *, strategy:ID or account:ID");
        } else if (scopeText.equals("*")) {
            scope = KillScope.all();
        } else {
            try {
                KillScope parsed = KillScope.parse(scopeText);
                if (parsed.kind() != KillScope.Kind.STRATEGY && parsed.kind() != KillScope.Kind.ACCOUNT) {
                    problems.add("scope = '" + scopeText + "': a loss threshold watches *, strategy:ID or"
                            + " account:ID");
                } else {
                    scope = parsed;
                }
            } catch (IllegalArgumentException e) {
                problems.add("scope = '" + scopeText + "': " + e.getMessage());
            }
        }
        Map<Currency, Money> drawdown = limits("maxDrawdown", config.maxDrawdown(), problems);
        Map<Currency, Money> loss = limits("maxLoss", config.maxLoss(), problems);
        if (drawdown.isEmpty() && loss.isEmpty() && blank(config.maxDrawdown()) && blank(config.maxLoss())) {
            problems.add("maxDrawdown, maxLoss: at least one is required, e.g. maxDrawdown = USD 50000");
        }
        KillSwitchState.Mode action = null;
        String actionText = config.action() == null ? "" : config.action().trim().toLowerCase(Locale.ROOT);
        switch (actionText) {
            case "halt" -> action = KillSwitchState.Mode.HALT;
            case "reduce-only" -> action = KillSwitchState.Mode.REDUCE_ONLY;
            default -> problems.add("action = '" + config.action() + "': not one of halt, reduce-only");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Loss threshold " + source + " is invalid: "
                    + String.join("; ", problems));
        }
        return new LossThreshold(source, scope, drawdown, loss, action);
    }

    /** Whether this threshold watches a strategy or account scope of the monitor. */
    boolean watches(KillScope scope) {
        return scope.kind() != KillScope.Kind.ALL && (this.scope.kind() == KillScope.Kind.ALL
                || this.scope.equals(scope));
    }

    /** {@code scope=*, maxDrawdown=USD 50000, action=halt}, for logs and operators. */
    String describe() {
        return "scope=" + (scope.kind() == KillScope.Kind.ALL ? "*" : scope.toString())
                + (maxDrawdown.isEmpty() ? "" : ", maxDrawdown=" + amounts(maxDrawdown))
                + (maxLoss.isEmpty() ? "" : ", maxLoss=" + amounts(maxLoss))
                + ", action=" + (action == KillSwitchState.Mode.HALT ? "halt" : "reduce-only");
    }

    private static String amounts(Map<Currency, Money> limits) {
        List<String> parts = new ArrayList<>();
        limits.forEach((currency, limit) -> parts.add(currency.code() + " "
                + Decimals.formatCompact(limit.mantissa(), limit.scale())));
        return String.join(", ", parts);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** {@code USD 50000, JPY 7500000}: positive amounts, one per currency. */
    private static Map<Currency, Money> limits(String key, String text, List<String> problems) {
        Map<Currency, Money> limits = new TreeMap<>();
        if (blank(text)) {
            return limits;
        }
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2) {
                problems.add(key + " = '" + text + "': '" + entry.trim() + "' is not 'CURRENCY amount', e.g. USD"
                        + " 50000");
                continue;
            }
            Currency currency;
            try {
                currency = Currency.of(parts[0]);
            } catch (IllegalArgumentException e) {
                problems.add(key + " = '" + text + "': currency '" + parts[0] + "': " + e.getMessage());
                continue;
            }
            if (limits.containsKey(currency)) {
                problems.add(key + " = '" + text + "': " + currency.code() + " is given twice");
                continue;
            }
            int scale = RiskMonitor.scaleOf(currency);
            try {
                long mantissa = Decimals.parse(key + " " + currency.code(), parts[1], scale);
                if (mantissa <= 0) {
                    problems.add(key + " = '" + text + "': " + currency.code() + " " + parts[1]
                            + " must be above zero");
                    continue;
                }
                limits.put(currency, Money.of(currency, mantissa, scale));
            } catch (IllegalArgumentException | ArithmeticException e) {
                problems.add(key + " = '" + text + "': " + e.getMessage());
            }
        }
        return limits;
    }
}

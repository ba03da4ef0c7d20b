package io.alphintra.risk.limits.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.risk.limits.LimitSet;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * The validated limits of one configuration: its scope and the limits it sets (null: not set here, left to a less
 * specific scope). Immutable. {@link #from} reads every key, collects every problem as {@code key = 'value': why} and
 * throws one {@link io.alphintra.config.support.InvalidConfigurationException} if there is any, so nothing of a bad
 * configuration is ever applied.
 *
 * <p>A <em>broken</em> entry ({@link #problem()} not null) stands for limits that should be in force but are not: a
 * first configuration that failed validation, or two configurations of one scope. It sets every kind, so the orders
 * it is the most specific scope for are rejected, naming the problem, instead of falling back to looser limits.
 *
 * @param source the configuration's PID (or PIDs), for messages
 * @param scope which orders
 * @param problem why the limits are not in force, or null
 * @param collar PT2 price collar
 * @param maxOrderQuantity PT4 hard limit
 * @param warnOrderQuantity PT4 soft limit
 * @param maxOrderValue PT3 hard limits per currency
 * @param warnOrderValue PT3 soft limits per currency
 * @param duplicates PT5
 * @param maxLongPosition long position limit
 * @param maxShortPosition short position limit
 * @param holdSoftBreaches whether a breach of this entry's soft limits holds the order for an authorised override
 *     ({@code softLimitAction = hold}, the default) rather than warning
 * @param maxStrategyLongPosition long position limit of the order's strategy
 * @param maxStrategyShortPosition short position limit of the order's strategy
 * @param accountCredit PT1 credit limits of the order's account per currency
 * @param traderCredit PT1 credit limits of the order's trader per currency
 * @param strategyCredit PT1 credit limits of the order's strategy per currency
 */
record ScopeLimits(String source, Scope scope, String problem, PriceCollar collar, DecimalLimit maxOrderQuantity,
        DecimalLimit warnOrderQuantity, ValueLimits maxOrderValue, ValueLimits warnOrderValue,
        DuplicateLimit duplicates, DecimalLimit maxLongPosition, DecimalLimit maxShortPosition,
        boolean holdSoftBreaches, DecimalLimit maxStrategyLongPosition, DecimalLimit maxStrategyShortPosition,
        ValueLimits accountCredit, ValueLimits traderCredit, ValueLimits strategyCredit) {

    /** The limit keys of a configuration (every key but {@code scope}), as the README documents them. */
    static final Set<String> KEYS = Collections.unmodifiableSortedSet(
            Arrays.stream(LimitConfig.class.getDeclaredMethods()).map(Method::getName)
                    .filter(name -> !name.equals("scope")).collect(Collectors.toCollection(TreeSet<String>::new)));

    private static final String LAST = "last";
    private static final String MID = "mid";
    private static final String HOLD = "hold";
    private static final String WARN = "warn";

    /** Limits of {@code scope} that are not in force because of {@code problem}; see the class comment. */
    static ScopeLimits broken(String source, Scope scope, String problem) {
        return new ScopeLimits(source, scope, problem, null, null, null, null, null, null, null, null, true, null,
                null, null, null, null);
    }

    boolean isBroken() {
        return problem != null;
    }

    /** Whether this entry decides {@code kind} for the orders it matches. Value kinds: see {@link #value}. */
    boolean sets(LimitKind kind) {
        if (problem != null) {
            return true;
        }
        return switch (kind) {
            case PRICE_COLLAR -> collar != null;
            case MAX_ORDER_QUANTITY -> maxOrderQuantity != null;
            case WARN_ORDER_QUANTITY -> warnOrderQuantity != null;
            case MAX_ORDER_VALUE -> maxOrderValue != null;
            case WARN_ORDER_VALUE -> warnOrderValue != null;
            case DUPLICATES -> duplicates != null;
            case MAX_LONG_POSITION -> maxLongPosition != null;
            case MAX_SHORT_POSITION -> maxShortPosition != null;
            case MAX_STRATEGY_LONG_POSITION -> maxStrategyLongPosition != null;
            case MAX_STRATEGY_SHORT_POSITION -> maxStrategyShortPosition != null;
            case ACCOUNT_CREDIT -> accountCredit != null;
            case TRADER_CREDIT -> traderCredit != null;
            case STRATEGY_CREDIT -> strategyCredit != null;
        };
    }

    /** The quantity limit of {@code kind} (one of the quantity kinds), or null. */
    DecimalLimit quantity(LimitKind kind) {
        return switch (kind) {
            case MAX_ORDER_QUANTITY -> maxOrderQuantity;
            case WARN_ORDER_QUANTITY -> warnOrderQuantity;
            case MAX_LONG_POSITION -> maxLongPosition;
            case MAX_SHORT_POSITION -> maxShortPosition;
            case MAX_STRATEGY_LONG_POSITION -> maxStrategyLongPosition;
            case MAX_STRATEGY_SHORT_POSITION -> maxStrategyShortPosition;
            default -> throw new IllegalArgumentException(kind + " is not a quantity limit");
        };
    }

    /**
     * The amount of value kind {@code kind} in {@code currency}: null where this entry sets none in that currency
     * (for a broken entry too: check {@link #isBroken()} first).
     */
    DecimalLimit value(LimitKind kind, Currency currency) {
        ValueLimits limits = switch (kind) {
            case MAX_ORDER_VALUE -> maxOrderValue;
            case WARN_ORDER_VALUE -> warnOrderValue;
            case ACCOUNT_CREDIT -> accountCredit;
            case TRADER_CREDIT -> traderCredit;
            case STRATEGY_CREDIT -> strategyCredit;
            default -> throw new IllegalArgumentException(kind + " is not a value limit");
        };
        return limits == null ? null : limits.amount(currency);
    }

    /** The limits as the configuration sets them, for the log: {@code maxOrderQuantity = 1000, ...}. */
    String describe() {
        if (problem != null) {
            return "NOT IN FORCE (" + problem + ")";
        }
        List<String> parts = new ArrayList<>();
        if (collar != null) {
            parts.add("priceCollar = " + collar);
        }
        add(parts, "maxOrderQuantity", maxOrderQuantity);
        add(parts, "warnOrderQuantity", warnOrderQuantity);
        add(parts, "maxOrderValue", maxOrderValue);
        add(parts, "warnOrderValue", warnOrderValue);
        if (warnOrderQuantity != null || warnOrderValue != null) {
            parts.add("softLimitAction = " + (holdSoftBreaches ? HOLD : WARN));
        }
        add(parts, "duplicates", duplicates);
        add(parts, "maxLongPosition", maxLongPosition);
        add(parts, "maxShortPosition", maxShortPosition);
        add(parts, "maxStrategyLongPosition", maxStrategyLongPosition);
        add(parts, "maxStrategyShortPosition", maxStrategyShortPosition);
        add(parts, "accountCreditLimit", accountCredit);
        add(parts, "traderCreditLimit", traderCredit);
        add(parts, "strategyCreditLimit", strategyCredit);
        return String.join(", ", parts);
    }

    /**
     * These limits as operators and the HTTP API read them: the limit keys of {@code configuration} (the
     * configuration they were read from) as written, and who last changed it through the shell or the API.
     */
    LimitSet toLimitSet(Map<String, ?> configuration) {
        Map<String, String> written = new TreeMap<>();
        for (String key : KEYS) {
            Object value = configuration.get(key);
            if (value != null && !value.toString().isBlank()) { // empty: not set here, as in a file
                written.put(key, value.toString());
            }
        }
        Object changedBy = configuration.get(LimitChangeLog.CHANGED_BY);
        return new LimitSet(scope.toString(), source, written, describe(), isBroken(),
                changedBy == null || changedBy.toString().isBlank() ? null : changedBy.toString());
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + " = " + value);
        }
    }

    /**
     * Parses and validates a configuration.
     *
     * @param source the configuration's PID, kept for messages
     * @throws io.alphintra.config.support.InvalidConfigurationException naming every key and value at fault
     */
    static ScopeLimits from(LimitConfig config, Map<String, ?> raw, String source) {
        ConfigReader<LimitConfig> reader = new ConfigReader<>(LimitConfig.PID, config, raw);
        Scope scope = reader.parsed("scope", LimitConfig::scope, Scope::parse);
        PriceCollar collar = collar(reader);
        DecimalLimit maxQuantity = optional(reader, "maxOrderQuantity", LimitConfig::maxOrderQuantity,
                text -> DecimalLimit.parse(text, false));
        DecimalLimit warnQuantity = optional(reader, "warnOrderQuantity", LimitConfig::warnOrderQuantity,
                text -> DecimalLimit.parse(text, false));
        ValueLimits maxValue = optional(reader, "maxOrderValue", LimitConfig::maxOrderValue, ValueLimits::parse);
        ValueLimits warnValue = optional(reader, "warnOrderValue", LimitConfig::warnOrderValue, ValueLimits::parse);
        Boolean holdSoftBreaches = softLimitAction(reader, warnQuantity != null || warnValue != null);
        DuplicateLimit duplicates = duplicates(reader);
        DecimalLimit maxLong = optional(reader, "maxLongPosition", LimitConfig::maxLongPosition,
                text -> DecimalLimit.parse(text, true));
        DecimalLimit maxShort = optional(reader, "maxShortPosition", LimitConfig::maxShortPosition,
                text -> DecimalLimit.parse(text, true));
        DecimalLimit maxStrategyLong = optional(reader, "maxStrategyLongPosition",
                LimitConfig::maxStrategyLongPosition, text -> DecimalLimit.parse(text, true));
        DecimalLimit maxStrategyShort = optional(reader, "maxStrategyShortPosition",
                LimitConfig::maxStrategyShortPosition, text -> DecimalLimit.parse(text, true));
        ValueLimits accountCredit = optional(reader, "accountCreditLimit", LimitConfig::accountCreditLimit,
                ScopeLimits::creditLimits);
        ValueLimits traderCredit = optional(reader, "traderCreditLimit", LimitConfig::traderCreditLimit,
                ScopeLimits::creditLimits);
        ValueLimits strategyCredit = optional(reader, "strategyCreditLimit", LimitConfig::strategyCreditLimit,
                ScopeLimits::creditLimits);
        if (maxQuantity != null && warnQuantity != null && !maxQuantity.isNone() && !warnQuantity.isNone()
                && compare(warnQuantity, maxQuantity) >= 0) {
            reader.problem("warnOrderQuantity", warnQuantity, "must be below maxOrderQuantity = " + maxQuantity
                    + ", or the warning never comes before the rejection");
        }
        if (maxValue != null && warnValue != null && !maxValue.isNone()) {
            for (Currency currency : warnValue.currencies()) {
                DecimalLimit max = maxValue.amount(currency);
                if (max != null && compare(warnValue.amount(currency), max) >= 0) {
                    reader.problem("warnOrderValue", warnValue, currency + " " + warnValue.amount(currency)
                            + " must be below maxOrderValue " + currency + " " + max
                            + ", or the warning never comes before the rejection");
                }
            }
        }
        if (reader.valid() && collar == null && maxQuantity == null && warnQuantity == null && maxValue == null
                && warnValue == null && duplicates == null && maxLong == null && maxShort == null
                && maxStrategyLong == null && maxStrategyShort == null && accountCredit == null && traderCredit == null
                && strategyCredit == null) {
            reader.problem("scope", scope, "the configuration sets no limit");
        }
        reader.requireValid();
        return new ScopeLimits(source, scope, null, collar, maxQuantity, warnQuantity, maxValue, warnValue,
                duplicates, maxLong, maxShort, holdSoftBreaches, maxStrategyLong, maxStrategyShort, accountCredit,
                traderCredit, strategyCredit);
    }

    /**
     * Credit amounts per currency. None may have more decimals than credit is counted in
     * ({@link PreTradeContext#CREDIT_SCALE}): it could not be compared exactly.
     */
    private static ValueLimits creditLimits(String text) {
        ValueLimits limits = ValueLimits.parse(text);
        for (Currency currency : limits.currencies()) {
            DecimalLimit amount = limits.amount(currency);
            if (amount.scale() > PreTradeContext.CREDIT_SCALE) {
                throw new IllegalArgumentException("entry '" + currency + " " + amount.text() + "': more than "
                        + PreTradeContext.CREDIT_SCALE + " decimal places (credit is counted in units of 0.0001)");
            }
        }
        return limits;
    }

    /**
     * {@code softLimitAction}: hold (the default: PT3 and PT4 ask that a soft breach wait for an authorised override)
     * or warn; null when invalid.
     */
    private static Boolean softLimitAction(ConfigReader<LimitConfig> reader, boolean softLimitsSet) {
        String action = reader.get("softLimitAction", LimitConfig::softLimitAction);
        if (action == null || action.isBlank()) {
            return true;
        }
        if (!softLimitsSet) {
            reader.problem("softLimitAction", action, "only used with warnOrderQuantity or warnOrderValue");
        }
        String kind = action.trim();
        if (kind.equalsIgnoreCase(HOLD)) {
            return true;
        }
        if (kind.equalsIgnoreCase(WARN)) {
            return false;
        }
        reader.problem("softLimitAction", action, "expected 'hold' or 'warn'");
        return null;
    }

    private static PriceCollar collar(ConfigReader<LimitConfig> reader) {
        String band = reader.get("priceCollarBasisPoints", LimitConfig::priceCollarBasisPoints);
        String reference = reader.get("priceCollarReference", LimitConfig::priceCollarReference);
        String age = reader.get("maxReferenceAgeMillis", LimitConfig::maxReferenceAgeMillis);
        boolean hasBand = band != null && !band.isBlank();
        boolean hasReference = reference != null && !reference.isBlank();
        boolean hasAge = age != null && !age.isBlank();
        boolean mid = false;
        if (!hasBand || band.trim().equalsIgnoreCase("none")) {
            if (hasReference) {
                reader.problem("priceCollarReference", reference, "only used with priceCollarBasisPoints");
            }
            if (hasAge) {
                reader.problem("maxReferenceAgeMillis", age, "only used with priceCollarBasisPoints");
            }
            return hasBand ? PriceCollar.NONE : null;
        }
        Long basisPoints = integer(reader, "priceCollarBasisPoints", band, 1, PriceCollar.MAX_BASIS_POINTS);
        if (hasReference) {
            String kind = reference.trim();
            if (kind.equalsIgnoreCase(MID)) {
                mid = true;
            } else if (!kind.equalsIgnoreCase(LAST)) {
                reader.problem("priceCollarReference", reference, "expected 'last' or 'mid'");
            }
        }
        Long maxAge = null;
        if (!hasAge) {
            reader.problem("maxReferenceAgeMillis", "", "required with priceCollarBasisPoints: a collar around a"
                    + " price of unknown age protects nothing");
        } else {
            maxAge = integer(reader, "maxReferenceAgeMillis", age, 1, PriceCollar.MAX_REFERENCE_AGE_MILLIS);
        }
        return basisPoints == null || maxAge == null ? null : new PriceCollar(basisPoints, maxAge, mid);
    }

    private static DuplicateLimit duplicates(ConfigReader<LimitConfig> reader) {
        String count = reader.get("duplicateCount", LimitConfig::duplicateCount);
        String window = reader.get("duplicateWindowMillis", LimitConfig::duplicateWindowMillis);
        boolean hasCount = count != null && !count.isBlank();
        boolean hasWindow = window != null && !window.isBlank();
        if (!hasCount || count.trim().equalsIgnoreCase("none")) {
            if (hasWindow) {
                reader.problem("duplicateWindowMillis", window, "only used with duplicateCount");
            }
            return hasCount ? DuplicateLimit.NONE : null;
        }
        Long parsedCount = integer(reader, "duplicateCount", count, 2, DuplicateLimit.MAX_COUNT);
        if (!hasWindow) {
            reader.problem("duplicateWindowMillis", "", "required with duplicateCount");
            return null;
        }
        Long parsedWindow = integer(reader, "duplicateWindowMillis", window, 1, DuplicateLimit.MAX_WINDOW_MILLIS);
        return parsedCount == null || parsedWindow == null ? null
                : new DuplicateLimit(parsedCount.intValue(), parsedWindow);
    }

    private static Long integer(ConfigReader<LimitConfig> reader, String key, String text, long min, long max) {
        String trimmed = text.trim();
        if (!trimmed.matches("[0-9]{1,18}")) {
            reader.problem(key, text, "not a whole number between " + min + " and " + max);
            return null;
        }
        long value = Long.parseLong(trimmed);
        if (value < min || value > max) {
            reader.problem(key, text, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    /** A key that may be empty (null: not set); a parser's {@link IllegalArgumentException} is its problem. */
    private static <T> T optional(ConfigReader<LimitConfig> reader, String key, Function<LimitConfig, String> accessor,
            Function<String, T> parser) {
        String value = reader.get(key, accessor);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            reader.problem(key, value, e.getMessage());
            return null;
        }
    }

    private static int compare(DecimalLimit a, DecimalLimit b) {
        return Decimals.compare(a.mantissa(), a.scale(), b.mantissa(), b.scale());
    }
}

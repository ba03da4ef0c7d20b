package io.alphintra.compliance.baseline.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.alphintra.sdk.instrument.Jurisdiction;

/**
 * The rules of the baseline rule set, each with a stable id (it is recorded in every decision that names it), the
 * jurisdictions it may be enabled for, and the regulation it implements there.
 *
 * <p>The first three are always on; the others are enabled per configuration ({@code rules}), with a default set
 * per jurisdiction ({@link #defaults(Jurisdiction)}).
 */
enum BaselineRule {
    /** Halted instruments are not traded: exchange and regulatory halts (e.g. FINRA 6120, MiFID II Art 32/48(5)). */
    TRADING_HALT("trading-halt", true, null),
    /**
     * Instruments on the firm's restricted list are not traded: information barriers against the misuse of inside
     * information (US Exchange Act 15(g); EU and UK MAR Art 14 and 16).
     */
    RESTRICTED_LIST("restricted-list", true, null),
    /** Only the asset classes the firm may trade in the jurisdiction (its regulatory permissions). */
    ASSET_CLASS("asset-class", true, null),
    /**
     * A sale that takes the account's net position below zero must be marked short: US Reg SHO Rule 200(g); EU and
     * UK SSR 236/2012 with the MiFIR Art 26 short-selling indicator; JP, HK, SG and AU short-sale marking.
     */
    SHORT_MARKING("short-marking", false, null),
    /**
     * No naked short sales: a short sale needs a locate or borrow for its quantity. US Reg SHO 203(b)(1); EU and UK
     * SSR 236/2012 Art 12; JP naked short-selling ban; HK SFO s.170; AU Corporations Act s.1020B.
     */
    LOCATE_REQUIRED("locate-required", false, null),
    /**
     * US Reg SHO Rule 201 (alternative uptick rule): after a fall of 10 % or more from the previous close, short
     * sales at or below the national best bid are blocked; orders marked short exempt (Rule 200(g)(2)) pass.
     */
    REG_SHO_201("reg-sho-201", false, EnumSet.of(Jurisdiction.US)),
    /** HK: only designated securities may be sold short (HKEX Trading Rules, designated securities list). */
    HK_DESIGNATED_SHORT("hk-designated-short", false, EnumSet.of(Jurisdiction.HK)),
    /** HK tick rule: no short sale below the best current ask (HKEX Trading Rules). */
    HK_TICK_RULE("hk-tick-rule", false, EnumSet.of(Jurisdiction.HK)),
    /**
     * JP price restriction: after a fall of 10 % or more from the previous close, short sales at or below the last
     * price are blocked (JFSA short-selling rules, applied by JPX).
     */
    JP_PRICE_RESTRICTION("jp-price-restriction", false, EnumSet.of(Jurisdiction.JP));

    /** The value of {@code rules} that enables none of the optional rules. */
    static final String NONE = "none";

    private final String id;
    private final boolean alwaysOn;
    private final Set<Jurisdiction> only;

    BaselineRule(String id, boolean alwaysOn, Set<Jurisdiction> only) {
        this.id = id;
        this.alwaysOn = alwaysOn;
        this.only = only;
    }

    /** Stable id, as recorded in decisions and written in configuration. */
    String id() {
        return id;
    }

    boolean alwaysOn() {
        return alwaysOn;
    }

    /** Whether the rule may be enabled for {@code jurisdiction}. */
    boolean appliesTo(Jurisdiction jurisdiction) {
        return only == null || only.contains(jurisdiction);
    }

    /** The jurisdictions a jurisdiction-specific rule is written for, e.g. {@code US}; null if any. */
    Set<Jurisdiction> only() {
        return only;
    }

    /**
     * The rule by id.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    static BaselineRule ofId(String id) {
        for (BaselineRule rule : values()) {
            if (rule.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return rule;
            }
        }
        StringBuilder known = new StringBuilder();
        for (BaselineRule rule : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(rule.id);
        }
        throw new IllegalArgumentException("unknown rule '" + id.trim() + "' (known: " + known + ")");
    }

    /**
     * The rules enabled when {@code rules} is not configured: the always-on rules plus the jurisdiction's
     * short-sale rules as listed in the bundle's README.
     */
    static Set<BaselineRule> defaults(Jurisdiction jurisdiction) {
        EnumSet<BaselineRule> rules = EnumSet.of(TRADING_HALT, RESTRICTED_LIST, ASSET_CLASS);
        switch (jurisdiction) {
            case US -> rules.addAll(EnumSet.of(SHORT_MARKING, LOCATE_REQUIRED, REG_SHO_201));
            case EU, UK, AU -> rules.addAll(EnumSet.of(SHORT_MARKING, LOCATE_REQUIRED));
            case JP -> rules.addAll(EnumSet.of(SHORT_MARKING, LOCATE_REQUIRED, JP_PRICE_RESTRICTION));
            case HK -> rules.addAll(EnumSet.of(SHORT_MARKING, LOCATE_REQUIRED, HK_DESIGNATED_SHORT, HK_TICK_RULE));
            case SG -> rules.add(SHORT_MARKING);
            default -> {
                // CH and regimes added later: no short-sale rule is known to the baseline; always-on rules only.
            }
        }
        return rules;
    }

    /**
     * The regulation a decision of this rule cites for {@code jurisdiction}, at the start of its reason, e.g.
     * {@code Reg SHO 203(b)}.
     */
    String citation(Jurisdiction jurisdiction) {
        return switch (this) {
            case TRADING_HALT -> "Trading halt";
            case RESTRICTED_LIST -> switch (jurisdiction) {
                case US -> "Restricted list (Exchange Act 15(g))";
                case EU, UK -> "Restricted list (MAR Art 14)";
                default -> "Restricted list (insider-dealing controls)";
            };
            case ASSET_CLASS -> "Permitted asset classes";
            case SHORT_MARKING -> switch (jurisdiction) {
                case US -> "Reg SHO 200(g)";
                case EU -> "SSR 236/2012, MiFIR Art 26 short-selling indicator";
                case UK -> "UK SSR, UK MiFIR Art 26 short-selling indicator";
                case JP -> "JFSA short-selling rules (marking)";
                case HK -> "SFO s.171 (short-sale marking)";
                case SG -> "MAS short-sale marking";
                case AU -> "ASIC short-sale flagging";
                default -> "Short-sale marking";
            };
            case LOCATE_REQUIRED -> switch (jurisdiction) {
                case US -> "Reg SHO 203(b)";
                case EU -> "SSR 236/2012 Art 12";
                case UK -> "UK SSR Art 12";
                case JP -> "JFSA naked short-selling ban";
                case HK -> "SFO s.170 (covered short selling)";
                case AU -> "Corporations Act s.1020B";
                default -> "No naked short selling";
            };
            case REG_SHO_201 -> "Reg SHO 201";
            case HK_DESIGNATED_SHORT -> "HKEX designated securities";
            case HK_TICK_RULE -> "HKEX tick rule";
            case JP_PRICE_RESTRICTION -> "JP short-sale price restriction";
        };
    }
}

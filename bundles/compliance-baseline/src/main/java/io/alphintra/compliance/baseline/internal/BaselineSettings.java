package io.alphintra.compliance.baseline.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.instrument.AssetClass;
import io.alphintra.sdk.instrument.Jurisdiction;

/**
 * A validated baseline configuration: the only thing a {@link BaselineRuleSet} is built from. {@link #from} reads
 * every key, collects every problem as {@code key = 'value': why} and throws one
 * {@link io.alphintra.config.support.InvalidConfigurationException} if there is any, so nothing of a bad
 * configuration is ever applied.
 *
 * @param jurisdiction the jurisdiction decided for
 * @param version semantic version of the rules
 * @param rules enabled rules, the always-on ones included
 * @param restrictedList restricted instruments
 * @param allowedAssetClasses asset classes that may be traded
 * @param designatedSecurities HK designated securities
 * @param shortExemptNeedsLocate whether SELL_SHORT_EXEMPT orders need a locate too
 */
record BaselineSettings(Jurisdiction jurisdiction, String version, Set<BaselineRule> rules,
        InstrumentList restrictedList, Set<AssetClass> allowedAssetClasses, InstrumentList designatedSecurities,
        boolean shortExemptNeedsLocate) {

    BaselineSettings {
        rules = Set.copyOf(rules);
        allowedAssetClasses = Set.copyOf(allowedAssetClasses);
    }

    /** The rule set id: {@code baseline-us}. */
    String ruleSetId() {
        return "baseline-" + jurisdiction.code().toLowerCase(Locale.ROOT);
    }

    boolean enabled(BaselineRule rule) {
        return rules.contains(rule);
    }

    /** Parses and validates a configuration. */
    static BaselineSettings from(BaselineConfig config, Map<String, ?> raw) {
        ConfigReader<BaselineConfig> reader = new ConfigReader<>(BaselineConfig.PID, config, raw);
        String jurisdictionText = reader.text("jurisdiction", BaselineConfig::jurisdiction);
        Jurisdiction jurisdiction = jurisdictionText == null ? null
                : reader.parsed("jurisdiction", BaselineConfig::jurisdiction, BaselineSettings::jurisdiction);
        String versionText = reader.text("version", BaselineConfig::version);
        String version = versionText == null ? null
                : reader.parsed("version", BaselineConfig::version, BaselineSettings::version);
        String rulesText = reader.get("rules", BaselineConfig::rules);
        Set<BaselineRule> rules = rulesText == null || jurisdiction == null ? null
                : rules(reader, rulesText, jurisdiction);
        String restrictedText = reader.get("restrictedList", BaselineConfig::restrictedList);
        InstrumentList restricted = restrictedText == null ? null : InstrumentList.parse(restrictedText,
                (entry, why) -> reader.problem("restrictedList", entry, why));
        Set<AssetClass> assetClasses = reader.parsed("allowedAssetClasses", BaselineConfig::allowedAssetClasses,
                BaselineSettings::assetClasses);
        String designatedText = reader.get("designatedSecurities", BaselineConfig::designatedSecurities);
        InstrumentList designated = designatedText == null ? null : InstrumentList.parse(designatedText,
                (entry, why) -> reader.problem("designatedSecurities", entry, why));
        if (designated != null && !designated.isEmpty() && jurisdiction != null && jurisdiction != Jurisdiction.HK) {
            reader.problem("designatedSecurities", designatedText.trim(),
                    "only used in HK (rule hk-designated-short); this rule set is for " + jurisdiction);
        }
        Boolean exemptNeedsLocate = reader.get("shortExemptNeedsLocate", BaselineConfig::shortExemptNeedsLocate);
        reader.requireValid();
        return new BaselineSettings(jurisdiction, version, rules, restricted, assetClasses, designated,
                exemptNeedsLocate);
    }

    private static Jurisdiction jurisdiction(String text) {
        String code = text.trim().toUpperCase(Locale.ROOT);
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            if (jurisdiction.code().equals(code)) {
                return jurisdiction;
            }
        }
        throw new IllegalArgumentException("unknown jurisdiction (known: " + Arrays.stream(Jurisdiction.values())
                .map(Jurisdiction::code).collect(Collectors.joining(", ")) + ")");
    }

    private static String version(String text) {
        String version = text.trim();
        if (!ComplianceDecision.SEMANTIC_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)");
        }
        return version;
    }

    private static Set<BaselineRule> rules(ConfigReader<BaselineConfig> reader, String text,
            Jurisdiction jurisdiction) {
        if (text.isBlank()) {
            return BaselineRule.defaults(jurisdiction);
        }
        EnumSet<BaselineRule> rules = EnumSet.noneOf(BaselineRule.class);
        for (BaselineRule rule : BaselineRule.values()) {
            if (rule.alwaysOn()) {
                rules.add(rule);
            }
        }
        if (text.trim().equalsIgnoreCase(BaselineRule.NONE)) {
            return rules;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                reader.problem("rules", text, "empty entry (two commas, or a comma at the end)");
                continue;
            }
            BaselineRule rule;
            try {
                rule = BaselineRule.ofId(part);
            } catch (IllegalArgumentException e) {
                reader.problem("rules", part.trim(), e.getMessage());
                continue;
            }
            if (!rule.appliesTo(jurisdiction)) {
                reader.problem("rules", part.trim(), "applies to " + rule.only().stream().map(Jurisdiction::code)
                        .sorted().collect(Collectors.joining(", ")) + " only; this rule set is for " + jurisdiction);
                continue;
            }
            rules.add(rule);
        }
        return rules;
    }

    private static Set<AssetClass> assetClasses(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("must name at least one asset class (known: " + known() + ")");
        }
        EnumSet<AssetClass> classes = EnumSet.noneOf(AssetClass.class);
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            try {
                classes.add(AssetClass.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown asset class '" + part.trim() + "' (known: " + known()
                        + ")");
            }
        }
        return classes;
    }

    private static String known() {
        return Arrays.stream(AssetClass.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}

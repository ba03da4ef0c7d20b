package io.alphintra.compliance.baseline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One baseline rule set (factory configuration: one {@code etc/io.alphintra.compliance.baseline-NAME.cfg} per
 * jurisdiction). The keys are described in the bundle's README.md.
 */
@ObjectClassDefinition(id = BaselineConfig.PID, name = "Alphintra baseline compliance rule set",
        description = "The compliance rules of one jurisdiction: restricted list, trading halts, permitted asset"
                + " classes and short-sale rules. Every decision records the version.")
@interface BaselineConfig {
    String PID = "io.alphintra.compliance.baseline";

    @AttributeDefinition(description = "Jurisdiction the rule set decides for: US, EU, UK, JP, SG, HK, CH or AU.")
    String jurisdiction() default "";

    @AttributeDefinition(description = "Semantic version (MAJOR.MINOR.PATCH) of these rules; recorded in every"
            + " decision, so change it with every change of this configuration.")
    String version() default "";

    @AttributeDefinition(description = "Comma-separated restricted instruments: ids (AAPL@SIMX_US) or symbols"
            + " (AAPL, on every venue). Orders in them are rejected (rule restricted-list).")
    String restrictedList() default "";

    @AttributeDefinition(description = "Comma-separated optional rules to enable (short-marking, locate-required,"
            + " reg-sho-201, hk-designated-short, hk-tick-rule, jp-price-restriction), 'none', or empty for the"
            + " jurisdiction's defaults. trading-halt, restricted-list and asset-class are always on.")
    String rules() default "";

    @AttributeDefinition(description = "Comma-separated asset classes that may be traded: EQUITY, FUTURE, FX_SPOT,"
            + " FX_FORWARD, CRYPTO (rule asset-class).")
    String allowedAssetClasses() default "EQUITY, FUTURE, FX_SPOT, FX_FORWARD, CRYPTO";

    @AttributeDefinition(description = "HK: comma-separated designated securities (ids or symbols) that may be sold"
            + " short (rule hk-designated-short).")
    String designatedSecurities() default "";

    @AttributeDefinition(description = "Whether orders marked SELL_SHORT_EXEMPT also need a locate. Keep true"
            + " unless every short-exempt order of this node falls under a locate exception (e.g. Reg SHO"
            + " 203(b)(2)(iii) bona fide market making): the short-exempt marking itself only exempts from price"
            + " tests.")
    boolean shortExemptNeedsLocate() default true;
}

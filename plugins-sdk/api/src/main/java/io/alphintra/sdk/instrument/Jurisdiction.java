package io.alphintra.sdk.instrument;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.alphintra.sdk.internal.Checks;

/**
 * A regulatory regime that a venue belongs to and a compliance {@code RuleSet} is written for.
 *
 * <p>Codes are short and stable rather than ISO 3166 because a regime is not always a country: {@code EU} covers
 * MiFID II venues in every member state, and {@code UK} (not {@code GB}) is how the FCA regime is usually named.
 * A new regime is added in an SDK minor version; plugins that {@code switch} over this enum should keep a
 * {@code default} branch.
 */
public enum Jurisdiction {
    US("United States (SEC, FINRA, CFTC)"),
    EU("European Union (MiFID II / MiFIR, ESMA)"),
    UK("United Kingdom (FCA)"),
    JP("Japan (JFSA, JPX)"),
    SG("Singapore (MAS)"),
    HK("Hong Kong (SFC, HKEX)"),
    CH("Switzerland (FINMA)"),
    AU("Australia (ASIC)");

    private final String description;

    Jurisdiction(String description) {
        this.description = description;
    }

    /** The code, equal to {@link #name()}, e.g. {@code US}. */
    public String code() {
        return name();
    }

    /** Human-readable regime and its main regulators. */
    public String description() {
        return description;
    }

    /**
     * The jurisdiction for a code.
     *
     * @throws IllegalArgumentException {@code jurisdiction = 'XX': unknown jurisdiction (known: US, EU, ...)}
     */
    public static Jurisdiction ofCode(String code) {
        Checks.required("jurisdiction", code);
        for (Jurisdiction jurisdiction : values()) {
            if (jurisdiction.name().equals(code)) {
                return jurisdiction;
            }
        }
        throw new IllegalArgumentException("jurisdiction = " + Checks.quote(code) + ": unknown jurisdiction (known: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
}

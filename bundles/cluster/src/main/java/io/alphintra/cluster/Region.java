package io.alphintra.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The trading regions a node can serve. Regulation, sessions and data residency follow the region. */
public enum Region {
    AMER, EMEA, APAC;

    /**
     * Parses a configured region name, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Region parse(String value) {
        if (value != null) {
            String wanted = value.trim().toUpperCase(Locale.ROOT);
            for (Region region : values()) {
                if (region.name().equals(wanted)) {
                    return region;
                }
            }
        }
        throw new IllegalArgumentException("unknown region '" + value + "', expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}

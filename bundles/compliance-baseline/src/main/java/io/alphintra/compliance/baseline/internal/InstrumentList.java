package io.alphintra.compliance.baseline.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import io.alphintra.sdk.instrument.InstrumentId;

/**
 * A configured list of instruments: each entry is an instrument id ({@code AAPL@SIMX_US}, that listing only) or a
 * bare symbol ({@code AAPL}, that symbol on every venue of the rule set's jurisdiction). Immutable.
 *
 * @param ids entries with a venue
 * @param symbols entries without a venue
 */
record InstrumentList(Set<InstrumentId> ids, Set<String> symbols) {

    static final InstrumentList EMPTY = new InstrumentList(Set.of(), Set.of());

    InstrumentList {
        ids = Set.copyOf(ids);
        symbols = Set.copyOf(symbols);
    }

    /**
     * Parses a comma-separated list; every malformed entry is reported to {@code problems} as (entry, why), and the
     * result then holds the good entries only (the caller rejects the configuration).
     */
    static InstrumentList parse(String text, BiConsumer<String, String> problems) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Set<InstrumentId> ids = new LinkedHashSet<>();
        Set<String> symbols = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                problems.accept(text, "empty entry (two commas, or a comma at the end)");
                continue;
            }
            try {
                if (entry.indexOf('@') >= 0) {
                    ids.add(InstrumentId.parse(entry));
                } else {
                    // A symbol is checked by the same rules as the symbol of an instrument id.
                    symbols.add(InstrumentId.of(entry, "CHECK").symbol());
                }
            } catch (IllegalArgumentException e) {
                problems.accept(entry, withoutEcho(entry, e.getMessage()));
            }
        }
        return new InstrumentList(ids, symbols);
    }

    /** The entry that lists {@code id}, as configured, or null. */
    String match(InstrumentId id) {
        if (ids.contains(id)) {
            return id.toString();
        }
        return symbols.contains(id.symbol()) ? id.symbol() : null;
    }

    boolean isEmpty() {
        return ids.isEmpty() && symbols.isEmpty();
    }

    /** The entries, ids first, for logs. */
    List<String> entries() {
        List<String> entries = new ArrayList<>();
        ids.forEach(id -> entries.add(id.toString()));
        entries.addAll(symbols);
        return entries;
    }

    /** Drops the SDK's {@code instrumentId = 'X': } prefix: the caller names the key and the entry already. */
    private static String withoutEcho(String entry, String message) {
        String echo = "instrumentId = '" + entry + "': ";
        return message != null && message.startsWith(echo) ? message.substring(echo.length()) : message;
    }
}

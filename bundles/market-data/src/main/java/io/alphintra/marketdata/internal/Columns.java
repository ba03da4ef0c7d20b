package io.alphintra.marketdata.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The column roles of trade and bar files and the header names (aliases) that mean them, in order of preference:
 * when a header has two columns for one role, the earlier alias wins (a bar file with {@code volume} and
 * {@code amount} takes {@code volume}). Names are compared after {@link #normalize(String)}, so
 * {@code Open Time}, {@code open_time} and {@code openTime} are the same.
 */
public enum Columns {
    /** A full timestamp: Unix time or an ISO date-time (bars: the bar's start). */
    TIMESTAMP("timestamp", "datetime", "ts", "opentime", "starttime", "start", "t"),
    /** A date, alone or combined with {@link #TIME}. */
    DATE("date", "day"),
    /** A time of day when there is a {@link #DATE} column, otherwise a full timestamp. */
    TIME("time"),
    /** Bars only: the bar's last instant, inclusive, as Binance and ta4j write it ({@code ...999} milliseconds). */
    END_TIME("endtime", "closetime", "end"),
    PRICE("price", "px", "tradeprice", "rate"),
    QUANTITY("quantity", "qty", "amount", "size", "volume", "vol"),
    SIDE("side", "aggressor", "takerside"),
    OPEN("open", "o", "openprice"),
    HIGH("high", "h", "highprice"),
    LOW("low", "l", "lowprice"),
    CLOSE("close", "c", "closeprice"),
    VOLUME("volume", "vol", "basevolume", "quantity", "qty", "size", "amount");

    private final List<String> aliases;

    Columns(String... aliases) {
        this.aliases = List.of(aliases);
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Lower case without byte order mark, quotes, spaces, underscores and hyphens. */
    public static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '\uFEFF' && c != '"' && c != ' ' && c != '_' && c != '-' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The index of this role's column among the normalized {@code names}, or -1. */
    public int find(List<String> normalizedNames) {
        for (String alias : aliases) {
            int index = normalizedNames.indexOf(alias);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }

    /** Normalizes every name of a header. */
    public static List<String> normalizeAll(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(normalize(name));
        }
        return out;
    }
}

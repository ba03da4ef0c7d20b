package io.alphintra.engine.internal.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an account may trade on one axis (venues or instruments): everything ({@code *}) or the values listed.
 * Immutable; {@link #permits} is a hash lookup that allocates nothing.
 *
 * @param <T> venue ids or instrument ids
 */
public final class Permitted<T> {
    private static final String ALL_TEXT = "*";
    private static final Permitted<?> ALL = new Permitted<>(null, List.of());

    /** Null: every value. */
    private final Set<T> listed;
    /** The values in the order the configuration lists them, for messages. */
    private final List<T> inOrder;

    private Permitted(Set<T> listed, List<T> inOrder) {
        this.listed = listed;
        this.inOrder = inOrder;
    }

    @SuppressWarnings("unchecked")
    public static <T> Permitted<T> all() {
        return (Permitted<T>) ALL;
    }

    /** Exactly {@code values}; at least one. */
    public static <T> Permitted<T> only(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("at least one value, or '*' for all");
        }
        return new Permitted<>(Set.copyOf(values), List.copyOf(values));
    }

    /**
     * Parses {@code *} or a comma list, each entry read by {@code parser}; an entry given twice or one the parser
     * refuses is an {@link IllegalArgumentException} naming it.
     */
    static <T> Permitted<T> parse(String text, Function<String, T> parser) {
        String trimmed = text.trim();
        if (trimmed.equals(ALL_TEXT)) {
            return all();
        }
        Set<T> values = new LinkedHashSet<>();
        for (String entry : trimmed.split(",", -1)) {
            String value = entry.trim();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("an empty entry; expected '*' or a comma list");
            }
            T parsed;
            try {
                parsed = parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry '" + value + "': " + e.getMessage(), e);
            }
            if (!values.add(parsed)) {
                throw new IllegalArgumentException("entry '" + value + "' is given more than once");
            }
        }
        return only(List.copyOf(values));
    }

    public boolean permits(T value) {
        return listed == null || listed.contains(value);
    }

    public boolean isAll() {
        return listed == null;
    }

    /** The values listed, in the configured order; empty for {@link #all()}. */
    public List<T> values() {
        return inOrder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Permitted<?> that && inOrder.equals(that.inOrder) && isAll() == that.isAll();
    }

    @Override
    public int hashCode() {
        return isAll() ? 1 : inOrder.hashCode();
    }

    /** {@code *} or the configured list, e.g. {@code SIMX_US, SIMX_EU}. */
    @Override
    public String toString() {
        return isAll() ? ALL_TEXT : inOrder.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}

package io.alphintra.alerts.internal.command;

import java.util.Locale;
import org.apache.karaf.shell.support.CommandException;

/**
 * What an operator typed, checked, for this package's commands. A bad value becomes a {@link CommandException} with
 * one line naming the field, the value and what is allowed, which Karaf prints without a stack trace and does not log
 * as an ERROR (the engine's commands do the same; see bundles/console/README.md, Errors).
 */
final class Inputs {
    private static final int MAX_QUOTED = 64;

    private Inputs() {
    }

    /** A user error: one line, no stack trace (never a subclass: Karaf tells it by its simple name). */
    static CommandException invalid(String message) {
        return new CommandException(message);
    }

    /** A whole number from {@code min} to {@code max}: {@code --limit = '0': not a whole number from 1 to 10000}. */
    static long number(String field, String text, long min, long max) throws CommandException {
        if (text != null && text.trim().matches("[+-]?\\d{1,18}")) {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw invalid(field + " = " + quote(text) + ": not a whole number from " + min + " to " + max);
    }

    /** A value as messages show it: quoted, control characters escaped, long ones cut. */
    static String quote(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder quoted = new StringBuilder("'");
        int limit = Math.min(text.length(), MAX_QUOTED);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            quoted.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
        }
        if (text.length() > limit) {
            quoted.append("...(").append(text.length()).append(" chars)");
        }
        return quoted.append('\'').toString();
    }
}

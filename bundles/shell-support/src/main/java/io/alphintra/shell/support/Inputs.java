package io.alphintra.shell.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;

/**
 * What an operator typed into a command, checked. A bad value becomes a {@link CommandException} with one line that
 * names the field, the value and what is allowed: Karaf's shell ({@code ShellUtil.logException}, which tells them by
 * the class's simple name) prints a {@code CommandException} as "Error executing command: " and its message, and
 * logs it at DEBUG; any other exception it also logs at ERROR with a stack trace. A typo is not a failure of the node.
 */
public final class Inputs {
    /** Longer values are cut in messages, so a pasted wall of text cannot flood the console. */
    private static final int MAX_QUOTED = 64;

    private Inputs() {
    }

    /** A user error: one line, no stack trace, not logged as an ERROR (so never a subclass: Karaf checks the name). */
    public static CommandException invalid(String message) {
        return new CommandException(message);
    }

    /**
     * One of an enum's constants, by name, in any case.
     *
     * @throws CommandException {@code side = 'PURCHASE': not one of BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT}
     */
    public static <E extends Enum<E>> E choice(String field, String text, Class<E> type) throws CommandException {
        return choice(field, text, Arrays.asList(type.getEnumConstants()));
    }

    /** One of {@code allowed}, by name, in any case. */
    public static <E extends Enum<E>> E choice(String field, String text, List<E> allowed) throws CommandException {
        if (text != null) {
            for (E constant : allowed) {
                if (constant.name().equalsIgnoreCase(text.trim())) {
                    return constant;
                }
            }
        }
        throw invalid(field + " = " + quote(text) + ": not one of "
                + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }

    /**
     * One of {@code allowed} words, exactly as listed: the shell's command ACLs match arguments by their exact text
     * (alphintra's ACL lets only admins {@code start} or {@code stop} strategies), so another spelling must not work.
     */
    public static String word(String field, String text, List<String> allowed) throws CommandException {
        if (text != null && allowed.contains(text)) {
            return text;
        }
        throw invalid(field + " = " + quote(text) + ": not one of " + String.join(", ", allowed));
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @throws CommandException {@code --limit = '-1': not a whole number from 1 to 2147483647}
     */
    public static int count(String field, String text, int min, int max) throws CommandException {
        if (text != null && text.trim().matches("[+-]?\\d{1,10}")) {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return (int) value;
            }
        }
        throw invalid(field + " = " + quote(text) + ": not a whole number from " + min + " to " + max);
    }

    /**
     * A value as messages show it: quoted, control characters escaped (a value cannot forge a second line), long
     * ones cut.
     */
    public static String quote(String text) {
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

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @throws CommandException {@code --limit = '0': not a whole number from 1 to 10000}
     */
    public static long number(String field, String text, long min, long max) throws CommandException {
        if (text != null && text.trim().matches("[+-]?\\d{1,18}")) {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw invalid(field + " = " + quote(text) + ": not a whole number from " + min + " to " + max);
    }

    /**
     * The logged-in user of the session, for a command whose action is recorded with who did it.
     *
     * @param action what the user would be recorded for, e.g. {@code to acknowledge as}
     * @throws CommandException when the session has no user
     */
    public static String user(Session session, String action) throws CommandException {
        Object user = session.get("USER");
        if (user == null || user.toString().isBlank()) {
            throw invalid("this session has no logged-in user " + action);
        }
        return user.toString();
    }
}

package io.alphintra.engine.internal.command;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.ClientOrderId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.karaf.shell.support.CommandException;

/**
 * What an operator typed, turned into what the engine takes, for every command of this package. A bad value becomes
 * a {@link CommandException} with one line that names the field, the value and what is allowed: Karaf's shell
 * ({@code ShellUtil.logException}, which tells them by the class's simple name) prints a {@code CommandException} as
 * "Error executing command: " and its message, and logs it at DEBUG; any other exception it also logs at ERROR with
 * a stack trace, and prints its message, which for the JDK's and the SDK's often names a Java class. A typo is not a
 * failure of the node; an engine that does not answer is, and stays an ERROR.
 *
 * <p>Decimal prices and quantities go through the instrument's own exact parser and grid checks (never through a
 * double), whose messages already name the field, the value and the grid.
 */
final class Inputs {
    /** Longer values are cut in messages, so a pasted wall of text cannot flood the console. */
    private static final int MAX_QUOTED = 64;

    private Inputs() {
    }

    /** A user error: one line, no stack trace, not logged as an ERROR (so never a subclass: Karaf checks the name). */
    static CommandException invalid(String message) {
        return new CommandException(message);
    }

    /**
     * One of an enum's constants, by name, in any case.
     *
     * @throws CommandException {@code side = 'PURCHASE': not one of BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT}
     */
    static <E extends Enum<E>> E choice(String field, String text, Class<E> type) throws CommandException {
        return choice(field, text, Arrays.asList(type.getEnumConstants()));
    }

    /** One of {@code allowed}, by name, in any case. */
    static <E extends Enum<E>> E choice(String field, String text, List<E> allowed) throws CommandException {
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
    static String word(String field, String text, List<String> allowed) throws CommandException {
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
    static int count(String field, String text, int min, int max) throws CommandException {
        if (text != null && text.trim().matches("[+-]?\\d{1,10}")) {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return (int) value;
            }
        }
        throw invalid(field + " = " + quote(text) + ": not a whole number from " + min + " to " + max);
    }

    /**
     * {@code SYMBOL@VENUE}.
     *
     * @throws CommandException {@code instrument = 'XYZ@@': expected SYMBOL@VENUE such as AAPL@XNAS}
     */
    static InstrumentId instrumentId(String field, String text) throws CommandException {
        try {
            return InstrumentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " = " + quote(text) + ": " + detail(e.getMessage(), "instrumentId", text));
        }
    }

    /**
     * The reference data of an instrument a connected venue lists.
     *
     * @throws CommandException when the text is not {@code SYMBOL@VENUE} or no connected venue lists it
     */
    static Instrument instrument(TradingEngine engine, String field, String text) throws CommandException {
        InstrumentId id = instrumentId(field, text);
        return engine.instrument(id).orElseThrow(() -> invalid(field + " = " + quote(text) + ": no connected venue"
                + " lists it (alphintra:market shows the instruments of the connected venues)"));
    }

    /**
     * A decimal quantity, exactly, on the instrument's lot grid.
     *
     * @throws CommandException e.g. {@code quantity = 'abc': not a plain decimal number (expected e.g. -101.25)},
     *     {@code quantity = -1: must be positive}
     */
    static long quantity(Instrument instrument, String field, String text) throws CommandException {
        try {
            return instrument.requireValidQuantity(field, instrument.parseQuantity(field, text));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * A decimal price, exactly, on the instrument's tick grid.
     *
     * @throws CommandException e.g. {@code price = 190.001 (1900010 units): not on the 0.01 tick grid of
     *     AAPL@SIMX_US}
     */
    static long price(Instrument instrument, String field, String text) throws CommandException {
        try {
            return instrument.requireValidPrice(field, instrument.parsePrice(field, text));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A client order id: 1 to 64 printable ASCII characters without spaces. */
    static io.alphintra.engine.KillScope killScope(String field, String text) throws CommandException {
        try {
            return io.alphintra.engine.KillScope.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + ": " + e.getMessage());
        }
    }

    static ClientOrderId clientOrderId(String field, String text) throws CommandException {
        try {
            return ClientOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " = " + quote(text) + ": " + detail(e.getMessage(), "clientOrderId", text));
        }
    }

    /**
     * A value as messages show it: quoted, control characters escaped (a value cannot forge a second line), long
     * ones cut.
     */
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

    /**
     * What an SDK message says after its own {@code sdkField = 'value': } prefix, which the caller restates with the
     * name the operator typed; the whole message when it does not start so (a value the SDK quoted otherwise).
     */
    private static String detail(String message, String sdkField, String text) {
        String prefix = sdkField + " = '" + text + "': ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length())
                : String.valueOf(message);
    }
}

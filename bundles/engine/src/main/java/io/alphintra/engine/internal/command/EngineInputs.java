package io.alphintra.engine.internal.command;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.shell.support.Inputs;
import org.apache.karaf.shell.support.CommandException;

/**
 * What an operator typed, turned into what the engine takes: instruments, prices and quantities, order ids and kill
 * switch scopes. Each bad value becomes a one-line {@link CommandException} naming the field, the value and what is
 * allowed, as {@link Inputs} does for plain values.
 *
 * <p>Decimal prices and quantities go through the instrument's own exact parser and grid checks (never through a
 * double), whose messages already name the field, the value and the grid.
 */
final class EngineInputs {
    private EngineInputs() {
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
            throw Inputs.invalid(field + " = " + Inputs.quote(text) + ": "
                    + detail(e.getMessage(), "instrumentId", text));
        }
    }

    /**
     * The reference data of an instrument a connected venue lists.
     *
     * @throws CommandException when the text is not {@code SYMBOL@VENUE} or no connected venue lists it
     */
    static Instrument instrument(TradingEngine engine, String field, String text) throws CommandException {
        InstrumentId id = instrumentId(field, text);
        return engine.instrument(id).orElseThrow(() -> Inputs.invalid(field + " = " + Inputs.quote(text)
                + ": no connected venue lists it (alphintra:market shows the instruments of the connected venues)"));
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
            throw Inputs.invalid(e.getMessage());
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
            throw Inputs.invalid(e.getMessage());
        }
    }

    /** A kill switch's scope: {@code all}, {@code venue:SIMX_US}, {@code account:ACC-1}... */
    static io.alphintra.engine.KillScope killScope(String field, String text) throws CommandException {
        try {
            return io.alphintra.engine.KillScope.parse(text);
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid(field + ": " + e.getMessage());
        }
    }

    /** A client order id: 1 to 64 printable ASCII characters without spaces. */
    static ClientOrderId clientOrderId(String field, String text) throws CommandException {
        try {
            return ClientOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid(field + " = " + Inputs.quote(text) + ": "
                    + detail(e.getMessage(), "clientOrderId", text));
        }
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

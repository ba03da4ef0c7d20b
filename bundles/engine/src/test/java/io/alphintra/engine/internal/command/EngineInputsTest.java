package io.alphintra.engine.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.shell.support.Inputs;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees for a bad value: one line naming the field, the value and what is allowed, as a
 * {@link CommandException} (printed alone and logged at DEBUG by Karaf's shell), never a Java class name.
 */
class EngineInputsTest {

    @Test
    void choicesAreTakenInAnyCaseAndABadOneNamesTheAllowedValues() throws CommandException {
        assertThat(Inputs.choice("side", "buy", Side.class)).isEqualTo(Side.BUY);
        assertThat(Inputs.choice("--tif", "Ioc", TimeInForce.class)).isEqualTo(TimeInForce.IOC);
        assertUserError(() -> Inputs.choice("side", "PURCHASE", Side.class),
                "side = 'PURCHASE': not one of BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT");
        assertUserError(() -> Inputs.choice("--tif", "NOW", TimeInForce.class),
                "--tif = 'NOW': not one of DAY, GTC, IOC, FOK");
        assertUserError(() -> Inputs.choice("--type", "FOO", OrderType.class),
                "--type = 'FOO': not one of MARKET, LIMIT, STOP, STOP_LIMIT");
        assertUserError(() -> Inputs.choice("side", null, Side.class), "side = (none): not one of BUY,");
    }

    @Test
    void wordsMustBeExactlyAsListedBecauseTheCommandAclMatchesTheirText() throws CommandException {
        assertThat(Inputs.word("action", "start", List.of("list", "start", "stop"))).isEqualTo("start");
        assertUserError(() -> Inputs.word("action", "START", List.of("list", "start", "stop")),
                "action = 'START': not one of list, start, stop");
    }

    @Test
    void countsAreWholeNumbersInRange() throws CommandException {
        assertThat(Inputs.count("--limit", "10", 1, Integer.MAX_VALUE)).isEqualTo(10);
        assertUserError(() -> Inputs.count("--limit", "-1", 1, Integer.MAX_VALUE),
                "--limit = '-1': not a whole number from 1 to 2147483647");
        assertUserError(() -> Inputs.count("--limit", "0", 1, 5), "--limit = '0': not a whole number from 1 to 5");
        assertUserError(() -> Inputs.count("--limit", "abc", 1, 5), "--limit = 'abc': not a whole number");
        assertUserError(() -> Inputs.count("--limit", "1.5", 1, 5), "--limit = '1.5'");
        assertUserError(() -> Inputs.count("--limit", "99999999999", 1, Integer.MAX_VALUE), "'99999999999'");
    }

    @Test
    void aGarbageInstrumentSaysWhatIsExpectedUnderTheNameTheOperatorTyped() throws CommandException {
        assertThat(EngineInputs.instrumentId("instrument", "BTC-USD@SIMX_CRYPTO"))
                .isEqualTo(InstrumentId.of("BTC-USD", "SIMX_CRYPTO"));
        assertUserError(() -> EngineInputs.instrumentId("instrument", "XYZ@@"),
                "instrument = 'XYZ@@': expected SYMBOL@VENUE such as AAPL@XNAS");
        assertUserError(() -> EngineInputs.instrumentId("instrument", "AAPL@SIMX-US"),
                "instrument = 'AAPL@SIMX-US': venueId = 'SIMX-US': must be 1 to 16 characters A-Z, 0-9 or _");
        assertUserError(() -> EngineInputs.instrumentId("instrument", "XYZ@"), "instrument = 'XYZ@': venueId = ''");
        assertUserError(() -> EngineInputs.instrumentId("instrument", "@"), "instrument = '@': symbol = ''");
    }

    @Test
    void quantitiesAreExactDecimalsOnTheLotGrid() throws CommandException {
        assertThat(EngineInputs.quantity(Instruments.BTC, "quantity", "0.01")).isEqualTo(1_000_000L);
        assertUserError(() -> EngineInputs.quantity(Instruments.BTC, "quantity", "abc"),
                "quantity = 'abc': not a plain decimal number");
        assertUserError(() -> EngineInputs.quantity(Instruments.BTC, "quantity", "0.0000000001"),
                "quantity = '0.0000000001': more than 8 decimal places");
        assertUserError(() -> EngineInputs.quantity(Instruments.BTC, "quantity", "-1"), "quantity = -1", "must be positive");
        assertUserError(() -> EngineInputs.quantity(Instruments.BTC, "quantity", "0.000015"),
                "quantity = 0.000015", "not a multiple of the lot size 0.00001 of BTC-USD@SIMX_CRYPTO");
        assertUserError(() -> EngineInputs.quantity(Instruments.AAPL, "quantity", "1e3"), "quantity = '1e3'");
    }

    @Test
    void pricesAreExactDecimalsOnTheTickGrid() throws CommandException {
        assertThat(EngineInputs.price(Instruments.AAPL, "price", "190.25")).isEqualTo(1_902_500L);
        assertUserError(() -> EngineInputs.price(Instruments.AAPL, "price", "190.001"),
                "price = 190.001", "not on the 0.01 tick grid of AAPL@SIMX_US");
        assertUserError(() -> EngineInputs.price(Instruments.AAPL, "price", "-5"), "price = -5", "must be positive");
        assertUserError(() -> EngineInputs.price(Instruments.AAPL, "price", "1,000"), "price = '1,000'");
    }

    @Test
    void clientOrderIdsAreCheckedAndValuesCannotForgeASecondLine() throws CommandException {
        assertThat(EngineInputs.clientOrderId("--id", "sh-1").value()).isEqualTo("sh-1");
        assertUserError(() -> EngineInputs.clientOrderId("--id", "a b"),
                "--id = 'a b': must be 1 to 64 printable ASCII characters without spaces");
        assertThat(Inputs.quote("a\nb")).isEqualTo("'a\\u000ab'");
        assertThat(Inputs.quote("x".repeat(100))).endsWith("...(100 chars)'");
    }

    private interface Parse {
        Object run() throws CommandException;
    }

    private static void assertUserError(Parse parse, String... expected) {
        assertThatThrownBy(parse::run).isExactlyInstanceOf(CommandException.class).satisfies(e -> {
            assertThat(e.getMessage()).contains(expected).doesNotContain("\n", "java.", "Exception");
            // Karaf prints a CommandException's nice help alone: its message after "Error executing command: ".
            assertThat(((CommandException) e).getNiceHelp()).as("what the shell prints")
                    .contains("Error executing command: " + e.getMessage()).doesNotContain("\n");
        });
    }
}

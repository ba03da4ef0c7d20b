package io.alphintra.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.sdk.instrument.InstrumentId;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    @Test
    void readsAuthSubscribeAndUnsubscribe() {
        assertThat(RequestParser.parse("{\"op\":\"auth\",\"token\":\" ak_1.secret \"}"))
                .isEqualTo(new ClientRequest.Auth("ak_1.secret"));
        assertThat(RequestParser.parse("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":"
                + "\"BTC-USD@SIMX_CRYPTO\"}")).isEqualTo(new ClientRequest.Subscription(true, Channel.MARKET,
                        InstrumentId.parse("BTC-USD@SIMX_CRYPTO")));
        assertThat(RequestParser.parse("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"*\"}"))
                .isEqualTo(new ClientRequest.Subscription(true, Channel.MARKET, null));
        for (Channel channel : new Channel[] {Channel.EXECUTIONS, Channel.POSITIONS, Channel.ALERTS}) {
            assertThat(RequestParser.parse("{\"op\":\"unsubscribe\",\"channel\":\"" + channel.id() + "\"}"))
                    .isEqualTo(new ClientRequest.Subscription(false, channel, null));
        }
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        assertThat(RequestParser.parse("{\"op\":\"subscribe\",\"channel\":\"executions\",\"id\":7}"))
                .isEqualTo(new ClientRequest.Subscription(true, Channel.EXECUTIONS, null));
    }

    @Test
    void badJsonIsMalformedJson() {
        assertInvalid("{\"op\":", "MALFORMED_JSON", null, "not JSON");
        assertInvalid("subscribe me", "MALFORMED_JSON", null, "not JSON");
    }

    @Test
    void namesTheFieldAtFault() {
        assertInvalid("[1,2]", "VALIDATION_FAILED", null, "JSON object");
        assertInvalid("{\"channel\":\"market\"}", "VALIDATION_FAILED", "/op", "\"op\" is missing");
        assertInvalid("{\"op\":7}", "VALIDATION_FAILED", "/op", "not a string");
        assertInvalid("{\"op\":\"publish\"}", "VALIDATION_FAILED", "/op", "op = 'publish'");
        assertInvalid("{\"op\":\"auth\"}", "VALIDATION_FAILED", "/token", "\"token\"");
        assertInvalid("{\"op\":\"auth\",\"token\":\" \"}", "VALIDATION_FAILED", "/token", "\"token\"");
        assertInvalid("{\"op\":\"subscribe\"}", "VALIDATION_FAILED", "/channel", "\"channel\" is missing");
        assertInvalid("{\"op\":\"subscribe\",\"channel\":\"orders\"}", "VALIDATION_FAILED", "/channel",
                "channel = 'orders'");
        assertInvalid("{\"op\":\"subscribe\",\"channel\":\"market\"}", "VALIDATION_FAILED", "/instrument",
                "\"instrument\" is missing");
        assertInvalid("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"BTC\"}", "VALIDATION_FAILED",
                "/instrument", "expected SYMBOL@VENUE");
        assertInvalid("{\"op\":\"subscribe\",\"channel\":\"alerts\",\"instrument\":\"*\"}", "VALIDATION_FAILED",
                "/instrument", "only for the market channel");
    }

    @Test
    void aTokenNeverShowsInTheRequestsText() {
        assertThat(RequestParser.parse("{\"op\":\"auth\",\"token\":\"ak_1.secret\"}").toString())
                .doesNotContain("secret");
    }

    @Test
    void quotesAClientsValueShortAndWithoutControlCharacters() {
        ClientRequest request = RequestParser.parse("{\"op\":\"x\\n" + "y".repeat(200) + "\"}");
        assertThat(((ClientRequest.Invalid) request).message()).startsWith("op = 'x?yyy").contains("...'")
                .hasSizeLessThan(140);
    }

    private static void assertInvalid(String text, String code, String field, String messagePart) {
        ClientRequest request = RequestParser.parse(text);
        assertThat(request).isInstanceOf(ClientRequest.Invalid.class);
        ClientRequest.Invalid invalid = (ClientRequest.Invalid) request;
        assertThat(invalid.code()).as(text).isEqualTo(code);
        assertThat(invalid.field()).as(text).isEqualTo(field);
        assertThat(invalid.message()).as(text).contains(messagePart);
    }
}

package io.alphintra.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.access.Caller;
import io.alphintra.access.Role;
import io.alphintra.alerts.Acknowledgement;
import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.alerts.Severity;
import io.alphintra.engine.PositionView;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.portfolio.Position;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageEncoderTest {

    @Test
    void topOfBookInTheInstrumentsPrecision() {
        String json = MessageEncoder.topOfBook(new TopOfBookRecord(Fixtures.BTC_ID, 6_425_050, 50_000_000, 6_425_100,
                1_000, Fixtures.TIME, Fixtures.TIME + 5), Fixtures.BTC);
        assertThat(json).isEqualTo("{\"channel\":\"market\",\"type\":\"top\",\"instrument\":\"BTC-USD@SIMX_CRYPTO\","
                + "\"bid\":\"64250.50\",\"bidSize\":\"0.50000000\",\"ask\":\"64251.00\",\"askSize\":\"0.00001000\","
                + "\"time\":\"2026-01-15T08:00:00.000000001Z\"}");
    }

    @Test
    void anEmptySideHasNoPriceAndSizeZero() {
        JsonObject json = new JsonObject(MessageEncoder.topOfBook(new TopOfBookRecord(Fixtures.BTC_ID, 0, 0,
                6_425_100, 1_000, Fixtures.TIME, Fixtures.TIME), Fixtures.BTC));
        assertThat(json.containsKey("bid")).isTrue();
        assertThat(json.getValue("bid")).isNull();
        assertThat(json.getString("bidSize")).isEqualTo("0.00000000");
    }

    @Test
    void trade() {
        assertThat(MessageEncoder.trade(new TradeRecord(Fixtures.BTC_ID, 6_425_050, 12_345_678, AggressorSide.SELLER,
                Fixtures.TIME, Fixtures.TIME), Fixtures.BTC)).isEqualTo("{\"channel\":\"market\",\"type\":\"trade\","
                        + "\"instrument\":\"BTC-USD@SIMX_CRYPTO\",\"price\":\"64250.50\",\"quantity\":\"0.12345678\","
                        + "\"aggressor\":\"SELLER\",\"time\":\"2026-01-15T08:00:00.000000001Z\"}");
    }

    @Test
    void aReportCarriesItsFieldsSourceAndStrategy() {
        ExecutionReport first = Fixtures.pendingNew("c-1");
        ExecutionReport fill = first.toBuilder().execId("E-2").fill(20_000_000, 6_425_050).fill(10_000_000, 6_425_100)
                .liquidity(Liquidity.TAKER).fee(Money.of(Currency.USD, 4_819, 2)).text("partly \"filled\"").build();
        JsonObject json = new JsonObject(MessageEncoder.report(fill, "api:alice", "momentum-1", Fixtures.BTC));
        assertThat(json.getString("channel")).isEqualTo("executions");
        assertThat(json.getString("clientOrderId")).isEqualTo("c-1");
        assertThat(json.getString("orderId")).isEqualTo("O-1");
        assertThat(json.getValue("originalClientOrderId")).isNull();
        assertThat(json.getString("instrument")).isEqualTo("BTC-USD@SIMX_CRYPTO");
        assertThat(json.getString("side")).isEqualTo("BUY");
        assertThat(json.getString("execType")).isEqualTo("TRADE");
        assertThat(json.getString("status")).isEqualTo("PARTIALLY_FILLED");
        assertThat(json.getString("orderQuantity")).isEqualTo("0.50000000");
        assertThat(json.getString("lastQuantity")).isEqualTo("0.10000000");
        assertThat(json.getString("lastPrice")).isEqualTo("64251.00");
        assertThat(json.getString("cumQuantity")).isEqualTo("0.30000000");
        assertThat(json.getString("leavesQuantity")).isEqualTo("0.20000000");
        // (0.2 x 64250.50 + 0.1 x 64251.00) / 0.3 = 64250.6666...: half-even to the cent.
        assertThat(json.getString("averagePrice")).isEqualTo("64250.67");
        assertThat(json.getString("liquidity")).isEqualTo("TAKER");
        assertThat(json.getJsonObject("fee")).isEqualTo(new JsonObject().put("currency", "USD").put("amount", "48.19"));
        assertThat(json.getString("text")).isEqualTo("partly \"filled\"");
        assertThat(json.getString("transactTime")).isEqualTo("2026-01-15T08:00:00.000000001Z");
        assertThat(json.getString("source")).isEqualTo("api:alice");
        assertThat(json.getString("strategy")).isEqualTo("momentum-1");
    }

    @Test
    void aReportBeforeAnyFillHasNoPrices() {
        JsonObject json = new JsonObject(MessageEncoder.report(Fixtures.pendingNew("c-1"), "shell:bob", null,
                Fixtures.BTC));
        assertThat(json.getValue("lastPrice")).isNull();
        assertThat(json.getValue("averagePrice")).isNull();
        assertThat(json.getValue("fee")).isNull();
        assertThat(json.getValue("strategy")).isNull();
        assertThat(json.getString("lastQuantity")).isEqualTo("0.00000000");
    }

    @Test
    void aPositionWithItsPnl() {
        Position position = new Position("ACC-1", "manual", Fixtures.BTC_ID, -30_000_000,
                6_425_050L * 20_000_000 + 6_425_100L * 10_000_000, Money.of(Currency.USD, -1_250, 2), Fixtures.TIME);
        JsonObject json = new JsonObject(MessageEncoder.position(new PositionView(position,
                Optional.of(Money.of(Currency.USD, 30_000, 2))), Fixtures.BTC));
        assertThat(json).isEqualTo(new JsonObject().put("channel", "positions").put("account", "ACC-1")
                .put("strategy", "manual").put("instrument", "BTC-USD@SIMX_CRYPTO").put("netQuantity", "-0.30000000")
                .put("averageOpenPrice", "64250.67")
                .put("realizedPnl", new JsonObject().put("currency", "USD").put("amount", "-12.50"))
                .put("unrealizedPnl", new JsonObject().put("currency", "USD").put("amount", "300.00"))
                .put("time", "2026-01-15T08:00:00.000000001Z"));
    }

    @Test
    void aFlatPositionHasNoAverageAndNoMarkYet() {
        Position flat = new Position("ACC-1", "manual", Fixtures.BTC_ID, 0, 0, Money.of(Currency.USD, 500, 2),
                Fixtures.TIME);
        JsonObject json = new JsonObject(MessageEncoder.position(new PositionView(flat, Optional.empty()),
                Fixtures.BTC));
        assertThat(json.getValue("averageOpenPrice")).isNull();
        assertThat(json.getValue("unrealizedPnl")).isNull();
        assertThat(json.getString("netQuantity")).isEqualTo("0.00000000");
    }

    @Test
    void anAlertAsTheWebhookHasItPlusItsAcknowledgement() {
        Alert alert = new Alert("engine.kill.account:ACC-1", Severity.CRITICAL, "engine",
                "kill switch engaged\nby alice", AlertScope.ofAccount("ACC-1").withVenue("SIMX_US"), Fixtures.TIME);
        JsonObject open = new JsonObject(MessageEncoder.alert(new AlertRecord(12, alert, 3, Fixtures.TIME,
                Fixtures.TIME + 2_000_000_000L, null)));
        assertThat(open).isEqualTo(new JsonObject().put("channel", "alerts").put("id", 12)
                .put("key", "engine.kill.account:ACC-1").put("severity", "CRITICAL").put("source", "engine")
                .put("message", "kill switch engaged\nby alice")
                .put("scope", new JsonObject().put("account", "ACC-1").put("venue", "SIMX_US"))
                .put("count", 3).put("raisedAt", "2026-01-15T08:00:00.000000001Z")
                .put("lastRaisedAt", "2026-01-15T08:00:02.000000001Z").putNull("acknowledged"));

        JsonObject acknowledged = new JsonObject(MessageEncoder.alert(new AlertRecord(12,
                alert.withScope(AlertScope.NONE), 3, Fixtures.TIME, Fixtures.TIME,
                new Acknowledgement("bob", Fixtures.TIME, "on it"))));
        assertThat(acknowledged.getJsonObject("scope")).isEqualTo(new JsonObject());
        assertThat(acknowledged.getJsonObject("acknowledged")).isEqualTo(new JsonObject().put("user", "bob")
                .put("at", "2026-01-15T08:00:00.000000001Z").put("note", "on it"));
    }

    @Test
    void acknowledgementsAndErrors() {
        assertThat(MessageEncoder.acknowledgement(new ClientRequest.Subscription(true, Channel.MARKET, null)))
                .isEqualTo("{\"type\":\"subscribed\",\"channel\":\"market\",\"instrument\":\"*\"}");
        assertThat(MessageEncoder.acknowledgement(new ClientRequest.Subscription(false, Channel.MARKET,
                Fixtures.BTC_ID))).isEqualTo("{\"type\":\"unsubscribed\",\"channel\":\"market\","
                        + "\"instrument\":\"BTC-USD@SIMX_CRYPTO\"}");
        assertThat(MessageEncoder.acknowledgement(new ClientRequest.Subscription(true, Channel.EXECUTIONS, null)))
                .isEqualTo("{\"type\":\"subscribed\",\"channel\":\"executions\"}");
        assertThat(MessageEncoder.error("VALIDATION_FAILED", "op = 'x': no", "/op"))
                .isEqualTo("{\"type\":\"error\",\"code\":\"VALIDATION_FAILED\",\"message\":\"op = 'x': no\","
                        + "\"field\":\"/op\"}");
        assertThat(MessageEncoder.error("MALFORMED_JSON", "not JSON", null))
                .isEqualTo("{\"type\":\"error\",\"code\":\"MALFORMED_JSON\",\"message\":\"not JSON\"}");
        assertThat(new JsonObject(MessageEncoder.authenticated(new Caller("alice", Set.of(Role.TRADER),
                "api-key:k1")))).isEqualTo(new JsonObject().put("type", "authenticated").put("user", "alice")
                        .put("roles", new io.vertx.core.json.JsonArray().add("trader").add("viewer")));
    }

    @Test
    void stringsAreEscapedSoEveryMessageIsValidJson() {
        String nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 separator \u2028 end";
        JsonObject json = new JsonObject(MessageEncoder.error("X", nasty, null));
        assertThat(json.getString("message")).isEqualTo(nasty);
        assertThat(MessageEncoder.error("X", nasty, null)).doesNotContain("\n").contains("\\u0007");
    }
}

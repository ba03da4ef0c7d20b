package io.alphintra.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.ReplaceRequest;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderInputsTest {
    private static final JsonObject LIMIT = new JsonObject().put("account", "ACC-1").put("instrument", "AAPL@SIMX_US")
            .put("side", "SELL").put("type", "LIMIT").put("quantity", "7").put("limitPrice", "190.10");

    @Test
    void decimalsBecomeExactUnits() {
        OrderRequest order = OrderInputs.order(LIMIT, id -> Optional.of(Fakes.AAPL), "bob");
        assertThat(order.limitPrice()).isEqualTo(19_010);
        assertThat(order.stopPrice()).isEqualTo(OrderRequest.NO_PRICE);
        assertThat(order.quantity()).isEqualTo(7);
        assertThat(order.attribution().traderId()).isEqualTo("bob");
        assertThat(order.clientOrderId().value()).startsWith("api-");
    }

    @Test
    void offGridAndMissingPricesNameTheirField() {
        assertField(LIMIT.copy().put("limitPrice", "190.105"), "/limitPrice", "more than 2 decimal places");
        io.alphintra.sdk.instrument.Instrument nickels = new io.alphintra.sdk.instrument.Equity(
                Fakes.AAPL.id(), io.alphintra.sdk.money.Currency.USD, io.alphintra.sdk.instrument.Jurisdiction.US,
                new io.alphintra.sdk.instrument.TradingGrid(2, io.alphintra.sdk.instrument.TickTable.flat(5), 0, 1, 1));
        assertThatThrownBy(() -> OrderInputs.order(LIMIT.copy().put("limitPrice", "190.11"),
                id -> Optional.of(nickels), "bob")).isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.field()).isEqualTo("/limitPrice");
                    assertThat(error.getMessage()).contains("not on the 0.05 tick grid of AAPL@SIMX_US");
                });
        assertField(LIMIT.copy().put("quantity", "0"), "/quantity", "must be positive");
        assertField(LIMIT.copy().put("quantity", "1.5"), "/quantity", "");
        assertField(LIMIT.copy().put("type", "MARKET"), "/limitPrice", "has no limit price");
        assertField(LIMIT.copy().put("type", "STOP_LIMIT"), "/stopPrice", "required");
    }

    @Test
    void aReplacementKeepsWhatItLeavesOut() {
        long[] replacement = OrderInputs.replacement(new JsonObject().put("limitPrice", "1.01"), Fakes.AAPL);
        assertThat(replacement).containsExactly(ReplaceRequest.UNCHANGED, 101, ReplaceRequest.UNCHANGED);
    }

    private static void assertField(JsonObject body, String field, String text) {
        assertThatThrownBy(() -> OrderInputs.order(body, id -> Optional.of(Fakes.AAPL), "bob"))
                .isInstanceOfSatisfying(ApiError.class, error -> {
                    assertThat(error.field()).isEqualTo(field);
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.getMessage()).contains(text);
                });
    }
}

package io.alphintra.sdk.order;

import static io.alphintra.sdk.order.OrderRequest.NO_PRICE;
import static io.alphintra.sdk.testing.Fixtures.AAPL;
import static io.alphintra.sdk.testing.Fixtures.ATTRIBUTION;
import static io.alphintra.sdk.testing.Fixtures.BTC_USDT;
import static io.alphintra.sdk.testing.Fixtures.ES;
import static io.alphintra.sdk.testing.Fixtures.TOYOTA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.alphintra.sdk.instrument.Instrument;

class OrderRequestTest {

    private static final ClientOrderId ID = ClientOrderId.of("mr-1-000001");

    private static OrderRequest order(Instrument instrument, Side side, OrderType type, TimeInForce tif, long quantity,
            long limitPrice, long stopPrice) {
        return new OrderRequest(ID, instrument, side, type, tif, quantity, limitPrice, stopPrice, ATTRIBUTION);
    }

    @Test
    void factoriesBuildValidOrders() {
        OrderRequest limit = OrderRequest.limit(ID, AAPL, Side.BUY, 100, 1012500, TimeInForce.DAY, ATTRIBUTION);
        assertThat(limit.type()).isEqualTo(OrderType.LIMIT);
        assertThat(limit.hasLimitPrice()).isTrue();
        assertThat(limit.hasStopPrice()).isFalse();
        OrderRequest stopLimit = OrderRequest.stopLimit(ID, AAPL, Side.SELL, 100, 1000000, 999900, TimeInForce.GTC,
                ATTRIBUTION);
        assertThat(stopLimit.stopPrice()).isEqualTo(1000000);
        assertThat(stopLimit.limitPrice()).isEqualTo(999900);
        assertThat(OrderRequest.stop(ID, ES, Side.SELL, 1, 500_000, TimeInForce.DAY, ATTRIBUTION).stopPrice())
                .isEqualTo(500_000);
        assertThat(OrderRequest.limit(ID, AAPL, Side.SELL_SHORT, 100, 1012500, TimeInForce.DAY, ATTRIBUTION).side())
                .isEqualTo(Side.SELL_SHORT);
    }

    @ParameterizedTest
    @EnumSource(value = TimeInForce.class, names = {"DAY", "IOC", "FOK"})
    void marketOrdersAllowDayIocAndFok(TimeInForce tif) {
        assertThat(OrderRequest.market(ID, AAPL, Side.BUY, 100, tif, ATTRIBUTION).timeInForce()).isEqualTo(tif);
    }

    @Test
    void marketOrdersRejectGtc() {
        assertThatThrownBy(() -> OrderRequest.market(ID, AAPL, Side.BUY, 100, TimeInForce.GTC, ATTRIBUTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeInForce = GTC: not allowed for MARKET orders (use DAY, IOC or FOK)");
    }

    @Test
    void limitPriceOffTheGrid() {
        assertThatThrownBy(() -> OrderRequest.limit(ID, AAPL, Side.BUY, 100, 1012550, TimeInForce.DAY, ATTRIBUTION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limitPrice = 101.255 (1012550 units): not on the 0.01 tick grid of AAPL@XNAS");
    }

    @Test
    void stopPriceOffTheGrid() {
        assertThatThrownBy(() -> OrderRequest.stop(ID, ES, Side.SELL, 1, 500_010, TimeInForce.DAY, ATTRIBUTION))
                .hasMessage("stopPrice = 5000.1 (500010 units): not on the 0.25 tick grid of ESZ5@XCME");
        assertThatThrownBy(() -> OrderRequest.stopLimit(ID, AAPL, Side.SELL, 100, 1000001, 999900, TimeInForce.DAY,
                ATTRIBUTION)).hasMessage("stopPrice = 100.0001 (1000001 units): not on the 0.01 tick grid of AAPL@XNAS");
    }

    @Test
    void equityPricesMustBePositiveButFuturesMayBeNegative() {
        assertThatThrownBy(() -> OrderRequest.limit(ID, AAPL, Side.BUY, 100, -100, TimeInForce.DAY, ATTRIBUTION))
                .hasMessage("limitPrice = -0.01 (-100 units): must be positive");
        assertThatThrownBy(() -> OrderRequest.limit(ID, AAPL, Side.BUY, 100, 0, TimeInForce.DAY, ATTRIBUTION))
                .hasMessage("limitPrice = 0 (0 units): must be positive");
        assertThat(OrderRequest.limit(ID, ES, Side.BUY, 1, -25, TimeInForce.DAY, ATTRIBUTION).limitPrice())
                .isEqualTo(-25);
    }

    @Test
    void limitPriceRequiredExactlyForLimitTypes() {
        assertThatThrownBy(() -> order(AAPL, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 100, NO_PRICE, NO_PRICE))
                .hasMessage("limitPrice: required for LIMIT orders (was NO_PRICE)");
        assertThatThrownBy(() -> order(AAPL, Side.BUY, OrderType.STOP_LIMIT, TimeInForce.DAY, 100, NO_PRICE,
                1012500)).hasMessage("limitPrice: required for STOP_LIMIT orders (was NO_PRICE)");
        assertThatThrownBy(() -> order(AAPL, Side.BUY, OrderType.MARKET, TimeInForce.DAY, 100, 1012500, NO_PRICE))
                .hasMessage("limitPrice = 101.25 (1012500 units): not allowed for MARKET orders (use NO_PRICE)");
        assertThatThrownBy(() -> order(AAPL, Side.BUY, OrderType.STOP, TimeInForce.DAY, 100, 1012500, 1012500))
                .hasMessage("limitPrice = 101.25 (1012500 units): not allowed for STOP orders (use NO_PRICE)");
    }

    @Test
    void stopPriceRequiredExactlyForStopTypes() {
        assertThatThrownBy(() -> order(AAPL, Side.SELL, OrderType.STOP, TimeInForce.DAY, 100, NO_PRICE, NO_PRICE))
                .hasMessage("stopPrice: required for STOP orders (was NO_PRICE)");
        assertThatThrownBy(() -> order(AAPL, Side.SELL, OrderType.STOP_LIMIT, TimeInForce.DAY, 100, 1012500,
                NO_PRICE)).hasMessage("stopPrice: required for STOP_LIMIT orders (was NO_PRICE)");
        assertThatThrownBy(() -> order(AAPL, Side.SELL, OrderType.LIMIT, TimeInForce.DAY, 100, 1012500, 1000000))
                .hasMessage("stopPrice = 100 (1000000 units): not allowed for LIMIT orders (use NO_PRICE)");
        assertThatThrownBy(() -> order(AAPL, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 100, NO_PRICE, 1000000))
                .hasMessage("stopPrice = 100 (1000000 units): not allowed for MARKET orders (use NO_PRICE)");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5, Long.MIN_VALUE})
    void quantityMustBePositive(long quantity) {
        assertThatThrownBy(() -> OrderRequest.market(ID, AAPL, Side.BUY, quantity, TimeInForce.DAY, ATTRIBUTION))
                .hasMessage("quantity = " + quantity + ": must be positive");
    }

    @Test
    void quantityMustBeOnTheLotGridAndAtLeastTheMinimum() {
        assertThatThrownBy(() -> OrderRequest.limit(ID, TOYOTA, Side.BUY, 150, 30_000, TimeInForce.DAY, ATTRIBUTION))
                .hasMessage("quantity = 150: not a multiple of the lot size 100 of 7203@XTKS");
        assertThatThrownBy(() -> OrderRequest.market(ID, BTC_USDT, Side.BUY, 9_000, TimeInForce.IOC, ATTRIBUTION))
                .hasMessage("quantity = 0.00009 (9000 units): below the minimum quantity 0.0001 of BTC/USDT@BNCE");
    }

    @ParameterizedTest
    @EnumSource(value = Side.class, names = {"SELL_SHORT", "SELL_SHORT_EXEMPT"})
    void shortSaleMarkingOnlyOnEquities(Side side) {
        assertThatThrownBy(() -> OrderRequest.limit(ID, ES, side, 1, 500_000, TimeInForce.DAY, ATTRIBUTION))
                .hasMessage("side = " + side + ": short-sale marking applies to equities only; use SELL for FUTURE"
                        + " ESZ5@XCME");
    }

    @Test
    void requiredFieldsNameThemselves() {
        assertThatThrownBy(() -> new OrderRequest(null, AAPL, Side.BUY, OrderType.MARKET, TimeInForce.DAY, 1, NO_PRICE,
                NO_PRICE, ATTRIBUTION)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientOrderId: required (was null)");
        assertThatThrownBy(() -> order(null, Side.BUY, OrderType.MARKET, TimeInForce.DAY, 1, NO_PRICE, NO_PRICE))
                .hasMessage("instrument: required (was null)");
        assertThatThrownBy(() -> order(AAPL, null, OrderType.MARKET, TimeInForce.DAY, 1, NO_PRICE, NO_PRICE))
                .hasMessage("side: required (was null)");
        assertThatThrownBy(() -> order(AAPL, Side.BUY, null, TimeInForce.DAY, 1, NO_PRICE, NO_PRICE))
                .hasMessage("type: required (was null)");
        assertThatThrownBy(() -> order(AAPL, Side.BUY, OrderType.MARKET, null, 1, NO_PRICE, NO_PRICE))
                .hasMessage("timeInForce: required (was null)");
        assertThatThrownBy(() -> OrderRequest.market(ID, AAPL, Side.BUY, 1, TimeInForce.DAY, null))
                .hasMessage("attribution: required (was null)");
    }

    @Test
    void clientOrderIdIsPrintableAsciiWithoutSpaces() {
        assertThat(ClientOrderId.of("A".repeat(64)).value()).hasSize(64);
        String rule = ": must be 1 to 64 printable ASCII characters without spaces";
        assertThatThrownBy(() -> ClientOrderId.of("")).hasMessage("clientOrderId = ''" + rule);
        assertThatThrownBy(() -> ClientOrderId.of("a b")).hasMessage("clientOrderId = 'a b'" + rule);
        assertThatThrownBy(() -> ClientOrderId.of("ordré")).hasMessage("clientOrderId = 'ordré'" + rule);
        assertThatThrownBy(() -> ClientOrderId.of("x\r\nFAKE LOG LINE"))
                .hasMessage("clientOrderId = 'x\\u000d\\u000aFAKE LOG LINE'" + rule);
        assertThatThrownBy(() -> ClientOrderId.of("A".repeat(65)))
                .hasMessage("clientOrderId = '" + "A".repeat(65) + "'" + rule);
        assertThatThrownBy(() -> ClientOrderId.of("A".repeat(200)))
                .hasMessage("clientOrderId = '" + "A".repeat(80) + "...(200 chars)'" + rule);
        assertThatThrownBy(() -> ClientOrderId.of(null)).hasMessage("clientOrderId: required (was null)");
    }

    @Test
    void attributionNeedsEveryId() {
        assertThatThrownBy(() -> new Attribution("mr-1", " ", "ACC-1", "desk", "PROP"))
                .hasMessage("traderId = ' ': must be 1 to 64 printable ASCII characters without spaces");
        assertThatThrownBy(() -> new Attribution("mr-1", "t", "ACC-1", "desk", null))
                .hasMessage("clientId: required (was null)");
    }

    @Test
    void replaceRequestValidatesNewValuesAndNeedsAChange() {
        ClientOrderId next = ClientOrderId.of("mr-1-000002");
        long unchanged = ReplaceRequest.UNCHANGED;
        ReplaceRequest priceOnly = new ReplaceRequest(next, ID, AAPL, Side.BUY, unchanged, 1012600, unchanged, null,
                ATTRIBUTION);
        assertThat(priceOnly.changesLimitPrice()).isTrue();
        assertThat(priceOnly.changesQuantity()).isFalse();
        assertThatThrownBy(() -> new ReplaceRequest(next, ID, AAPL, Side.BUY, unchanged, unchanged, unchanged, null,
                ATTRIBUTION)).hasMessageContaining("a replace must change at least one");
        assertThatThrownBy(() -> new ReplaceRequest(next, ID, AAPL, Side.BUY, unchanged, 1012601, unchanged, null,
                ATTRIBUTION)).hasMessage("newLimitPrice = 101.2601 (1012601 units): not on the 0.01 tick grid of"
                        + " AAPL@XNAS");
        assertThatThrownBy(() -> new ReplaceRequest(next, ID, TOYOTA, Side.BUY, 250, unchanged, unchanged, null,
                ATTRIBUTION)).hasMessage("newQuantity = 250: not a multiple of the lot size 100 of 7203@XTKS");
        assertThatThrownBy(() -> new ReplaceRequest(ID, ID, AAPL, Side.BUY, 200, unchanged, unchanged, null,
                ATTRIBUTION)).hasMessageContaining("a replace needs a new id");
    }

    @Test
    void cancelRequestNeedsItsOwnId() {
        assertThatThrownBy(() -> new CancelRequest(ID, ID, AAPL.id(), Side.BUY, null, ATTRIBUTION))
                .hasMessage("clientOrderId = 'mr-1-000001': a cancel needs its own id, different from"
                        + " originalClientOrderId");
        assertThatThrownBy(() -> new CancelRequest(ClientOrderId.of("c-1"), ID, AAPL.id(), Side.BUY, "bad id",
                ATTRIBUTION)).hasMessageStartingWith("venueOrderId = 'bad id'");
    }
}

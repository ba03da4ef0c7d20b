package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.harness.HarnessResult;
import io.alphintra.sdk.harness.StrategyHarness;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.testkit.strategy.FakeStrategyContext;
import io.alphintra.simexchange.Recording;

/**
 * The strategy's decisions, on the test kit's unit-test fake of the host's context, and its trading against a
 * recorded market on the simulated exchange with the strategy harness.
 */
class MovingAverageCrossStrategyTest {

    static final Equity AAPL = new Equity(InstrumentId.parse("AAPL@XNAS"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    static final Attribution ATTRIBUTION = new Attribution("ma-1", "trader-1", "ACC-1", "desk-1", "PROP");
    static final long SECOND = 1_000_000_000L;

    FakeStrategyContext context;
    Strategy strategy;
    long time = 1_700_000_000L * SECOND;

    @BeforeEach
    void start() {
        StrategyConfig config = new StrategyConfig("ma-1", MovingAverageCrossFactory.TYPE, List.of(AAPL.id()),
                ATTRIBUTION, Map.of("fastWindow", "2", "slowWindow", "4", "quantity", "100"));
        strategy = new MovingAverageCrossFactory().create(config);
        context = new FakeStrategyContext(config, List.of(AAPL), time);
        context.start(strategy);
    }

    @Test
    void subscribesToTradesOnStart() {
        assertEquals(java.util.Set.of("AAPL@XNAS/TRADES"), context.subscriptions());
    }

    @Test
    void buysOnAnUpwardCrossAndSellsOnTheDownwardCross() {
        trades(100_00, 99_00, 98_00, 97_00, 96_00);
        assertTrue(context.submittedOrders().isEmpty(), "no cross yet: " + context.submittedOrders());

        trades(99_00, 103_00);
        OrderRequest buy = single();
        assertEquals(Side.BUY, buy.side());
        assertEquals(OrderType.MARKET, buy.type());
        assertEquals(100, buy.quantity());
        fill(buy);

        trades(95_00, 90_00);
        assertEquals(2, context.submittedOrders().size(), "expected the exit: " + context.submittedOrders());
        OrderRequest sell = context.submittedOrders().get(1);
        assertEquals(Side.SELL, sell.side());
        assertEquals(100, sell.quantity());
    }

    @Test
    void sendsNothingWhileAnOrderIsWorking() {
        trades(100_00, 99_00, 98_00, 97_00, 96_00, 99_00, 103_00);
        single();
        trades(95_00, 90_00, 99_00, 110_00);
        assertEquals(1, context.submittedOrders().size(), "the first order never completed");
    }

    /**
     * {@code src/test/resources/trades.csv} replays the prices of the test above, one a second. The venue quotes a
     * cent either side of each print, so the market orders pay the spread: buy at 103.01 on the upward cross, sell
     * at 89.99 on the downward one.
     */
    @Test
    void tradesTheCrossesOfARecordedMarket() throws URISyntaxException {
        Path trades = Path.of(getClass().getResource("/trades.csv").toURI());
        StrategyConfig config = new StrategyConfig("ma-1", MovingAverageCrossFactory.TYPE, List.of(AAPL.id()),
                ATTRIBUTION, Map.of("fastWindow", "2", "slowWindow", "4", "quantity", "100"));

        HarnessResult result = StrategyHarness.builder().instrument(AAPL, Recording.trades(trades))
                .cash(Money.parse(Currency.USD, "100000.00")).run(new MovingAverageCrossFactory(), config);

        assertEquals(2, result.fills().size(), "fills: " + result.fills());
        assertEquals(Side.BUY, result.fills().get(0).side());
        assertEquals(103_01, result.fills().get(0).price());
        assertEquals(Side.SELL, result.fills().get(1).side());
        assertEquals(89_99, result.fills().get(1).price());
        assertEquals(Money.parse(Currency.USD, "-1302.00"), result.realizedPnl(Currency.USD));
        assertEquals(Money.parse(Currency.USD, "98698.00"), result.equity());
        assertEquals(0, result.position(AAPL.id()).orElseThrow().netQuantity());
    }

    @Test
    void refusesABadConfiguration() {
        StrategyConfig config = new StrategyConfig("ma-1", MovingAverageCrossFactory.TYPE, List.of(AAPL.id()),
                ATTRIBUTION, Map.of("fastWindow", "5", "slowWindow", "5", "quantity", "100"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new MovingAverageCrossFactory().create(config));
        assertTrue(error.getMessage().contains("fastWindow = 5, slowWindow = 5"), error.getMessage());
    }

    private void trades(long... prices) {
        for (long price : prices) {
            time += SECOND;
            context.deliverTrade(new TradeRecord(AAPL.id(), price, 10, AggressorSide.BUYER, time, time));
        }
    }

    private OrderRequest single() {
        assertEquals(1, context.submittedOrders().size(), "orders: " + context.submittedOrders());
        return context.submittedOrders().get(0);
    }

    private void fill(OrderRequest order) {
        context.deliverExecution(ExecutionReport.builder().orderId("o-1").clientOrderId(order.clientOrderId())
                .execId("x-1").instrumentId(AAPL.id()).side(order.side()).orderQuantity(order.quantity())
                .execType(ExecType.NEW).status(OrderStatus.NEW).leavesQuantity(order.quantity()).build()
                .toBuilder().fill(order.quantity(), 103_00).build());
    }
}

package io.alphintra.benchmarks.matching;

import exchange.core2.core.ExchangeApi;
import exchange.core2.core.ExchangeCore;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.L2MarketData;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.api.ApiAddUser;
import exchange.core2.core.common.api.ApiCancelOrder;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiMoveOrder;
import exchange.core2.core.common.api.ApiPlaceOrder;
import exchange.core2.core.common.api.binary.BatchAddSymbolsCommand;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.config.ExchangeConfiguration;
import exchange.core2.core.common.config.OrdersProcessingConfiguration;
import exchange.core2.core.common.config.PerformanceConfiguration;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import java.util.concurrent.CompletableFuture;
import java.util.function.ObjLongConsumer;

/**
 * exchange-core 0.5.3 set up for a fair matching comparison on a 2-core machine: 1 matching engine, 1 risk engine,
 * YIELDING wait strategy (BUSY_SPIN and BLOCKING were slower here), its fastest book ({@link OrderBookDirectImpl}),
 * and risk processing off, since our book does no margin or balance checks either. One exchange-pair symbol (with
 * risk off, margin symbols fail on a missing position record); bids reserve the book's maximum price so that moving a
 * bid up is never refused as over its reserve. Needs the JVM flags in this module's pom.
 */
public final class ExchangeCoreDriver implements AutoCloseable {

    static final int SYMBOL = 1;

    private final ExchangeCore core;
    private final ExchangeApi api;

    /** Starts the core and registers the symbol and users 1..users; results go to {@code results}. */
    public ExchangeCoreDriver(int users, ObjLongConsumer<OrderCommand> results) {
        ExchangeConfiguration configuration = ExchangeConfiguration.defaultBuilder()
                .performanceCfg(PerformanceConfiguration.baseBuilder()
                        .matchingEnginesNum(1)
                        .riskEnginesNum(1)
                        .waitStrategy(CoreWaitStrategy.YIELDING)
                        .orderBookFactory(OrderBookDirectImpl::new)
                        .build())
                .ordersProcessingCfg(OrdersProcessingConfiguration.builder()
                        .riskProcessingMode(OrdersProcessingConfiguration.RiskProcessingMode.NO_RISK_PROCESSING)
                        .marginTradingMode(OrdersProcessingConfiguration.MarginTradingMode.MARGIN_TRADING_ENABLED)
                        .build())
                .build();
        core = ExchangeCore.builder().resultsConsumer(results).exchangeConfiguration(configuration).build();
        core.startup();
        api = core.getApi();
        CoreSymbolSpecification symbol = CoreSymbolSpecification.builder()
                .symbolId(SYMBOL).type(SymbolType.CURRENCY_EXCHANGE_PAIR).baseCurrency(2).quoteCurrency(1)
                .baseScaleK(1).quoteScaleK(1).takerFee(0).makerFee(0).marginBuy(0).marginSell(0).build();
        api.submitBinaryDataAsync(new BatchAddSymbolsCommand(symbol)).join();
        CompletableFuture<?> last = null;
        for (long uid = 1; uid <= users; uid++) {
            last = api.submitCommandAsync(ApiAddUser.builder().uid(uid).build());
        }
        if (last != null) {
            last.join();
        }
    }

    /** The flow as exchange-core API commands, built ahead so that replaying measures only the engine. */
    public static ApiCommand[] commands(OrderFlow flow) {
        ApiCommand[] commands = new ApiCommand[flow.size];
        for (int i = 0; i < flow.size; i++) {
            switch (flow.kind[i]) {
                case OrderFlow.LIMIT_GTC:
                case OrderFlow.LIMIT_IOC:
                    commands[i] = ApiPlaceOrder.builder()
                            .uid(flow.ownerId[i]).orderId(flow.orderId[i]).symbol(SYMBOL)
                            .price(flow.price[i]).reservePrice(OrderFlow.BOOK_CONFIG.maxPrice()).size(flow.quantity[i])
                            .action(flow.buy[i] ? OrderAction.BID : OrderAction.ASK)
                            .orderType(flow.kind[i] == OrderFlow.LIMIT_GTC ? OrderType.GTC : OrderType.IOC)
                            .build();
                    break;
                case OrderFlow.CANCEL:
                    commands[i] = ApiCancelOrder.builder()
                            .uid(flow.ownerId[i]).orderId(flow.orderId[i]).symbol(SYMBOL).build();
                    break;
                default:
                    commands[i] = ApiMoveOrder.builder()
                            .uid(flow.ownerId[i]).orderId(flow.orderId[i]).symbol(SYMBOL)
                            .newPrice(flow.price[i]).build();
            }
        }
        return commands;
    }

    /** Submits every command and returns once the core has processed them all. */
    public void replay(ApiCommand[] commands) {
        for (ApiCommand command : commands) {
            api.submitCommand(command);
        }
        // Commands are processed in order, so the answer to a later query means everything before it is done.
        api.requestOrderBookAsync(SYMBOL, 1).join();
    }

    public L2MarketData book(int depth) {
        return api.requestOrderBookAsync(SYMBOL, depth).join();
    }

    @Override
    public void close() {
        core.shutdown();
    }
}

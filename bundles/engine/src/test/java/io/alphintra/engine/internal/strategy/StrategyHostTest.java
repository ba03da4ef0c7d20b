package io.alphintra.engine.internal.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.EngineListener;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.MarketLine;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.PositionView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.sdk.strategy.StrategyFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyHostTest {
    private static final Instrument AAPL = new Equity(InstrumentId.of("AAPL", "SIMX"), Currency.of("USD"),
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 0, 1, 1));

    @TempDir
    Path home;

    private final RecordingEngine engine = new RecordingEngine();
    private StrategyHost host;

    @BeforeEach
    void start() {
        System.setProperty("karaf.home", home.toString());
        host = new StrategyHost(engine);
    }

    @AfterEach
    void stop() {
        host.deactivate();
    }

    @Test
    void instanceStartsWhenBothTypeAndConfigurationArePresentAndTradesThroughTheEngine() {
        host.configure(settings("buyer-1", "buyer", 50, 1000));
        assertThat(host.instances()).singleElement().extracting(StrategyHost.InstanceView::state)
                .isEqualTo("WAITING_FOR_TYPE");

        host.addStrategyFactory(factory("buyer", config -> new Buyer()));

        await("the buyer sent its order", () -> engine.submitted.size() == 1);
        OrderRequest order = engine.submitted.get(0);
        assertThat(order.attribution().strategyId()).isEqualTo("buyer-1");
        assertThat(order.attribution().traderId()).isEqualTo("alice");
        assertThat(engine.sources).containsExactly("strategy:buyer-1");
        assertThat(host.instances().get(0).state()).isEqualTo("RUNNING");
    }

    @Test
    void throwingStrategyIsQuarantinedAndOthersRunOn() {
        AtomicInteger healthyTrades = new AtomicInteger();
        host.addStrategyFactory(factory("thrower", config -> new Subscriber() {
            @Override
            public void onTrade(Trade trade) {
                throw new IllegalStateException("bug in strategy");
            }
        }));
        host.addStrategyFactory(factory("counter", config -> new Subscriber() {
            @Override
            public void onTrade(Trade trade) {
                healthyTrades.incrementAndGet();
            }
        }));
        host.configure(settings("bad-1", "thrower", 50, 1000));
        host.configure(settings("good-1", "counter", 50, 1000));
        await("both subscribed", () -> engine.subscriptions.size() == 2);

        host.onTrade(trade());
        host.onTrade(trade());

        await("the thrower is quarantined", () -> state("bad-1").equals("QUARANTINED"));
        await("the other got both trades", () -> healthyTrades.get() == 2);
        assertThat(reason("bad-1")).contains("onTrade threw", "bug in strategy");
        assertThat(state("good-1")).isEqualTo("RUNNING");
    }

    @Test
    void blockedStrategyIsQuarantinedByTheWatchdogAndItsOrdersCancelled() {
        host.addStrategyFactory(factory("sleeper", config -> new Buyer() {
            @Override
            public void onTrade(Trade trade) {
                try {
                    Thread.sleep(60_000); // the misbehaviour under test: a strategy that blocks
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        host.configure(settings("sleepy-1", "sleeper", 50, 200));
        await("its order is working", () -> engine.submitted.size() == 1);

        host.onTrade(trade());

        await("the sleeper is quarantined", () -> state("sleepy-1").equals("QUARANTINED"));
        assertThat(reason("sleepy-1")).contains("onTrade has been running for").contains("limit 200 ms");
        await("its working order is cancelled", () -> engine.cancelled.contains(engine.submitted.get(0)
                .clientOrderId()));
    }

    @Test
    void floodingStrategyIsQuarantined() {
        host.addStrategyFactory(factory("flooder", config -> new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                for (int i = 0; i < 20; i++) {
                    context.submit(OrderRequest.limit(context.nextClientOrderId(), AAPL, Side.BUY, 1, 100,
                            TimeInForce.DAY, context.attribution()));
                }
            }
        }));
        host.configure(settings("flood-1", "flooder", 5, 1000));

        await("the flooder is quarantined", () -> state("flood-1").equals("QUARANTINED"));
        assertThat(reason("flood-1")).contains("more than 5 order requests in one second");
        assertThat(engine.submitted).hasSize(5);
    }

    @Test
    void uninstallingTheTypeStopsTheInstanceAndReinstallingRestartsIt() {
        StrategyFactory buyer = factory("buyer", config -> new Buyer());
        host.addStrategyFactory(buyer);
        host.configure(settings("buyer-1", "buyer", 50, 1000));
        await("the buyer sent its order", () -> engine.submitted.size() == 1);

        host.removeStrategyFactory(buyer);

        await("its order is cancelled", () -> engine.cancelled.size() == 1);
        assertThat(state("buyer-1")).isEqualTo("WAITING_FOR_TYPE");

        host.addStrategyFactory(factory("buyer", config -> new Buyer()));
        await("it runs again", () -> state("buyer-1").equals("RUNNING") && engine.submitted.size() == 2);
    }

    @Test
    void contextRefusesInstrumentsOutsideTheConfiguration() {
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        host.addStrategyFactory(factory("wanderer", config -> new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                try {
                    context.subscribe(InstrumentId.of("MSFT", "SIMX"), MarketDataType.TRADES);
                } catch (RuntimeException e) {
                    refusal.complete(e);
                }
            }
        }));
        host.configure(settings("w-1", "wanderer", 50, 1000));
        await("refused", refusal::isDone);
        assertThat(refusal.join()).hasMessageContaining("instrument = 'MSFT@SIMX': not among the instruments");
    }

    private String state(String id) {
        return host.instances().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow().state();
    }

    private String reason(String id) {
        return host.instances().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow().reason();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
        }
    }

    private static Trade trade() {
        return new TradeRecord(AAPL.id(), 15000, 10, AggressorSide.BUYER, 1L, 1L);
    }

    private static StrategySettings settings(String id, String type, int maxOrdersPerSecond, int maxCallbackMillis) {
        StrategyConfig config = new StrategyConfig(id, type, List.of(AAPL.id()),
                new Attribution(id, "alice", "ACC-1", "algo", "house"), Map.of());
        return new StrategySettings(config, true, maxOrdersPerSecond, maxCallbackMillis, 1024);
    }

    private static StrategyFactory factory(String type, Function<StrategyConfig, Strategy> create) {
        return new StrategyFactory() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Strategy create(StrategyConfig config) {
                return create.apply(config);
            }
        };
    }

    /** Subscribes to trades of its instrument. */
    private static class Subscriber implements Strategy {
        @Override
        public void onStart(StrategyContext context) {
            context.subscribe(AAPL.id(), MarketDataType.TRADES);
        }
    }

    /** Sends one limit order when it starts, and subscribes to trades. */
    private static class Buyer implements Strategy {
        @Override
        public void onStart(StrategyContext context) {
            context.subscribe(AAPL.id(), MarketDataType.TRADES);
            context.submit(OrderRequest.limit(context.nextClientOrderId(), AAPL, Side.BUY, 10, 15000,
                    TimeInForce.DAY, context.attribution()));
        }
    }

    /** A unit-test fake of the engine: records what strategies ask of it; every order stays working. */
    private static final class RecordingEngine implements TradingEngine {
        final List<OrderRequest> submitted = new CopyOnWriteArrayList<>();
        final List<String> sources = new CopyOnWriteArrayList<>();
        final List<ClientOrderId> cancelled = new CopyOnWriteArrayList<>();
        final List<String> subscriptions = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<ExecutionReport> submit(OrderRequest order, String source) {
            submitted.add(order);
            sources.add(source);
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<ExecutionReport> cancel(ClientOrderId clientOrderId, String source) {
            cancelled.add(clientOrderId);
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<ExecutionReport> replace(ClientOrderId clientOrderId, long newQuantity,
                                                        long newLimitPrice, long newStopPrice, String source) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<List<OrderView>> orders() {
            return CompletableFuture.completedFuture(submitted.stream()
                    .filter(order -> !cancelled.contains(order.clientOrderId()))
                    .map(order -> new OrderView("1", order.clientOrderId(), order.instrument().id(), order.side(),
                            order.quantity(), order.limitPrice(), OrderStatus.NEW, 0,
                            order.attribution().strategyId(), order.attribution().traderId(),
                            order.attribution().accountId(), "test",
                            List.of(new GateDecision("ENGINE", "engine", "1", GateDecision.ACCEPT, null, null))))
                    .toList());
        }

        @Override
        public CompletionStage<List<OpenOrder>> openOrders() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<List<MarketLine>> market() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<List<PositionView>> positions() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void addListener(EngineListener listener) {
        }

        @Override
        public void removeListener(EngineListener listener) {
        }

        @Override
        public void subscribe(InstrumentId instrumentId, MarketDataType type) {
            subscriptions.add(instrumentId + "/" + type);
        }

        @Override
        public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
            subscriptions.remove(instrumentId + "/" + type);
        }

        @Override
        public Optional<Instrument> instrument(InstrumentId instrumentId) {
            return Optional.of(AAPL);
        }

        @Override
        public CompletionStage<String> stateHash() {
            return CompletableFuture.completedFuture("");
        }
    }
}

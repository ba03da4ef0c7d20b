package io.alphintra.engine.internal.strategy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.instrument.TradingCalendar;
import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.EngineListener;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.MarketLine;
import io.alphintra.engine.OrderPage;
import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.PositionView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.engine.internal.core.InstrumentKeyed;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.Bar;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.BarType;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.CashBalance;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyContext;
import io.alphintra.sdk.strategy.StrategyFactory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
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
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private StrategyHost host;

    @BeforeEach
    void start() {
        System.setProperty("karaf.home", home.toString());
        host = new StrategyHost(engine, engine::send);
        host.setStrategyAudit((instanceId, reason, epochNanos) -> audited.add(instanceId + ": " + reason));
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
    void theExecutionThrottleDisablesAStrategyWithOneFillTooManyInItsWindowUntilStartedAgain() {
        host.addStrategyFactory(factory("buyer", config -> new Buyer()));
        StrategySettings base = settings("fills-1", "buyer", 50, 1000);
        host.configure(new StrategySettings(base.config(), true, 50, 1000, 1024, 1000, 1, 3, 60_000));
        host.configure(new StrategySettings(settings("slow-fills-1", "buyer", 50, 1000).config(), true, 50, 1000, 1024,
                1000, 1, 3, 60_000));
        await("both run", () -> engine.submitted.size() == 2);
        long second = 1_000_000_000L;

        for (int i = 0; i < 3; i++) {
            host.onReport(fill(i, i * second), "test", "fills-1");
            host.onReport(fill(i, i * 61 * second), "test", "slow-fills-1");
        }
        assertThat(state("fills-1")).as("three fills are within its limit").isEqualTo("RUNNING");
        host.onReport(fill(3, 3 * second), "test", "fills-1");
        host.onReport(fill(3, 3 * 61 * second), "test", "slow-fills-1");

        await("the fourth fill within a minute disables it", () -> state("fills-1").equals("QUARANTINED"));
        assertThat(reason("fills-1")).contains("execution throttle", "4 executions within 60000 ms",
                "limit of 3", "alphintra:strategies start fills-1");
        assertThat(state("slow-fills-1")).as("four fills over four minutes are not").isEqualTo("RUNNING");
    }

    @Test
    void aStrategyHandsItsMessageRateToTheEngineAndAThrottledReplaceIsToldNotThrown() {
        List<String> rates = new CopyOnWriteArrayList<>();
        host.deactivate();
        host = new StrategyHost(engine, new StrategyOrderPath() {
            @Override
            public void sendAsStrategy(OrderRequest order, String source) {
                engine.send(order, source);
            }

            @Override
            public void throttleStrategy(String source, int maxMessagesPerSecond) {
                rates.add(source + " " + maxMessagesPerSecond);
            }
        });
        host.setStrategyAudit((instanceId, reason, epochNanos) -> audited.add(instanceId + ": " + reason));
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        host.addStrategyFactory(factory("replacer", config -> new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                for (RejectReason reason : new RejectReason[] {RejectReason.THROTTLED, RejectReason.OTHER}) {
                    engine.replaceAnswer = ExecutionReport.builder().orderId("1").clientOrderId(ClientOrderId.of(
                            "r-1")).execId("E-" + reason).instrumentId(AAPL.id()).side(Side.BUY)
                            .execType(ExecType.REPLACE_REJECTED).status(OrderStatus.NEW).orderQuantity(10)
                            .leavesQuantity(10).rejectReason(reason).text("refused: " + reason)
                            .transactTimeNanos(1L).build();
                    try {
                        outcomes.add(context.replace(ClientOrderId.of("r-1"), 20, OrderRequest.NO_PRICE,
                                OrderRequest.NO_PRICE));
                    } catch (IllegalArgumentException e) {
                        outcomes.add(e.getMessage());
                    }
                }
            }
        }));
        host.configure(new StrategySettings(settings("replacer-1", "replacer", 50, 1000).config(), true, 50, 1000,
                1024, 1000, 1, 1000, 60_000, 7));

        await("both replaces are answered", () -> outcomes.size() == 2);
        assertThat(rates).containsExactly("strategy:replacer-1 7");
        assertThat(outcomes).containsExactly(ClientOrderId.of("r-1"),
                "replace of r-1 refused: refused: OTHER");
        assertThat(state("replacer-1")).as("a throttled replace is no fault of the strategy").isEqualTo("RUNNING");
    }

    private static ExecutionReport fill(int n, long atNanos) {
        return ExecutionReport.builder().orderId("1").clientOrderId(ClientOrderId.of("fill-" + n)).execId("F-" + n)
                .instrumentId(AAPL.id()).side(Side.BUY).execType(ExecType.TRADE).status(OrderStatus.PARTIALLY_FILLED)
                .orderQuantity(10).lastQuantity(1).lastPrice(15000).cumQuantity(1).leavesQuantity(9)
                .cumPriceQuantity(15000).liquidity(io.alphintra.sdk.order.Liquidity.MAKER)
                .fee(io.alphintra.sdk.money.Money.of(io.alphintra.sdk.money.Currency.of("USD"), 1, 2))
                .transactTimeNanos(atNanos).receiveTimeNanos(atNanos).build();
    }

    @Test
    void everyStrategyIsStoppedSayingWhyWhenTheEngineHalts() {
        host.addStrategyFactory(factory("buyer", config -> new Buyer()));
        host.configure(settings("buyer-1", "buyer", 50, 1000));
        host.configure(settings("buyer-2", "buyer", 50, 1000));
        await("both run", () -> engine.submitted.size() == 2);

        engine.halted = "the engine has halted: journal commit failed: No space left on device";

        await("both are stopped", () -> state("buyer-1").equals("STOPPED") && state("buyer-2").equals("STOPPED"));
        assertThat(reason("buyer-1")).contains("the engine halted", "No space left on device");
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
        await("the quarantine is audited", () -> !audited.isEmpty());
        assertThat(audited).singleElement().satisfies(record -> assertThat(record)
                .startsWith("bad-1: onTrade threw").contains("bug in strategy"));
        assertThat(view("bad-1").since()).isNotNull();
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

    /** Time a callback spends waiting for the engine's answer (a snapshot may pause it) is not the strategy's. */
    @Test
    void aCallbackWaitingLongerThanItsLimitForTheEngineIsNotQuarantined() throws Exception {
        engine.positionsDelayMillis = 800;
        CountDownLatch answered = new CountDownLatch(1);
        host.addStrategyFactory(factory("asker", config -> new Subscriber() {
            private StrategyContext context;

            @Override
            public void onStart(StrategyContext context) {
                super.onStart(context);
                this.context = context;
            }

            @Override
            public void onTrade(Trade trade) {
                context.positions();
                answered.countDown();
            }
        }));
        host.configure(settings("asker-1", "asker", 50, 300));
        await("subscribed", () -> engine.subscriptions.contains("AAPL@SIMX/TRADES"));

        host.onTrade(trade());

        assertThat(answered.await(10, TimeUnit.SECONDS)).as("the engine answered").isTrue();
        assertThat(state("asker-1")).isEqualTo("RUNNING");
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
        assertThat(engine.sources).as("one source string for all of an instance's orders, which the engine keeps"
                + " with each order and journals once").allSatisfy(source -> assertThat(source)
                .isEqualTo("strategy:flood-1").isSameAs(engine.sources.get(0)));
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

    /**
     * The probe that saw 985 of 1,000 trades waited for the venue's subscription, which the engine makes for its own
     * market watch before any strategy starts: the missing trades were published before the strategy subscribed.
     * From the strategy's subscription on, every trade arrives, once and in order.
     */
    @Test
    void tradesBeforeTheStrategySubscribedAreNotItsAndEveryLaterOneArrivesInOrder() throws Exception {
        CountDownLatch mayStart = new CountDownLatch(1);
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        List<Long> prices = new ArrayList<>();
        host.addStrategyFactory(factory("late", config -> new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                awaitLatch(mayStart);
                context.subscribe(AAPL.id(), MarketDataType.TRADES);
                subscribed.countDown();
            }

            @Override
            public void onTrade(Trade trade) {
                prices.add(trade.price());
            }

            @Override
            public void onExecution(ExecutionReport report) {
                drained.countDown();
            }
        }));
        host.configure(settings("late-1", "late", 50, 1000));
        ReusedTrade feed = new ReusedTrade();

        for (int i = 0; i < 15; i++) {
            host.onTrade(feed.at(i));
        }
        mayStart.countDown();
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).as("subscribed").isTrue();
        for (int i = 0; i < 1000; i++) {
            host.onTrade(feed.at(1000 + i));
        }
        drain("late-1", drained);

        assertThat(prices).containsExactlyElementsOf(LongStream.range(1000, 2000).boxed().toList());
        assertThat(state("late-1")).isEqualTo("RUNNING");
    }

    /**
     * The engine's own events carry its instrument key, by which the host remembers each instance's interest: an
     * instrument the instance does not trade must stay filtered out after its key was first seen, and one it trades
     * must come through.
     */
    @Test
    void engineKeyedTradesReachAnInstanceOnlyForTheInstrumentsItTrades() throws Exception {
        CountDownLatch drained = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();
        host.addStrategyFactory(factory("keyed", config -> new Subscriber() {
            @Override
            public void onTrade(Trade trade) {
                seen.add(trade.instrumentId() + ":" + trade.price());
            }

            @Override
            public void onExecution(ExecutionReport report) {
                drained.countDown();
            }
        }));
        host.configure(settings("keyed-1", "keyed", 50, 60_000));
        await("subscribed", () -> engine.subscriptions.contains("AAPL@SIMX/TRADES"));
        KeyedTrade other = new KeyedTrade(InstrumentId.of("MSFT", "SIMX"), 0);
        KeyedTrade traded = new KeyedTrade(AAPL.id(), 1);

        for (int i = 0; i < 3; i++) {
            host.onTrade(other.at(100 + i));
            host.onTrade(traded.at(200 + i));
        }
        host.onReport(marker(), "test", "keyed-1");

        assertThat(drained.await(10, TimeUnit.SECONDS)).as("drained").isTrue();
        assertThat(seen).containsExactly("AAPL@SIMX:200", "AAPL@SIMX:201", "AAPL@SIMX:202");
    }

    /** The engine may hand over one reused event object; the strategy must still see each event as it was. */
    @Test
    void eachTradeKeepsItsOwnValuesWhenTheEngineReusesItsEventObject() throws Exception {
        CountDownLatch allPublished = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();
        host.addStrategyFactory(factory("slow", config -> new Subscriber() {
            @Override
            public void onTrade(Trade trade) {
                awaitLatch(allPublished); // every trade is queued before the first is looked at
                seen.add(trade.price() + "x" + trade.quantity() + "@" + trade.eventTimeNanos());
            }

            @Override
            public void onExecution(ExecutionReport report) {
                drained.countDown();
            }
        }));
        host.configure(settings("slow-1", "slow", 50, 60_000));
        await("subscribed", () -> engine.subscriptions.contains("AAPL@SIMX/TRADES"));
        ReusedTrade feed = new ReusedTrade();

        for (int i = 0; i < 100; i++) {
            host.onTrade(feed.at(15000 + i));
        }
        host.onReport(marker(), "test", "slow-1");
        allPublished.countDown();

        assertThat(drained.await(10, TimeUnit.SECONDS)).as("drained").isTrue();
        assertThat(seen).containsExactlyElementsOf(LongStream.range(0, 100)
                .mapToObj(i -> (15000 + i) + "x" + (1 + i) + "@" + (2 * (15000 + i))).toList());
    }

    @Test
    void strategyThatDoesNotKeepUpIsQuarantinedNotSilentlySkipped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        host.addStrategyFactory(factory("stuck", config -> new Subscriber() {
            @Override
            public void onTrade(Trade trade) {
                awaitLatch(release);
            }
        }));
        host.configure(settings("stuck-1", "stuck", 50, 60_000, 16));
        await("subscribed", () -> engine.subscriptions.contains("AAPL@SIMX/TRADES"));

        // At most one of them is taken off the queue (the one the strategy is stuck in); 16 may wait.
        for (int i = 0; i < 18; i++) {
            host.onTrade(trade());
        }

        assertThat(state("stuck-1")).isEqualTo("QUARANTINED");
        assertThat(reason("stuck-1")).isEqualTo("it does not keep up: 16 events are waiting for it");
        release.countDown();
        await("the quarantine is audited", () -> !audited.isEmpty());
        assertThat(audited).containsExactly("stuck-1: it does not keep up: 16 events are waiting for it");
        await("its subscription is given back", engine.subscriptions::isEmpty);
    }

    @Test
    void barsAreBuiltFromTheTradesAndDeliveredThroughOnBar() throws Exception {
        BarSpec threeTrades = new BarSpec(BarType.TICK, 3);
        CountDownLatch drained = new CountDownLatch(1);
        List<BarRecord> bars = new ArrayList<>();
        AtomicInteger trades = new AtomicInteger();
        List<String> engineSubscriptionsWhileSubscribed = new ArrayList<>();
        host.addStrategyFactory(factory("bars", config -> new Strategy() {
            private StrategyContext context;

            @Override
            public void onStart(StrategyContext context) {
                this.context = context;
                context.subscribeBars(AAPL.id(), threeTrades);
                context.subscribeBars(AAPL.id(), threeTrades);
                context.subscribe(AAPL.id(), MarketDataType.TOP_OF_BOOK);
                engineSubscriptionsWhileSubscribed.addAll(engine.subscriptions);
            }

            @Override
            public void onTrade(Trade trade) {
                trades.incrementAndGet();
            }

            @Override
            public void onBar(Bar bar) {
                bars.add(bar.toRecord());
            }

            @Override
            public void onExecution(ExecutionReport report) {
                context.unsubscribeBars(AAPL.id(), threeTrades);
                drained.countDown();
            }
        }));
        host.configure(settings("bars-1", "bars", 50, 1000));
        await("subscribed", () -> engine.subscriptions.size() == 2);

        long[] prices = {100, 105, 98, 101, 110, 99, 120};
        for (int i = 0; i < prices.length; i++) {
            host.onTrade(new TradeRecord(AAPL.id(), prices[i], 10, AggressorSide.BUYER, 1_000 + i, 1_000 + i));
        }
        drain("bars-1", drained);

        assertThat(bars).containsExactly(
                new BarRecord(AAPL.id(), threeTrades, 100, 105, 98, 98, 30, 1_000, 1_003),
                new BarRecord(AAPL.id(), threeTrades, 101, 110, 99, 99, 30, 1_003, 1_006));
        assertThat(trades).as("onTrade without a TRADES subscription").hasValue(0);
        assertThat(engineSubscriptionsWhileSubscribed)
                .containsExactlyInAnyOrder("AAPL@SIMX/TRADES", "AAPL@SIMX/TOP_OF_BOOK");
        assertThat(engine.subscriptions).containsExactly("AAPL@SIMX/TOP_OF_BOOK");
    }

    @Test
    void timeBarsFollowTheTradingDayOfTheInstrumentsVenue() throws Exception {
        engine.venueCalendar = TradingCalendar.alwaysOpen(ZoneId.of("Asia/Tokyo"));
        BarSpec daily = BarSpec.time(Duration.ofDays(1));
        CountDownLatch drained = new CountDownLatch(1);
        List<BarRecord> bars = new ArrayList<>();
        host.addStrategyFactory(factory("daily", config -> new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.subscribeBars(AAPL.id(), daily);
            }

            @Override
            public void onBar(Bar bar) {
                bars.add(bar.toRecord());
            }

            @Override
            public void onExecution(ExecutionReport report) {
                drained.countDown();
            }
        }));
        host.configure(settings("daily-1", "daily", 50, 1000));
        await("subscribed", () -> engine.subscriptions.size() == 1);

        // One UTC day, two Tokyo days: Tokyo's midnight is 15:00 UTC.
        long beforeTokyoMidnight = Instant.parse("2026-11-25T14:30:00Z").toEpochMilli() * 1_000_000;
        long afterTokyoMidnight = Instant.parse("2026-11-25T15:30:00Z").toEpochMilli() * 1_000_000;
        host.onTrade(new TradeRecord(AAPL.id(), 100, 10, AggressorSide.BUYER, beforeTokyoMidnight,
                beforeTokyoMidnight));
        host.onTrade(new TradeRecord(AAPL.id(), 101, 5, AggressorSide.BUYER, afterTokyoMidnight, afterTokyoMidnight));
        drain("daily-1", drained);

        assertThat(bars).as("the Tokyo day of the first trade closed when the next day's first trade came")
                .singleElement().satisfies(bar -> {
                    assertThat(bar.close()).isEqualTo(100);
                    assertThat(bar.volume()).isEqualTo(10);
                });
    }

    @Test
    void topOfBookAnswersTheLatestTopDeliveredToTheStrategy() throws Exception {
        CountDownLatch drained = new CountDownLatch(1);
        CompletableFuture<Optional<TopOfBookRecord>> answer = new CompletableFuture<>();
        host.addStrategyFactory(factory("quotes", config -> new Strategy() {
            private StrategyContext context;

            @Override
            public void onStart(StrategyContext context) {
                this.context = context;
                context.subscribe(AAPL.id(), MarketDataType.TOP_OF_BOOK);
            }

            @Override
            public void onExecution(ExecutionReport report) {
                answer.complete(context.topOfBook(AAPL.id()));
                drained.countDown();
            }
        }));
        host.configure(settings("quotes-1", "quotes", 50, 1000));
        await("subscribed", () -> engine.subscriptions.size() == 1);

        host.onTopOfBook(new TopOfBookRecord(AAPL.id(), 14990, 5, 15010, 7, 1, 2));
        host.onTopOfBook(new TopOfBookRecord(AAPL.id(), 14995, 3, 15005, 4, 3, 4));
        drain("quotes-1", drained);

        assertThat(answer.join()).contains(new TopOfBookRecord(AAPL.id(), 14995, 3, 15005, 4, 3, 4));
    }

    @Test
    void accountIsTheEnginesSnapshotOfTheInstancesAccount() {
        AccountSnapshot booked = new AccountSnapshot("ACC-1", Currency.USD, Map.of(Currency.USD,
                new CashBalance(Money.ofMinor(Currency.USD, 100_000), Money.ofMinor(Currency.USD, 90_000))),
                List.of(), 42);
        List<String> asked = new CopyOnWriteArrayList<>();
        host.setAccountSource(accountId -> {
            asked.add(accountId);
            return CompletableFuture.completedFuture(booked);
        });
        CompletableFuture<AccountSnapshot> seen = new CompletableFuture<>();
        host.addStrategyFactory(factory("accountant", config -> context -> seen.complete(context.account())));
        host.configure(settings("acc-1", "accountant", 50, 1000));

        assertThat(seen.join()).isSameAs(booked);
        assertThat(asked).containsExactly("ACC-1");
    }

    @Test
    void accountFailsClearlyWhileTheEngineProvidesNoSnapshots() {
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        host.addStrategyFactory(factory("accountant", config -> context -> {
            try {
                context.account();
            } catch (RuntimeException e) {
                refusal.complete(e);
            }
        }));
        host.configure(settings("acc-1", "accountant", 50, 1000));

        assertThat(refusal.join()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no AccountSource");
    }

    /**
     * A quarantined strategy whose callback spins on, clearing every interrupt, and a thread it started itself with
     * its context: neither gets one more request to the engine, whatever they try, while the spinning thread lives.
     */
    @Test
    void aQuarantinedStrategySpinningPastTheInterruptGetsNothingMoreIntoTheEngine() throws Exception {
        Spinner spinner = new Spinner();
        host.addStrategyFactory(factory("spinner", config -> spinner));
        host.configure(settings("spin-1", "spinner", 100_000, 200));
        await("subscribed", () -> engine.subscriptions.contains("AAPL@SIMX/TRADES"));

        host.onTrade(trade());

        await("the spinner is quarantined by the watchdog", () -> state("spin-1").equals("QUARANTINED"));
        await("the quarantine is announced", () -> !audited.isEmpty());
        await("its working order is swept", () -> engine.cancelled.size() == 1);
        spinner.attack = true;
        await("both threads met many refusals", () -> spinner.refusals.get() > 2_000
                && spinner.helperRefusals.get() > 2_000);
        Thread.sleep(300);

        try {
            assertThat(reason("spin-1")).contains("onTrade has been running for");
            assertThat(spinner.interruptsIgnored).as("the spinner was interrupted and went on").isPositive();
            assertThat(spinner.thread.isAlive()).as("the spinning thread lives").isTrue();
            assertThat(engine.submitted).as("orders that reached the engine").hasSize(1);
            assertThat(engine.cancelled).containsExactly(engine.submitted.get(0).clientOrderId());
            assertThat(engine.cancelSources).as("only the host's sweep cancelled").containsExactly(
                    "strategy-host:spin-1");
            assertThat(engine.replaced).isEmpty();
            assertThat(engine.subscriptions).as("subscriptions given back, none taken again").isEmpty();
            assertThat(spinner.timersFired).as("no timer of the quarantined instance fired").hasValue(0);
            assertThat(spinner.refusalMessages).isNotEmpty().allSatisfy(message -> assertThat(message).startsWith(
                    "strategy spin-1: its context was revoked when it was quarantined: onTrade has been running"));
            assertThat(spinner.helperMessage).contains("strategy spin-1").contains("from its callbacks");
            assertThat(view("spin-1").ordersSent()).isEqualTo(1);
        } finally {
            spinner.release = true;
        }
        await("the spinner ended", () -> !spinner.thread.isAlive());
    }

    /** Removing the instance (or stopping it) revokes its context at once, though its callback never returns. */
    @Test
    void aRemovedStrategySpinningPastTheInterruptGetsNothingMoreIntoTheEngineAndItsOrdersAreSwept()
            throws Exception {
        Spinner spinner = new Spinner();
        host.addStrategyFactory(factory("spinner", config -> spinner));
        host.configure(settings("spin-2", "spinner", 100_000, 200));
        await("subscribed", () -> engine.subscriptions.contains("AAPL@SIMX/TRADES"));
        host.onTrade(trade());
        await("its order is working", () -> engine.submitted.size() == 1);

        host.unconfigure("spin-2");
        spinner.attack = true;

        try {
            await("many refusals", () -> spinner.refusals.get() > 2_000);
            await("the watchdog swept its order though it is no longer configured",
                    () -> engine.cancelled.size() == 1);
            Thread.sleep(300);
            assertThat(engine.submitted).hasSize(1);
            assertThat(engine.replaced).isEmpty();
            assertThat(engine.subscriptions).isEmpty();
            assertThat(spinner.refusalMessages).containsExactly(
                    "strategy spin-2: its context was revoked when it stopped: its configuration was removed");
            assertThat(spinner.thread.isAlive()).isTrue();
        } finally {
            spinner.release = true;
        }
    }

    /**
     * A request already being handed over when the instance is quarantined (here held by a full engine ring) still
     * arrives; the quarantine is announced, and the sweep made, only after it, so the sweep cancels it too, and
     * nothing follows it.
     */
    @Test
    void aRequestOnItsWayWhenTheInstanceIsQuarantinedArrivesBeforeTheAnnouncementAndIsSwept() throws Exception {
        CountDownLatch ring = new CountDownLatch(1);
        engine.holdSubmissions = ring;
        CompletableFuture<Throwable> secondOrder = new CompletableFuture<>();
        host.setStrategyAudit((instanceId, reason, epochNanos) -> engine.events.add("audited " + instanceId));
        host.addStrategyFactory(factory("held", config -> new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.subscribe(AAPL.id(), MarketDataType.TRADES);
                context.submit(OrderRequest.limit(ClientOrderId.of("held-1"), AAPL, Side.BUY, 1, 15000,
                        TimeInForce.DAY, context.attribution()));
                try {
                    context.submit(OrderRequest.limit(ClientOrderId.of("held-2"), AAPL, Side.BUY, 1, 15000,
                            TimeInForce.DAY, context.attribution()));
                    secondOrder.complete(null);
                } catch (RuntimeException e) {
                    secondOrder.complete(e);
                }
            }
        }));
        host.configure(settings("held-1", "held", 50, 60_000, 16));
        assertThat(engine.submissionHeld.await(10, TimeUnit.SECONDS)).as("the first order is on its way").isTrue();

        for (int i = 0; i < 18; i++) {
            host.onTrade(trade());
        }
        assertThat(state("held-1")).isEqualTo("QUARANTINED");
        Thread.sleep(300);
        assertThat(engine.events).as("nothing announced while a request is on its way").isEmpty();
        assertThat(engine.cancelled).isEmpty();

        ring.countDown();

        await("the sweep", () -> engine.cancelled.size() == 1);
        assertThat(engine.events).containsExactly("submitted held-1", "audited held-1");
        assertThat(engine.cancelled).containsExactly(ClientOrderId.of("held-1"));
        assertThat(secondOrder.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("strategy held-1: its context was revoked when it was quarantined: it does"
                        + " not keep up");
        assertThat(engine.submitted).extracting(OrderRequest::clientOrderId)
                .containsExactly(ClientOrderId.of("held-1"));
    }

    /** One runner per instance: no second one while the thread of the first lives, whoever asks. */
    @Test
    void aStartWhileTheThreadOfThePreviousRunLivesIsRefusedAndSucceedsOnceItEnded() {
        AtomicInteger created = new AtomicInteger();
        List<Spinner> spinners = new CopyOnWriteArrayList<>();
        host.addStrategyFactory(factory("spinner", config -> {
            created.incrementAndGet();
            Spinner spinner = new Spinner();
            spinners.add(spinner);
            return spinner;
        }));
        host.configure(settings("stuck-2", "spinner", 100_000, 200));
        await("subscribed", () -> engine.subscriptions.contains("AAPL@SIMX/TRADES"));
        host.onTrade(trade());
        await("quarantined", () -> state("stuck-2").equals("QUARANTINED"));
        Spinner first = spinners.get(0);

        try {
            String answer = host.start("stuck-2");

            assertThat(answer).contains("Strategy stuck-2 is not started", "'alphintra-strategy-stuck-2'",
                    "is still alive", "QUARANTINED", "once that thread has ended");
            assertThat(state("stuck-2")).isEqualTo("QUARANTINED");
            assertThat(created).as("strategies created").hasValue(1);

            host.configure(settings("stuck-2", "spinner", 99_999, 200));
            assertThat(created).as("a new configuration starts no second runner either").hasValue(1);
            assertThat(host.start("stuck-2")).contains("Strategy stuck-2 is not started");
        } finally {
            first.release = true;
        }
        await("the first thread ended", () -> !first.thread.isAlive());

        assertThat(host.start("stuck-2")).isEqualTo("stuck-2 started");
        assertThat(created).hasValue(2);
        assertThat(state("stuck-2")).isEqualTo("RUNNING");
        await("the new run subscribed", () -> engine.subscriptions.contains("AAPL@SIMX/TRADES"));
    }

    @Test
    void timersAreBoundedPerInstanceAndAShortDelayIsLengthenedToTheShortestTimer() throws Exception {
        CompletableFuture<List<String>> answers = new CompletableFuture<>();
        CompletableFuture<Long> firedAfterNanos = new CompletableFuture<>();
        host.addStrategyFactory(factory("timers", config -> new Strategy() {
            private long scheduledAt;
            private long quick;

            @Override
            public void onStart(StrategyContext context) {
                List<String> seen = new ArrayList<>();
                long first = context.scheduleTimer(TimeUnit.HOURS.toNanos(1));
                context.scheduleRepeatingTimer(TimeUnit.HOURS.toNanos(1), TimeUnit.HOURS.toNanos(1));
                context.scheduleTimer(TimeUnit.HOURS.toNanos(1));
                for (int i = 0; i < 3; i++) {
                    seen.add(refusal(() -> context.scheduleTimer(TimeUnit.HOURS.toNanos(1))));
                }
                seen.add(refusal(() -> context.scheduleRepeatingTimer(TimeUnit.HOURS.toNanos(1),
                        TimeUnit.HOURS.toNanos(1))));
                seen.add(refusal(() -> context.scheduleTimer(-1)));
                seen.add("cancelled: " + context.cancelTimer(first) + ", again: " + context.cancelTimer(first));
                seen.add(refusal(() -> context.scheduleRepeatingTimer(0, TimeUnit.MILLISECONDS.toNanos(49))));
                scheduledAt = System.nanoTime();
                quick = context.scheduleTimer(0);
                answers.complete(seen);
            }

            @Override
            public void onTimer(long timerId, long nowNanos) {
                if (timerId == quick) {
                    firedAfterNanos.complete(System.nanoTime() - scheduledAt);
                }
            }
        }));
        host.configure(timerSettings("timers-1", "timers", 3, 50));

        List<String> seen = answers.get(10, TimeUnit.SECONDS);
        assertThat(seen.subList(0, 3)).allSatisfy(refusal -> assertThat(refusal).isEqualTo(
                "IllegalStateException: strategy timers-1: scheduleTimer refused: 3 timers are pending, the most it"
                        + " may have (maxPendingTimers); cancel one or let one fire first"));
        assertThat(seen.get(3)).isEqualTo("IllegalStateException: strategy timers-1: scheduleRepeatingTimer refused:"
                + " 3 timers are pending, the most it may have (maxPendingTimers); cancel one or let one fire first");
        assertThat(seen.get(4)).isEqualTo("IllegalArgumentException: delayNanos = -1: a timer cannot fire in the"
                + " past");
        assertThat(seen.get(5)).isEqualTo("cancelled: true, again: false");
        assertThat(seen.get(6)).isEqualTo("IllegalArgumentException: periodNanos = 49000000: shorter than the"
                + " shortest timer period of strategy timers-1, 50 ms (minTimerMillis)");
        assertThat(firedAfterNanos.get(10, TimeUnit.SECONDS)).as("a zero delay waits the shortest timer")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(state("timers-1")).as("a refused timer does not quarantine").isEqualTo("RUNNING");
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
            return "accepted";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Sends one order on its first trade, then spins in that callback, clearing every interrupt, until released;
     * once told to attack, it and a thread it started with its context try every request the context has.
     */
    private static final class Spinner extends Subscriber {
        volatile boolean attack;
        volatile boolean release;
        volatile Thread thread;
        volatile int interruptsIgnored;
        volatile String helperMessage;
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger helperRefusals = new AtomicInteger();
        final AtomicInteger timersFired = new AtomicInteger();
        final List<String> refusalMessages = new CopyOnWriteArrayList<>();
        private StrategyContext context;

        @Override
        public void onStart(StrategyContext context) {
            super.onStart(context);
            this.context = context;
            thread = Thread.currentThread();
            Thread helper = new Thread(() -> {
                while (!release) {
                    if (attack) {
                        try {
                            context.submit(order());
                        } catch (RuntimeException e) {
                            helperMessage = e.getMessage();
                            helperRefusals.incrementAndGet();
                        }
                    } else {
                        Thread.onSpinWait();
                    }
                }
            }, "spinner-helper");
            helper.setDaemon(true);
            helper.start();
        }

        @Override
        public void onTrade(Trade trade) {
            context.submit(order());
            while (!release) {
                if (Thread.interrupted()) {
                    interruptsIgnored++;
                }
                if (attack) {
                    attempt(() -> context.submit(order()));
                    attempt(() -> context.cancel(ClientOrderId.of("anything")));
                    attempt(() -> context.replace(ClientOrderId.of("anything"), 2, 15000, OrderRequest.NO_PRICE));
                    attempt(context::cancelAll);
                    attempt(() -> context.scheduleTimer(0));
                    attempt(() -> context.scheduleRepeatingTimer(0, TimeUnit.MILLISECONDS.toNanos(1)));
                    attempt(() -> context.subscribe(AAPL.id(), MarketDataType.TOP_OF_BOOK));
                    attempt(() -> context.subscribeBars(AAPL.id(), new BarSpec(BarType.TICK, 2)));
                }
            }
        }

        @Override
        public void onTimer(long timerId, long nowNanos) {
            timersFired.incrementAndGet();
        }

        private void attempt(Runnable request) {
            try {
                request.run();
            } catch (RuntimeException e) {
                refusals.incrementAndGet();
                if (refusalMessages.size() < 8 && !refusalMessages.contains(e.getMessage())) {
                    refusalMessages.add(e.getMessage());
                }
            }
        }

        private OrderRequest order() {
            return OrderRequest.limit(context.nextClientOrderId(), AAPL, Side.BUY, 1, 15000, TimeInForce.DAY,
                    context.attribution());
        }
    }

    /** The engine thread's side and the strategy thread's side of market data delivery, after warm-up. */
    @Test
    void deliveringMarketDataAllocatesNothingOnEitherThread() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        int events = 100_000;
        AtomicLong strategyThread = new AtomicLong();
        AtomicLong priceSum = new AtomicLong();
        CountDownLatch[] drained = new CountDownLatch[1];
        host.addStrategyFactory(factory("summing", config -> new Strategy() {
            private long sum;

            @Override
            public void onStart(StrategyContext context) {
                strategyThread.set(Thread.currentThread().getId());
                context.subscribe(AAPL.id(), MarketDataType.TRADES);
                context.subscribe(AAPL.id(), MarketDataType.TOP_OF_BOOK);
            }

            @Override
            public void onTrade(Trade trade) {
                sum += trade.price();
            }

            @Override
            public void onTopOfBook(TopOfBook top) {
                sum += top.bidPrice();
            }

            @Override
            public void onExecution(ExecutionReport report) {
                priceSum.set(sum);
                drained[0].countDown();
            }
        }));
        // Room for a whole round and the previous round's marker, which the strategy frees just after counting down.
        host.configure(settings("sum-1", "summing", 50, 60_000, 2 * events + 2));
        await("subscribed", () -> engine.subscriptions.size() == 2);
        ReusedTrade trade = new ReusedTrade();
        TopOfBookRecord top = new TopOfBookRecord(AAPL.id(), 1, 1, 2, 1, 0, 0);
        ExecutionReport marker = marker();

        long strategyBytes = 0;
        long engineBytes = 0;
        for (int round = 0; round < 6; round++) {
            drained[0] = new CountDownLatch(1);
            long strategyBefore = threads.getThreadAllocatedBytes(strategyThread.get());
            long engineBefore = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < events; i++) {
                host.onTrade(trade.at(i));
                host.onTopOfBook(top);
            }
            host.onReport(marker, "test", "sum-1");
            engineBytes = threads.getCurrentThreadAllocatedBytes() - engineBefore;
            assertThat(drained[0].await(30, TimeUnit.SECONDS)).as(() -> "drained; " + view("sum-1")).isTrue();
            strategyBytes = threads.getThreadAllocatedBytes(strategyThread.get()) - strategyBefore;
        }

        assertThat(priceSum.get()).isEqualTo(6L * (events * (events - 1L) / 2 + events));
        // 2 × 100,000 events at the smallest object (16 bytes) would be 3.2 MB; a late recompilation charges bytes.
        assertThat(engineBytes).as("bytes allocated by the engine thread's side").isLessThan(4096);
        assertThat(strategyBytes).as("bytes allocated by the strategy thread").isLessThan(4096);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends a report behind everything published so far, through the same queue: once the strategy counted
     * {@code drained} down on it, it has had all the rest.
     */
    private void drain(String instanceId, CountDownLatch drained) throws InterruptedException {
        host.onReport(marker(), "test", instanceId);
        assertThat(drained.await(10, TimeUnit.SECONDS)).as("the strategy received the marker").isTrue();
    }

    private static ExecutionReport marker() {
        return ExecutionReport.builder().orderId("1").clientOrderId(ClientOrderId.of("marker")).execId("E-1")
                .instrumentId(AAPL.id()).side(Side.BUY).execType(ExecType.NEW).status(OrderStatus.NEW)
                .orderQuantity(1).leavesQuantity(1).build();
    }

    /** A trade as the engine hands its own over: with the engine's key of the instrument. */
    private static final class KeyedTrade implements Trade, InstrumentKeyed {
        private final InstrumentId instrumentId;
        private final int key;
        private long price;

        KeyedTrade(InstrumentId instrumentId, int key) {
            this.instrumentId = instrumentId;
            this.key = key;
        }

        KeyedTrade at(long price) {
            this.price = price;
            return this;
        }

        @Override
        public int instrumentKey() {
            return key;
        }

        @Override
        public InstrumentId instrumentId() {
            return instrumentId;
        }

        @Override
        public long price() {
            return price;
        }

        @Override
        public long quantity() {
            return 1;
        }

        @Override
        public AggressorSide aggressor() {
            return AggressorSide.BUYER;
        }

        @Override
        public long eventTimeNanos() {
            return price;
        }

        @Override
        public long receiveTimeNanos() {
            return price;
        }
    }

    /** One event object the engine fills again for every trade, as an allocation-free feed does. */
    private static final class ReusedTrade implements Trade {
        private long price;

        ReusedTrade at(long price) {
            this.price = price;
            return this;
        }

        @Override
        public InstrumentId instrumentId() {
            return AAPL.id();
        }

        @Override
        public long price() {
            return price;
        }

        @Override
        public long quantity() {
            return 1 + price % 15000;
        }

        @Override
        public AggressorSide aggressor() {
            return AggressorSide.SELLER;
        }

        @Override
        public long eventTimeNanos() {
            return 2 * price;
        }

        @Override
        public long receiveTimeNanos() {
            return 3 * price;
        }
    }

    private StrategyHost.InstanceView view(String id) {
        return host.instances().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    private String state(String id) {
        return view(id).state();
    }

    private String reason(String id) {
        return view(id).reason();
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
        return settings(id, type, maxOrdersPerSecond, maxCallbackMillis, 1024);
    }

    private static StrategySettings settings(String id, String type, int maxOrdersPerSecond, int maxCallbackMillis,
                                             int queueCapacity) {
        StrategyConfig config = new StrategyConfig(id, type, List.of(AAPL.id()),
                new Attribution(id, "alice", "ACC-1", "algo", "house"), Map.of());
        return new StrategySettings(config, true, maxOrdersPerSecond, maxCallbackMillis, queueCapacity);
    }

    private static StrategySettings timerSettings(String id, String type, int maxPendingTimers, int minTimerMillis) {
        StrategySettings base = settings(id, type, 50, 60_000);
        return new StrategySettings(base.config(), true, 50, 60_000, 1024, maxPendingTimers, minTimerMillis);
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
        final List<String> cancelSources = new CopyOnWriteArrayList<>();
        final List<ClientOrderId> replaced = new CopyOnWriteArrayList<>();
        final List<String> subscriptions = new CopyOnWriteArrayList<>();
        /** What happened, in order, where a test needs the order of the engine's and the host's doings. */
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile TradingCalendar venueCalendar = TradingCalendar.alwaysOpen(ZoneOffset.UTC);
        volatile long positionsDelayMillis;
        /** While set, a submission is held inside the hand-over, as a full engine ring holds it. */
        volatile CountDownLatch holdSubmissions;
        /** Why the engine halted, once a test halts it. */
        volatile String halted;
        /** The answer to a replace, once a test sets one; none otherwise (the replace is still on its way). */
        volatile ExecutionReport replaceAnswer;

        @Override
        public Optional<String> haltReason() {
            return Optional.ofNullable(halted);
        }
        final CountDownLatch submissionHeld = new CountDownLatch(1);

        @Override
        public CompletionStage<ExecutionReport> submit(OrderRequest order, String source) {
            submitted.add(order);
            sources.add(source);
            CountDownLatch hold = holdSubmissions;
            if (hold != null) {
                submissionHeld.countDown();
                awaitLatch(hold);
            }
            events.add("submitted " + order.clientOrderId());
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<ExecutionReport> cancel(ClientOrderId clientOrderId, String source) {
            cancelled.add(clientOrderId);
            cancelSources.add(source);
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<ExecutionReport> replace(ClientOrderId clientOrderId, long newQuantity,
                                                        long newLimitPrice, long newStopPrice, String source) {
            replaced.add(clientOrderId);
            ExecutionReport answer = replaceAnswer;
            return answer != null ? CompletableFuture.completedFuture(answer) : new CompletableFuture<>();
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

        /** The engine's page of a strategy's working orders: every order stays working here, and one page holds all. */
        @Override
        public CompletionStage<OrderPage> orders(OrderQuery query) {
            return orders().thenApply(views -> new OrderPage(views.stream()
                    .filter(view -> query.strategyId() == null || query.strategyId().equals(view.strategyId()))
                    .toList(), null));
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
            return CompletableFuture.supplyAsync(() -> List.of(),
                    CompletableFuture.delayedExecutor(positionsDelayMillis, TimeUnit.MILLISECONDS));
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
        public Optional<Venue> venue(String venueId) {
            return Optional.of(new Venue(venueId, "Test venue", Jurisdiction.US, Currency.of("USD"), venueCalendar));
        }

        @Override
        public CompletionStage<String> stateHash() {
            return CompletableFuture.completedFuture("");
        }

        @Override
        public CompletionStage<Integer> engageKillSwitch(io.alphintra.engine.KillScope scope, String who,
                                                         String reason) {
            throw new UnsupportedOperationException("the strategy host never engages a kill switch");
        }

        @Override
        public CompletionStage<Boolean> resetKillSwitch(io.alphintra.engine.KillScope scope, String who) {
            throw new UnsupportedOperationException("the strategy host never resets a kill switch");
        }

        @Override
        public CompletionStage<List<io.alphintra.engine.KillSwitchState>> killSwitches() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<List<io.alphintra.engine.CreditUsage>> credit() {
            return CompletableFuture.completedFuture(List.of());
        }
    }
}

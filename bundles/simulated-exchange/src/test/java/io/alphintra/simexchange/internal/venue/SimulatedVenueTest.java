package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.BookSide;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.OrderBookDeltaRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;

/** The adapter end to end: host thread → ring → venue thread → books → listener. Manual clock, no sleeps. */
class SimulatedVenueTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Attribution ALICE = new Attribution("strat-a", "trader-a", "ACC-A", "desk-1", "client-1");
    private static final Attribution BOB = new Attribution("strat-b", "trader-b", "ACC-B", "desk-1", "client-1");

    private final RecordingListener host = new RecordingListener();
    private SimulatedVenue venue;
    private Instrument aapl;
    private Instrument msft;

    @AfterEach
    void stop() {
        if (venue != null) {
            venue.stop("test over");
        }
    }

    private void start(Map<String, Object> config) throws Exception {
        venue = SimulatedVenue.create(TestConfigs.settings(config));
        venue.start();
        venue.connect(host);
        host.awaitText("connected");
        List<Instrument> instruments = venue.instruments().toCompletableFuture().get(5, TimeUnit.SECONDS);
        aapl = instruments.get(0);
        msft = instruments.get(1);
    }

    private void start() throws Exception {
        start(TestConfigs.usVenue());
    }

    /** A barrier: returns once the venue thread has handled everything sent before it. */
    private void advance(long nanos) throws Exception {
        venue.advanceTime(nanos).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private void sync() throws Exception {
        advance(0);
    }

    private static ClientOrderId id(String value) {
        return ClientOrderId.of(value);
    }

    private OrderRequest limit(String id, Instrument instrument, Side side, long quantity, long price,
            TimeInForce tif, Attribution who) {
        return OrderRequest.limit(id(id), instrument, side, quantity, price, tif, who);
    }

    private List<ExecutionReport> reportsFor(String clientOrderId) {
        return host.reports().stream().filter(r -> r.clientOrderId().value().equals(clientOrderId)).toList();
    }

    private ExecutionReport last(String clientOrderId) {
        List<ExecutionReport> reports = reportsFor(clientOrderId);
        assertThat(reports).as("reports for " + clientOrderId).isNotEmpty();
        return reports.get(reports.size() - 1);
    }

    @Test
    void acceptsALimitOrderOnTheVenueThread() throws Exception {
        start();
        venue.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.DAY, ALICE));
        ExecutionReport report = host.awaitReport(r -> r.clientOrderId().value().equals("A1"));

        assertThat(report.execType()).isEqualTo(ExecType.NEW);
        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(report.venueOrderId()).startsWith("TEST_US-");
        assertThat(report.leavesQuantity()).isEqualTo(100);
        assertThat(report.transactTimeNanos()).isEqualTo(1_767_625_200L * SECOND);
        assertThat(host.callingThread[0].getName()).isEqualTo("alphintra-venue-TEST_US");
    }

    @Test
    void rejectsWithAReasonAndText() throws Exception {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("instruments", "AAPL start=190.00 ; MSFT start=410.00 tickTable=0.05 lot=10");
        start(config);
        // The host's reference data is stale: a finer grid than the venue's.
        Instrument staleMsft = new Equity(msft.id(), Currency.USD, Jurisdiction.US,
                new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
        Instrument tesla = new Equity(InstrumentId.of("TSLA", "TEST_US"), Currency.USD, Jurisdiction.US,
                aapl.grid());

        venue.submit(limit("P1", staleMsft, Side.BUY, 10, 41_001, TimeInForce.DAY, ALICE));
        venue.submit(limit("Q1", staleMsft, Side.BUY, 15, 41_000, TimeInForce.DAY, ALICE));
        venue.submit(limit("U1", tesla, Side.BUY, 1, 20_000, TimeInForce.DAY, ALICE));
        venue.submit(limit("D1", aapl, Side.BUY, 1, 18_000, TimeInForce.DAY, ALICE));
        venue.submit(limit("D1", aapl, Side.BUY, 2, 18_000, TimeInForce.DAY, ALICE));
        sync();

        assertRejected("P1", RejectReason.INVALID_PRICE, "not on the 0.05 tick grid of MSFT@TEST_US");
        assertRejected("Q1", RejectReason.INVALID_QUANTITY, "not a multiple of the lot size 10 of MSFT@TEST_US");
        assertRejected("U1", RejectReason.UNKNOWN_INSTRUMENT, "TSLA@TEST_US is not listed on TEST_US");
        List<ExecutionReport> duplicate = reportsFor("D1");
        assertThat(duplicate).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW, ExecType.REJECTED);
        assertThat(duplicate.get(1).rejectReason()).isEqualTo(RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(duplicate.get(1).orderQuantity()).isEqualTo(2);
        assertThat(venue.openOrders().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .extracting(OpenOrder::clientOrderId).containsExactly(id("D1"));
    }

    private void assertRejected(String clientOrderId, RejectReason reason, String text) {
        List<ExecutionReport> reports = reportsFor(clientOrderId);
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).execType()).isEqualTo(ExecType.REJECTED);
        assertThat(reports.get(0).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(reports.get(0).rejectReason()).isEqualTo(reason);
        assertThat(reports.get(0).text()).contains(text);
    }

    @Test
    void fillsPartlyThenFullyAgainstAnotherAccountWithFees() throws Exception {
        start();
        venue.subscribe(aapl.id(), MarketDataType.TRADES);
        venue.submit(limit("S1", aapl, Side.SELL, 100, 19_000, TimeInForce.GTC, ALICE));
        venue.submit(limit("B1", aapl, Side.BUY, 60, 19_000, TimeInForce.DAY, BOB));
        venue.submit(limit("B2", aapl, Side.BUY, 40, 19_100, TimeInForce.DAY, BOB));
        sync();

        List<ExecutionReport> seller = reportsFor("S1");
        assertThat(seller).extracting(ExecutionReport::execType)
                .containsExactly(ExecType.NEW, ExecType.TRADE, ExecType.TRADE);
        ExecutionReport partial = seller.get(1);
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partial.lastQuantity()).isEqualTo(60);
        assertThat(partial.leavesQuantity()).isEqualTo(40);
        assertThat(partial.liquidity()).isEqualTo(Liquidity.MAKER);
        // 190.00 × 60 = 11,400.00 USD; maker 1 bp = 1.14 USD.
        assertThat(partial.fee()).isEqualTo(Money.of(Currency.USD, 114, 2));
        ExecutionReport full = seller.get(2);
        assertThat(full.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(full.cumQuantity()).isEqualTo(100);
        assertThat(full.averagePrice(RoundingMode.UNNECESSARY)).hasValue(19_000);

        ExecutionReport taker = last("B1");
        assertThat(taker.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(taker.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(taker.fee()).isEqualTo(Money.of(Currency.USD, 228, 2));
        ExecutionReport improved = last("B2");
        assertThat(improved.lastPrice()).as("trades at the resting order's price").isEqualTo(19_000);

        assertThat(host.trades()).extracting(t -> t.quantity()).containsExactly(60L, 40L);
        assertThat(host.trades()).allSatisfy(t -> {
            assertThat(t.aggressor()).isEqualTo(AggressorSide.BUYER);
            assertThat(t.price()).isEqualTo(19_000);
        });
        assertThat(venue.openOrders().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void preventsSelfTradesWithinOneAccount() throws Exception {
        start();
        venue.submit(limit("S1", aapl, Side.SELL, 100, 19_000, TimeInForce.GTC, ALICE));
        venue.submit(limit("B1", aapl, Side.BUY, 100, 19_000, TimeInForce.DAY, ALICE));
        sync();

        ExecutionReport cancelled = last("S1");
        assertThat(cancelled.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(cancelled.text()).contains("self-trade prevention");
        assertThat(last("B1").execType()).isEqualTo(ExecType.NEW);
        assertThat(host.reports()).noneMatch(r -> r.execType() == ExecType.TRADE);
    }

    @Test
    void cancelsAndRejectsCancelsOfUnknownOrFinishedOrders() throws Exception {
        start();
        venue.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.DAY, ALICE));
        venue.cancel(new CancelRequest(id("C1"), id("A1"), aapl.id(), Side.BUY, null, ALICE));
        venue.cancel(new CancelRequest(id("C2"), id("A1"), aapl.id(), Side.BUY, null, ALICE));
        venue.cancel(new CancelRequest(id("C3"), id("NOPE"), aapl.id(), Side.BUY, null, ALICE));
        sync();

        ExecutionReport cancelled = last("C1");
        assertThat(cancelled.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(cancelled.originalClientOrderId()).isEqualTo(id("A1"));
        assertThat(cancelled.leavesQuantity()).isZero();

        ExecutionReport tooLate = last("C2");
        assertThat(tooLate.execType()).isEqualTo(ExecType.CANCEL_REJECTED);
        assertThat(tooLate.rejectReason()).isEqualTo(RejectReason.TOO_LATE_TO_CANCEL);
        assertThat(tooLate.text()).contains("already canceled");

        ExecutionReport unknown = last("C3");
        assertThat(unknown.execType()).isEqualTo(ExecType.CANCEL_REJECTED);
        assertThat(unknown.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        assertThat(unknown.originalClientOrderId()).isEqualTo(id("NOPE"));
    }

    @Test
    void replacesPriceAndQuantityAndRefusesBadReplaces() throws Exception {
        start();
        venue.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.DAY, ALICE));
        venue.replace(new ReplaceRequest(id("A2"), id("A1"), aapl, Side.BUY, 150, 18_950, ReplaceRequest.UNCHANGED,
                null, ALICE));
        venue.replace(new ReplaceRequest(id("X2"), id("GONE"), aapl, Side.BUY, 150, ReplaceRequest.UNCHANGED,
                ReplaceRequest.UNCHANGED, null, ALICE));
        // Fill 50 of A2, then try to shrink it below what has filled.
        venue.submit(limit("S1", aapl, Side.SELL, 50, 18_950, TimeInForce.IOC, BOB));
        venue.replace(new ReplaceRequest(id("A3"), id("A2"), aapl, Side.BUY, 50, ReplaceRequest.UNCHANGED,
                ReplaceRequest.UNCHANGED, null, ALICE));
        sync();

        ExecutionReport replaced = reportsFor("A2").get(0);
        assertThat(replaced.execType()).isEqualTo(ExecType.REPLACED);
        assertThat(replaced.originalClientOrderId()).isEqualTo(id("A1"));
        assertThat(replaced.orderQuantity()).isEqualTo(150);
        assertThat(replaced.leavesQuantity()).isEqualTo(150);
        ExecutionReport unknown = last("X2");
        assertThat(unknown.execType()).isEqualTo(ExecType.REPLACE_REJECTED);
        assertThat(unknown.rejectReason()).isEqualTo(RejectReason.UNKNOWN_ORDER);
        ExecutionReport tooSmall = last("A3");
        assertThat(tooSmall.execType()).isEqualTo(ExecType.REPLACE_REJECTED);
        assertThat(tooSmall.rejectReason()).isEqualTo(RejectReason.INVALID_QUANTITY);
        assertThat(tooSmall.text()).contains("already filled");

        OpenOrder open = venue.openOrders().toCompletableFuture().get(5, TimeUnit.SECONDS).get(0);
        assertThat(open.clientOrderId()).isEqualTo(id("A2"));
        assertThat(open.limitPrice()).isEqualTo(18_950);
        assertThat(open.quantity()).isEqualTo(150);
        assertThat(open.cumQuantity()).isEqualTo(50);
        assertThat(open.leavesQuantity()).isEqualTo(100);
        assertThat(open.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void reconnectsAfterADroppedSessionAndReconcilesOpenOrders() throws Exception {
        start();
        venue.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.GTC, ALICE));
        venue.submit(limit("S1", aapl, Side.SELL, 30, 18_900, TimeInForce.IOC, BOB));
        venue.dropSession("heartbeat timeout");
        venue.submit(limit("A2", aapl, Side.BUY, 100, 18_800, TimeInForce.GTC, ALICE));
        sync();
        host.awaitText("disconnected: heartbeat timeout");
        ExecutionReport whileDown = last("A2");
        assertThat(whileDown.rejectReason()).isEqualTo(RejectReason.VENUE_DISCONNECTED);

        advance(SECOND / 2);
        assertThat(host.await(String.class, "connected"::equals, 2)).hasSize(2);
        OpenOrder open = venue.openOrders().toCompletableFuture().get(5, TimeUnit.SECONDS).get(0);
        assertThat(open.clientOrderId()).isEqualTo(id("A1"));
        assertThat(open.cumQuantity()).isEqualTo(30);
        assertThat(open.leavesQuantity()).isEqualTo(70);
        assertThat(open.cumPriceQuantity()).isEqualTo(30L * 18_900);

        // A logout keeps orders on the book; the next session sees them.
        venue.disconnect();
        host.awaitText("disconnected: logged out");
        venue.connect(host);
        assertThat(host.await(String.class, "connected"::equals, 3)).hasSize(3);
        assertThat(venue.openOrders().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .extracting(OpenOrder::clientOrderId).containsExactly(id("A1"));
    }

    @Test
    void publishesSubscribedMarketDataOnly() throws Exception {
        start();
        venue.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.DAY, ALICE));
        venue.subscribe(aapl.id(), MarketDataType.BOOK_DELTAS);
        venue.subscribe(aapl.id(), MarketDataType.TOP_OF_BOOK);
        venue.submit(limit("A2", aapl, Side.SELL, 10, 19_100, TimeInForce.DAY, ALICE));
        venue.submit(limit("M1", msft, Side.SELL, 10, 41_100, TimeInForce.DAY, ALICE));
        sync();

        List<OrderBookDeltaRecord> deltas = host.deltas();
        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0).clearsBook()).isTrue();
        assertThat(deltas.get(0).level()).isEqualTo(new io.alphintra.sdk.marketdata.BookLevel(BookSide.BID,
                18_900, 100));
        assertThat(deltas.get(0).endOfBatch()).isTrue();
        assertThat(deltas.get(1).side()).isEqualTo(BookSide.ASK);
        assertThat(deltas.get(1).price()).isEqualTo(19_100);
        assertThat(deltas.get(1).clearsBook()).isFalse();
        assertThat(host.tops()).last().satisfies(top -> {
            assertThat(top.bidPrice()).isEqualTo(18_900);
            assertThat(top.askPrice()).isEqualTo(19_100);
            assertThat(top.askSize()).isEqualTo(10);
        });
        assertThat(host.tops()).allMatch(top -> top.instrumentId().equals(aapl.id()));

        venue.unsubscribe(aapl.id(), MarketDataType.BOOK_DELTAS);
        venue.unsubscribe(aapl.id(), MarketDataType.TOP_OF_BOOK);
        int before = host.snapshot().size();
        venue.submit(limit("A3", aapl, Side.BUY, 5, 19_000, TimeInForce.DAY, ALICE));
        sync();
        assertThat(host.snapshot().subList(before, host.snapshot().size()))
                .allMatch(event -> event instanceof ExecutionReport);
    }

    @Test
    void expiresDayOrdersAtTheCloseAndRefusesOrdersOutsideSessions() throws Exception {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("reconnectDelayMillis", String.valueOf(TimeUnit.HOURS.toMillis(7)));
        start(config);
        venue.submit(limit("DAY1", aapl, Side.BUY, 100, 18_900, TimeInForce.DAY, ALICE));
        venue.submit(limit("GTC1", aapl, Side.BUY, 100, 18_800, TimeInForce.GTC, ALICE));
        // The session is down when the day ends: the expiry is reported when it comes back.
        venue.dropSession("network");
        advance(TimeUnit.HOURS.toNanos(6) + 1); // 16:00 New York plus a nanosecond
        assertThat(reportsFor("DAY1")).extracting(ExecutionReport::execType).containsExactly(ExecType.NEW);

        advance(TimeUnit.HOURS.toNanos(1));
        host.await(String.class, "connected"::equals, 2);
        ExecutionReport expired = last("DAY1");
        assertThat(expired.execType()).isEqualTo(ExecType.EXPIRED);
        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(expired.transactTimeNanos()).isEqualTo((1_767_625_200L + 6 * 3600) * SECOND);
        assertThat(venue.openOrders().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .extracting(OpenOrder::clientOrderId).containsExactly(id("GTC1"));

        venue.submit(limit("LATE", aapl, Side.BUY, 100, 18_900, TimeInForce.DAY, ALICE));
        sync();
        assertThat(last("LATE").rejectReason()).isEqualTo(RejectReason.VENUE_CLOSED);
    }

    @Test
    void aContinuousVenueTradesOnASundayNight() throws Exception {
        Map<String, Object> config = sundayNightWithTwin();
        config.put("sessionMode", "continuous");
        start(config);
        venue.subscribe(aapl.id(), MarketDataType.TRADES);
        venue.submit(limit("SUN1", aapl, Side.BUY, 100, 18_000, TimeInForce.DAY, ALICE));
        advance(10 * SECOND);

        assertThat(last("SUN1").execType()).isEqualTo(ExecType.NEW);
        assertThat(host.trades()).as("the twin trades").isNotEmpty();
    }

    @Test
    void aCalendarVenueNeitherAcceptsNorTradesOnASundayNight() throws Exception {
        start(sundayNightWithTwin());
        venue.subscribe(aapl.id(), MarketDataType.TRADES);
        venue.submit(limit("SUN1", aapl, Side.BUY, 100, 18_000, TimeInForce.DAY, ALICE));
        advance(10 * SECOND);

        assertThat(last("SUN1").rejectReason()).isEqualTo(RejectReason.VENUE_CLOSED);
        assertThat(host.trades()).as("the twin waits for the open").isEmpty();
    }

    /** The US test venue with its twin on, its manual clock at Sunday 03:00 UTC (Saturday 22:00 New York). */
    private static Map<String, Object> sundayNightWithTwin() {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("clock.start", "2026-01-04T03:00:00Z");
        config.put("twin.enabled", "true");
        config.put("twin.seed", "7");
        config.put("twin.eventsPerSecond", "20");
        return config;
    }

    @Test
    void appliesTheAcknowledgementLatencyInVenueTime() throws Exception {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("ackLatencyMicros", "500");
        start(config);
        venue.submit(limit("A1", aapl, Side.BUY, 100, 18_900, TimeInForce.DAY, ALICE));
        advance(499_000);
        assertThat(reportsFor("A1")).isEmpty();
        advance(1_000);
        assertThat(last("A1").execType()).isEqualTo(ExecType.NEW);
        assertThat(last("A1").transactTimeNanos()).isEqualTo(1_767_625_200L * SECOND + 500_000);
    }

    @Test
    void fillsAMarketOrderAgainstTwinLiquidity() throws Exception {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("twin.enabled", "true");
        config.put("twin.seed", "7");
        config.put("twin.eventsPerSecond", "20");
        start(config);
        advance(10 * SECOND);
        venue.submit(OrderRequest.market(id("M1"), aapl, Side.BUY, 25, TimeInForce.DAY, ALICE));
        sync();

        List<ExecutionReport> reports = reportsFor("M1");
        assertThat(reports.get(0).execType()).isEqualTo(ExecType.NEW);
        ExecutionReport done = reports.get(reports.size() - 1);
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(done.averagePrice(RoundingMode.HALF_EVEN).getAsLong()).isBetween(18_000L, 20_000L);
    }
}

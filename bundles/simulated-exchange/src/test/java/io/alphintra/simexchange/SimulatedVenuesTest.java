package io.alphintra.simexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.testkit.venue.RecordingVenueListener;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.sdk.venue.VenueListener;

/** The exported builder's venue: the recorded market it replays, and its drive on the caller's thread. */
class SimulatedVenuesTest {

    private static final Equity XYZ = new Equity(InstrumentId.of("XYZ", "SIMH"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    private static final Attribution WHO = new Attribution("s-1", "t-1", "ACC-1", "desk-1", "PROP");
    private static final long SECOND = 1_000_000_000L;
    private static final String TAPE = "timestamp,price,amount\n1000,100.00,5\n1010,99.50,3\n1020,101.00,10\n";

    @TempDir
    Path dir;

    private ManualVenue venue;
    private final RecordingVenueListener listener = new RecordingVenueListener();
    private int ids;

    @Test
    void startsAtTheFirstPrintAndPublishesTheTapeAsRecorded() throws IOException {
        open(SimulatedVenues.builder());
        assertThat(venue.nowNanos()).isEqualTo(1000 * SECOND);
        venue.adapter().submit(limit(Side.BUY, 4, 100_50));
        runToEnd();

        assertThat(trades()).containsExactly(
                new TradeRecord(XYZ.id(), 100_00, 5, AggressorSide.UNKNOWN, 1000 * SECOND, 1000 * SECOND),
                new TradeRecord(XYZ.id(), 99_50, 3, AggressorSide.UNKNOWN, 1010 * SECOND, 1010 * SECOND),
                new TradeRecord(XYZ.id(), 101_00, 10, AggressorSide.UNKNOWN, 1020 * SECOND, 1020 * SECOND));
        assertThat(venue.recordingFinished()).isTrue();
    }

    @Test
    void aRestingLimitOrderFillsOnlyWhereThePrintsGoThroughItAndByAtMostTheirQuantity() throws IOException {
        open(SimulatedVenues.builder());
        venue.adapter().submit(limit(Side.BUY, 4, 99_80));
        venue.advanceTo(1000 * SECOND);
        assertThat(fills()).as("the print at 100.00 is above the bid").isEmpty();

        venue.advanceTo(1010 * SECOND);
        ExecutionReport fill = fills().get(0);
        assertThat(fill.lastQuantity()).as("the print at 99.50 traded 3").isEqualTo(3);
        assertThat(fill.lastPrice()).isEqualTo(99_80);
        assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(fill.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);

        venue.advanceTo(1020 * SECOND);
        assertThat(fills()).hasSize(1);
        assertThat(venue.adapter().executionsSince(1010 * SECOND).toCompletableFuture().join())
                .as("answered before the call returns, on the caller's thread").isEqualTo(fills());
    }

    @Test
    void quotesOneTickAroundEachPrintAndAMarketOrderPaysTheSpread() throws IOException {
        open(SimulatedVenues.builder().fees("0", "10"));
        venue.adapter().subscribe(XYZ.id(), MarketDataType.TOP_OF_BOOK);
        venue.advanceTo(1000 * SECOND);
        assertThat(lastTop().bidPrice()).isEqualTo(99_99);
        assertThat(lastTop().askPrice()).isEqualTo(100_01);

        venue.adapter().submit(OrderRequest.market(id(), XYZ, Side.BUY, 7, TimeInForce.IOC, WHO));
        ExecutionReport fill = fills().get(0);
        assertThat(fill.lastPrice()).isEqualTo(100_01);
        assertThat(fill.lastQuantity()).isEqualTo(7);
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        // 10 bp of 7 x 100.01 = 700.07 is 0.70007, rounded up to the notional scale (2 decimals): 0.71.
        assertThat(fill.fee()).isEqualTo(Money.of(Currency.USD, 71, 2));
    }

    @Test
    void quotesStepBackBehindAHostOrderThatTheyWouldCross() throws IOException {
        open(SimulatedVenues.builder());
        venue.adapter().subscribe(XYZ.id(), MarketDataType.TOP_OF_BOOK);
        venue.adapter().submit(limit(Side.BUY, 100, 99_80));
        venue.advanceTo(1010 * SECOND);
        // The print at 99.50 took 3 of the bid at 99.80; the ask would be 99.51 and steps back to 99.81.
        assertThat(lastTop()).isEqualTo(new TopOfBookRecord(XYZ.id(), 99_80, 97, 99_81, lastTop().askSize(),
                1010 * SECOND, 1010 * SECOND));
    }

    @Test
    void stopOrdersTriggerOnThePrints() throws IOException {
        open(SimulatedVenues.builder());
        venue.advanceTo(1000 * SECOND);
        venue.adapter().submit(OrderRequest.stop(id(), XYZ, Side.SELL, 2, 99_60, TimeInForce.GTC, WHO));
        assertThat(fills()).isEmpty();

        venue.advanceTo(1010 * SECOND);
        assertThat(fills()).singleElement().satisfies(fill -> {
            assertThat(fill.lastPrice()).as("the bid quoted below the print at 99.50").isEqualTo(99_49);
            assertThat(fill.lastQuantity()).isEqualTo(2);
        });
    }

    @Test
    void aHaltedInstrumentMissesItsPrintsAndRefusesOrdersUntilResumed() throws IOException {
        open(SimulatedVenues.builder());
        venue.adapter().submit(limit(Side.BUY, 4, 99_80));
        venue.advanceTo(1000 * SECOND);
        venue.halt(XYZ.id(), "circuit breaker");
        venue.advanceTo(1010 * SECOND);
        assertThat(fills()).as("the print at 99.50 went by during the halt").isEmpty();
        assertThat(trades()).extracting(TradeRecord::price).containsExactly(100_00L);
        OrderRequest refused = limit(Side.BUY, 1, 99_00);
        venue.adapter().submit(refused);
        assertThat(listener.reports()).last().satisfies(report -> {
            assertThat(report.clientOrderId()).isEqualTo(refused.clientOrderId());
            assertThat(report.rejectReason()).isEqualTo(RejectReason.VENUE_CLOSED);
        });

        venue.resume(XYZ.id());
        venue.advanceTo(1020 * SECOND);
        assertThat(trades()).extracting(TradeRecord::price).containsExactly(100_00L, 101_00L);
        assertThat(listener.instrumentStatuses()).extracting(change -> change.status()).containsExactly(
                InstrumentStatus.TRADING, InstrumentStatus.HALTED, InstrumentStatus.TRADING);
        assertThatThrownBy(() -> venue.halt(InstrumentId.of("ABC", "SIMH"), "news"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instrument ABC@SIMH: not listed on SIMH");
    }

    @Test
    void requestsTakeEffectAfterTheAcknowledgementLatencyOfVirtualTime() throws IOException {
        open(SimulatedVenues.builder().ackLatency(Duration.ofMillis(5)));
        venue.advanceTo(1000 * SECOND);
        venue.adapter().submit(limit(Side.BUY, 1, 90_00));
        assertThat(listener.reports()).isEmpty();
        assertThat(venue.nextEventNanos()).isEqualTo(1000 * SECOND + 5_000_000);

        venue.advanceTo(1000 * SECOND + 5_000_000);
        assertThat(listener.reports()).singleElement()
                .satisfies(report -> assertThat(report.execType()).isEqualTo(ExecType.NEW))
                .satisfies(report -> assertThat(report.transactTimeNanos()).isEqualTo(1000 * SECOND + 5_000_000));
    }

    @Test
    void replaysABarAsFourPricesAcrossItsDay() throws IOException {
        Path bars = Files.writeString(dir.resolve("bars.csv"),
                "date,open,high,low,close,volume\n2013-01-02,553.82,555.00,541.63,549.03,20018502\n");
        venue = SimulatedVenues.builder().instrument(XYZ, Recording.bars(bars)).buildManual();
        venue.adapter().connect(listener);
        venue.adapter().subscribe(XYZ.id(), MarketDataType.TRADES);
        runToEnd();

        long day = 1_357_084_800L * SECOND;
        long quarter = 6 * 3600 * SECOND;
        assertThat(trades()).extracting(TradeRecord::price, TradeRecord::quantity, TradeRecord::eventTimeNanos)
                .as("a falling bar: open, high, low, close").containsExactly(tuple(553_82L, 5_004_625L, day),
                        tuple(555_00L, 5_004_625L, day + quarter), tuple(541_63L, 5_004_625L, day + 2 * quarter),
                        tuple(549_03L, 5_004_627L, day + 3 * quarter));
    }

    @Test
    void refusesACallFromInsideItsOwnListener() throws IOException {
        Path tape = Files.writeString(dir.resolve("trades.csv"), TAPE);
        venue = SimulatedVenues.builder().instrument(XYZ, Recording.trades(tape)).buildManual();
        RuntimeException[] refused = new RuntimeException[1];
        // Every callback but onExecutionReport does nothing; that one calls back into the venue.
        venue.adapter().connect((VenueListener) Proxy.newProxyInstance(VenueListener.class.getClassLoader(),
                new Class<?>[] {VenueListener.class}, (proxy, method, args) -> {
                    if (method.getName().equals("onExecutionReport")) {
                        ExecutionReport report = (ExecutionReport) args[0];
                        try {
                            venue.adapter().cancel(new CancelRequest(id(), report.clientOrderId(), XYZ.id(),
                                    Side.BUY, report.venueOrderId(), WHO));
                        } catch (IllegalStateException e) {
                            refused[0] = e;
                        }
                    }
                    return null;
                }));
        venue.adapter().submit(limit(Side.BUY, 1, 90_00));
        assertThat(refused[0]).hasMessageContaining("from inside one of its own VenueListener callbacks");
        assertThat(venue.adapter().openOrders().toCompletableFuture().join())
                .as("the order is still working: the cancel never ran").hasSize(1);
    }

    @Test
    void belongsToTheThreadThatBuiltIt() throws IOException {
        open(SimulatedVenues.builder());
        assertThatThrownBy(() -> CompletableFuture.runAsync(() -> venue.advanceTo(1010 * SECOND)).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("this venue is driven by thread");
    }

    @Test
    void checksItsSettings() {
        assertThatThrownBy(() -> SimulatedVenues.builder().fees("1.25", "0"))
                .hasMessageStartingWith("makerBps = '1.25': ");
        assertThatThrownBy(() -> SimulatedVenues.builder().ackLatency(Duration.ofMinutes(2)))
                .hasMessage("ackLatency = PT2M: must be between 0 and one minute");
        assertThatThrownBy(() -> SimulatedVenues.builder().buildManual())
                .hasMessage("instruments: none listed; a venue needs at least one");
        Equity other = new Equity(InstrumentId.of("ABC", "OTHER"), Currency.USD, Jurisdiction.US, XYZ.grid());
        Recording recording = Recording.trades(dir.resolve("x.csv"));
        assertThatThrownBy(() -> SimulatedVenues.builder().instrument(XYZ, recording).instrument(other, recording))
                .hasMessage("instrument ABC@OTHER: a venue lists instruments of one venue id, here SIMH");
    }

    @Test
    void namesFileLineAndFieldOfABadRecording() throws IOException {
        Path tape = Files.writeString(dir.resolve("bad.csv"), "timestamp,price,amount\n1000,100.00,5\n1010,1O1,3\n");
        assertThatThrownBy(() -> SimulatedVenues.builder().instrument(XYZ, Recording.trades(tape)).buildManual())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad.csv line 3, field 'price': '1O1' is not a decimal number");
    }

    private void open(SimulatedVenues.Builder builder) throws IOException {
        Path tape = Files.writeString(dir.resolve("trades.csv"), TAPE);
        venue = builder.instrument(XYZ, Recording.trades(tape)).buildManual();
        venue.adapter().connect(listener);
        venue.adapter().subscribe(XYZ.id(), MarketDataType.TRADES);
    }

    private void runToEnd() {
        while (!venue.recordingFinished()) {
            venue.advanceTo(venue.nextEventNanos());
        }
    }

    private ClientOrderId id() {
        return ClientOrderId.of("c-" + ++ids);
    }

    private OrderRequest limit(Side side, long quantity, long price) {
        return OrderRequest.limit(id(), XYZ, side, quantity, price, TimeInForce.GTC, WHO);
    }

    private List<ExecutionReport> fills() {
        return listener.reports().stream().filter(report -> report.execType() == ExecType.TRADE).toList();
    }

    private List<TradeRecord> trades() {
        return listener.marketData().stream().filter(TradeRecord.class::isInstance).map(TradeRecord.class::cast)
                .toList();
    }

    private TopOfBookRecord lastTop() {
        List<TopOfBookRecord> tops = listener.marketData().stream().filter(TopOfBookRecord.class::isInstance)
                .map(TopOfBookRecord.class::cast).toList();
        return tops.get(tops.size() - 1);
    }
}

package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.simexchange.internal.venue.RecordingListener.StatusChange;

/**
 * What a venue says about whether its instruments trade: every instrument's status on connect, session opens and
 * closes (a lunch break included), and operators' halts, which refuse orders and stop the market until resumed.
 */
class InstrumentStatusTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final Attribution ALICE = new Attribution("strat-a", "trader-a", "ACC-A", "desk-1", "client-1");

    @TempDir
    Path dir;

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
        VenueSettings settings = TestConfigs.settings(config);
        aapl = settings.instruments().get(0).instrument();
        msft = settings.instruments().get(1).instrument();
        venue = SimulatedVenue.create(settings);
        venue.start();
        venue.connect(host);
        host.awaitText("connected");
        sync();
    }

    private void advance(long nanos) throws Exception {
        get(venue.advanceTime(nanos));
    }

    private void sync() throws Exception {
        advance(0);
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private StatusChange status(Instrument instrument, InstrumentStatus status, String reason) {
        return new StatusChange(instrument.id(), status, reason);
    }

    private ExecutionReport last(String clientOrderId) {
        List<ExecutionReport> reports = host.reports().stream()
                .filter(r -> r.clientOrderId().value().equals(clientOrderId)).toList();
        assertThat(reports).as("reports for " + clientOrderId).isNotEmpty();
        return reports.get(reports.size() - 1);
    }

    private OrderRequest limit(String id, Instrument instrument, long price) {
        return OrderRequest.limit(ClientOrderId.of(id), instrument, Side.BUY, 10, price, TimeInForce.DAY, ALICE);
    }

    @Test
    void reportsEveryInstrumentTradingOnConnectInASession() throws Exception {
        start(TestConfigs.usVenue());
        assertThat(host.statuses()).containsExactly(status(aapl, InstrumentStatus.TRADING, "session open"),
                status(msft, InstrumentStatus.TRADING, "session open"));
        assertThat(host.snapshot().get(0)).as("after the logon").isEqualTo("connected");
    }

    @Test
    void aContinuousVenueTradesOnConnectAtAnyHour() throws Exception {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("sessionMode", "continuous");
        config.put("clock.start", "2026-01-04T03:00:00Z"); // Saturday night in New York
        start(config);
        assertThat(host.statuses()).extracting(StatusChange::status)
                .containsExactly(InstrumentStatus.TRADING, InstrumentStatus.TRADING);
    }

    @Test
    void reportsClosesAndOpensOfACalendarWithALunchBreak() throws Exception {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("timeZone", "Asia/Tokyo");
        config.put("sessions", "Mon-Fri 09:00-11:30, Mon-Fri 12:30-15:30");
        config.put("holidays", "");
        config.put("clock.start", "2026-01-05T00:30:00Z"); // Monday 09:30 Tokyo
        start(config);
        assertThat(host.statuses()).extracting(StatusChange::status)
                .containsExactly(InstrumentStatus.TRADING, InstrumentStatus.TRADING);

        advance(2 * HOUR); // 11:30
        advance(HOUR); // 12:30
        advance(3 * HOUR); // 15:30
        assertThat(host.statuses()).hasSize(8).endsWith(
                status(aapl, InstrumentStatus.CLOSED, "session closed"),
                status(msft, InstrumentStatus.CLOSED, "session closed"),
                status(aapl, InstrumentStatus.TRADING, "session open"),
                status(msft, InstrumentStatus.TRADING, "session open"),
                status(aapl, InstrumentStatus.CLOSED, "session closed"),
                status(msft, InstrumentStatus.CLOSED, "session closed"));

        host.clear();
        venue.disconnect();
        host.awaitText("disconnected: logged out");
        venue.connect(host);
        host.awaitText("connected");
        sync();
        assertThat(host.statuses()).containsExactly(
                status(aapl, InstrumentStatus.CLOSED, "outside trading sessions"),
                status(msft, InstrumentStatus.CLOSED, "outside trading sessions"));
    }

    @Test
    void aHaltRefusesNewOrdersAndReplacesButNotCancelsUntilResumed() throws Exception {
        start(TestConfigs.usVenue());
        venue.submit(limit("A1", aapl, 18_900));
        venue.submit(limit("A2", aapl, 18_800));
        sync();
        host.clear();

        get(venue.halt(aapl.id(), "news pending"));
        assertThat(host.statuses()).containsExactly(status(aapl, InstrumentStatus.HALTED, "news pending"));
        venue.submit(limit("N1", aapl, 18_900));
        venue.submit(limit("M1", msft, 41_000));
        venue.replace(new ReplaceRequest(ClientOrderId.of("A3"), ClientOrderId.of("A1"), aapl, Side.BUY, 20,
                ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, null, ALICE));
        venue.cancel(new CancelRequest(ClientOrderId.of("C2"), ClientOrderId.of("A2"), aapl.id(), Side.BUY, null,
                ALICE));
        sync();
        assertThat(last("N1").rejectReason()).isEqualTo(RejectReason.VENUE_CLOSED);
        assertThat(last("N1").text()).isEqualTo("AAPL@TEST_US is halted: news pending");
        assertThat(last("M1").execType()).as("another instrument trades on").isEqualTo(ExecType.NEW);
        assertThat(last("A3").execType()).isEqualTo(ExecType.REPLACE_REJECTED);
        assertThat(last("A3").rejectReason()).isEqualTo(RejectReason.VENUE_CLOSED);
        assertThat(last("C2").execType()).as("a cancel lowers risk: allowed").isEqualTo(ExecType.CANCELED);

        get(venue.resume(aapl.id()));
        venue.submit(limit("N2", aapl, 18_900));
        sync();
        assertThat(host.statuses()).last().isEqualTo(status(aapl, InstrumentStatus.TRADING, "halt lifted"));
        assertThat(last("N2").execType()).isEqualTo(ExecType.NEW);
    }

    @Test
    void refusesToHaltAnInstrumentItDoesNotList() throws Exception {
        start(TestConfigs.usVenue());
        InstrumentId tesla = InstrumentId.of("TSLA", "TEST_US");
        assertThatThrownBy(() -> get(venue.halt(tesla, "news"))).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instrument TSLA@TEST_US: not listed on TEST_US");
        assertThatThrownBy(() -> venue.halt(aapl.id(), " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason: required for a halt of AAPL@TEST_US");
    }

    @Test
    void aHaltOutlivesARestart() throws Exception {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("state.directory", dir.resolve("TEST_US").toString());
        start(config);
        get(venue.halt(aapl.id(), "regulatory halt"));
        venue.stop("node stopped");
        host.clear();

        start(config);
        assertThat(host.statuses()).containsExactly(status(aapl, InstrumentStatus.HALTED, "regulatory halt"),
                status(msft, InstrumentStatus.TRADING, "session open"));
        venue.submit(limit("N1", aapl, 18_900));
        sync();
        assertThat(last("N1").rejectReason()).isEqualTo(RejectReason.VENUE_CLOSED);
        get(venue.resume(aapl.id()));
        venue.stop("node stopped");
        host.clear();

        start(config);
        assertThat(host.statuses()).extracting(StatusChange::status)
                .containsExactly(InstrumentStatus.TRADING, InstrumentStatus.TRADING);
    }

    @Test
    void theMarketDoesNotTradeAHaltedInstrument() throws Exception {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("twin.enabled", "true");
        config.put("twin.seed", "7");
        config.put("twin.eventsPerSecond", "20");
        start(config);
        venue.subscribe(aapl.id(), MarketDataType.TRADES);
        venue.subscribe(msft.id(), MarketDataType.TRADES);
        get(venue.halt(aapl.id(), "volatility pause"));
        host.clear();
        advance(30 * SECOND);
        assertThat(host.trades()).as("MSFT trades on").isNotEmpty()
                .extracting(TradeRecord::instrumentId).containsOnly(msft.id());

        get(venue.resume(aapl.id()));
        advance(30 * SECOND);
        assertThat(host.trades()).extracting(TradeRecord::instrumentId).contains(aapl.id());
    }
}

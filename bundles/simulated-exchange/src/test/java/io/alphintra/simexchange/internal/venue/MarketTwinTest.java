package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.simexchange.internal.twin.InstrumentSpec;
import io.alphintra.simexchange.internal.twin.ReplayData;
import io.alphintra.testdata.TestData;

/** The twin driven directly on a {@link VenueCore} in venue time: deterministic and fast, no threads. */
class MarketTwinTest {
    private static final long SECOND = 1_000_000_000L;

    private static Map<String, Object> cryptoVenue(long seed) {
        Map<String, Object> map = TestConfigs.usVenue();
        map.put("venueId", "TEST_CRYPTO");
        map.put("timeZone", "UTC");
        map.put("sessions", "24x7");
        map.put("holidays", "");
        map.put("assetClass", "CRYPTO");
        map.put("priceScale", "2");
        map.put("quantityScale", "8");
        map.put("lotSize", "0.00001");
        map.put("instruments", "BTC-USD start=65000.00 vol=0.8");
        map.put("twin.enabled", "true");
        map.put("twin.seed", String.valueOf(seed));
        map.put("twin.eventsPerSecond", "10");
        map.put("twin.quoteLots", "5000");
        map.put("twin.spreadBps", "1");
        map.put("clock.start", "2026-01-05T00:00:01Z");
        return map;
    }

    /** Runs a venue for {@code seconds} of venue time and returns its trade tape. */
    private static List<TradeRecord> tape(Map<String, Object> config, long seconds) {
        VenueSettings settings = TestConfigs.settings(config);
        List<ReplayData> replays = new ArrayList<>();
        for (InstrumentSpec spec : settings.instruments()) {
            replays.add(spec.replayFile() == null ? null
                    : ReplayData.load(spec.replayFile(), spec.replayFormat(), spec.instrument()));
        }
        long start = SessionSchedule.toNanos(settings.clockStart());
        VenueCore core = new VenueCore(settings, replays, start);
        RecordingListener listener = new RecordingListener();
        core.start();
        core.connect(listener);
        core.subscribe(settings.instruments().get(0).instrument().id(), MarketDataType.TRADES, true);
        core.advanceTo(start + seconds * SECOND);
        return listener.trades();
    }

    private static long hash(List<TradeRecord> tape) {
        long hash = 1125899906842597L;
        for (TradeRecord trade : tape) {
            hash = 31 * (31 * (31 * (31 * hash + trade.price()) + trade.quantity()) + trade.aggressor().ordinal())
                    + trade.eventTimeNanos();
        }
        return hash;
    }

    @Test
    void theSameSeedGivesTheSameTape() {
        List<TradeRecord> first = tape(cryptoVenue(42), 600);
        List<TradeRecord> second = tape(cryptoVenue(42), 600);
        List<TradeRecord> other = tape(cryptoVenue(43), 600);

        assertThat(first).hasSizeGreaterThan(1_000);
        assertThat(hash(second)).isEqualTo(hash(first));
        assertThat(hash(other)).isNotEqualTo(hash(first));
    }

    @Test
    void returnsHaveFatTailsAndVolatilityClustering() {
        long seconds = TimeUnit.HOURS.toSeconds(6);
        List<TradeRecord> tape = tape(cryptoVenue(2026), seconds);
        long start = tape.get(0).eventTimeNanos();
        // Last trade price sampled every 5 s of venue time, then log returns.
        int samples = (int) (seconds / 5) - 1;
        double[] prices = new double[samples];
        int next = 0;
        double last = tape.get(0).price();
        for (int i = 0; i < samples; i++) {
            long until = start + (i + 1) * 5 * SECOND;
            while (next < tape.size() && tape.get(next).eventTimeNanos() <= until) {
                last = tape.get(next++).price();
            }
            prices[i] = last;
        }
        double[] returns = new double[samples - 1];
        for (int i = 1; i < samples; i++) {
            returns[i - 1] = Math.log(prices[i] / prices[i - 1]);
        }
        double mean = Arrays.stream(returns).average().orElseThrow();
        double m2 = 0;
        double m4 = 0;
        for (double r : returns) {
            m2 += (r - mean) * (r - mean);
            m4 += Math.pow(r - mean, 4);
        }
        m2 /= returns.length;
        m4 /= returns.length;
        double excessKurtosis = m4 / (m2 * m2) - 3;

        double[] squares = Arrays.stream(returns).map(r -> r * r).toArray();
        double squareMean = Arrays.stream(squares).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < squares.length; i++) {
            variance += (squares[i] - squareMean) * (squares[i] - squareMean);
            if (i > 0) {
                covariance += (squares[i] - squareMean) * (squares[i - 1] - squareMean);
            }
        }
        double squaredAutocorrelation = covariance / variance;

        assertThat(excessKurtosis).as("excess kurtosis of 5 s returns").isGreaterThan(1.0);
        assertThat(squaredAutocorrelation).as("lag-1 autocorrelation of squared returns").isGreaterThan(0.03); // about 2 standard errors above 0
    }

    @Test
    void replaysRecordedTradesAsTheFairValue() {
        Path file = TestData.bitstampTrades();
        Map<String, Object> config = cryptoVenue(1);
        config.put("instruments", "BTC-USD start=800.00 vol=0.8 replay=" + file + " replayFormat=trades");
        List<TradeRecord> tape = tape(config, 300);

        // The file starts at 800.01 USD in November 2013; the twin trades around it, not around 65,000.
        assertThat(tape).isNotEmpty();
        assertThat(tape).allSatisfy(trade -> assertThat(trade.price()).isBetween(70_000L, 90_000L));
    }
}

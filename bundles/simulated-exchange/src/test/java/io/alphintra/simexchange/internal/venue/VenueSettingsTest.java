package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.sdk.instrument.AssetClass;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.money.Currency;

class VenueSettingsTest {
    /**
     * The repository's shipped venue files, from this module's directory: surefire sets the system property
     * {@code basedir} to it; without it (an IDE), the working directory must be the module's.
     */
    private static final Path SHIPPED = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve("../../config/etc").normalize();

    private static List<Path> shippedVenues() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(SHIPPED, "io.alphintra.venue.simulated-*.cfg")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    @Test
    void everyShippedVenueIsValid() throws IOException {
        List<Path> files = shippedVenues();
        assertThat(files).hasSize(5);
        List<String> currencies = new ArrayList<>();
        for (Path file : files) {
            VenueSettings settings = TestConfigs.settings(TestConfigs.load(file));
            assertThat(settings.instruments()).as(file.toString()).isNotEmpty();
            assertThat(settings.clockMode()).isEqualTo(ClockMode.REALTIME);
            assertThat(settings.instruments()).allMatch(spec -> spec.replayFile() == null);
            assertThat(settings.venue().calendar().alwaysOpen()).as(file + ": the demo runs continuously").isTrue();
            assertThat(TestConfigs.load(file)).as(file + " documents the order index settings")
                    .containsKeys("expectedOrders", "finishedOrderWindow");
            currencies.add(settings.venue().currency().code());
            // Each builds (books, twin) without starting a thread.
            assertThat(SimulatedVenue.create(settings).venue()).isEqualTo(settings.venue());
        }
        assertThat(currencies).contains("USD", "EUR", "JPY");
    }

    @Test
    void shippedVenuesExerciseGridsAndAssetClasses() throws IOException {
        Map<String, Object> tokyo = TestConfigs.load(SHIPPED.resolve("io.alphintra.venue.simulated-simx-jp.cfg"));
        Instrument toyota = TestConfigs.settings(tokyo).instruments().get(0).instrument();
        assertThat(toyota.id().toString()).isEqualTo("7203@SIMX_JP");
        assertThat(toyota.lotSize()).isEqualTo(100);
        assertThat(toyota.isValidPrice(29_005)).as("2900.5 on the 0.5 band").isTrue();
        assertThat(toyota.isValidPrice(30_005)).as("3000.5 off the 1-yen band").isFalse();

        Map<String, Object> crypto = TestConfigs.load(SHIPPED.resolve("io.alphintra.venue.simulated-simx-crypto.cfg"));
        Instrument btc = TestConfigs.settings(crypto).instruments().get(0).instrument();
        assertThat(btc.assetClass()).isEqualTo(AssetClass.CRYPTO);
        assertThat(btc.quantityScale()).isEqualTo(8);

        Map<String, Object> fx = TestConfigs.load(SHIPPED.resolve("io.alphintra.venue.simulated-simx-fx.cfg"));
        Instrument usdJpy = TestConfigs.settings(fx).instruments().get(1).instrument();
        assertThat(usdJpy.assetClass()).isEqualTo(AssetClass.FX_SPOT);
        assertThat(usdJpy.quoteCurrency()).isEqualTo(Currency.JPY);
        assertThat(usdJpy.priceScale()).isEqualTo(3);
    }

    @Test
    void aBadConfigurationNamesEveryKeyAndValue() {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("venueId", "simx-us");
        config.put("timeZone", "Mars/Olympus");
        config.put("sessions", "Mon-Fri 9h30-16:00");
        config.put("makerFeeBps", "0.25");
        config.put("twin.garchBeta", "0.95");
        config.put("instruments", "AAPL start=190.001 ; MSFT start=410.00 color=blue");

        assertThatThrownBy(() -> TestConfigs.settings(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).contains(
                        "venueId = 'simx-us': venueId = 'simx-us': must be 1 to 16 characters A-Z, 0-9 or _",
                        "timeZone = 'Mars/Olympus': not a time zone id such as Europe/Berlin",
                        "sessions = 'Mon-Fri 9h30-16:00': '9h30' is not a time HH:MM",
                        "makerFeeBps = '0.25': fee = '0.25': more than 1 decimal place",
                        "twin.garchBeta = '0.95': twin.garchAlpha + twin.garchBeta must be below 1 (was 1.03),"
                                + " or the variance explodes"));

        Map<String, Object> instruments = TestConfigs.usVenue();
        instruments.put("instruments", "AAPL start=190.001 ; MSFT start=410.00 color=blue ; BTC");
        assertThatThrownBy(() -> TestConfigs.settings(instruments))
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactly(
                        "instruments = 'AAPL start=190.001': start = '190.001': more than 2 decimal places",
                        "instruments = 'MSFT start=410.00 color=blue': unknown key 'color' (known: base, class,"
                                + " lot, maxPrice, maxQty, minQty, priceScale, quantityScale, quote, quoteLots,"
                                + " replay, replayFormat, spreadBps, start, tickTable, vol)",
                        "instruments = 'BTC': start: required (the twin's first price, e.g. start=190.00)"));
    }

    @Test
    void orderIndexSettingsHaveDefaultsAndBounds() {
        Map<String, Object> config = TestConfigs.usVenue();
        config.remove("expectedOrders");
        VenueSettings defaults = TestConfigs.settings(config);
        assertThat(defaults.expectedOrders()).isEqualTo(262_144);
        assertThat(defaults.finishedOrderWindow()).isEqualTo(1_048_576);

        config.put("expectedOrders", "1000");
        config.put("finishedOrderWindow", "many");
        assertThatThrownBy(() -> TestConfigs.settings(config))
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactly(
                        "expectedOrders = '1000': must be between 1024 and 67108864",
                        "finishedOrderWindow = 'many': not a valid value for its type"));

        config.put("expectedOrders", "67108865");
        config.put("finishedOrderWindow", "0");
        assertThatThrownBy(() -> TestConfigs.settings(config))
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactly(
                        "expectedOrders = '67108865': must be between 1024 and 67108864",
                        "finishedOrderWindow = '0': must be between 1024 and 67108864"));

        config.put("expectedOrders", "1024");
        config.put("finishedOrderWindow", "5000");
        VenueSettings small = TestConfigs.settings(config);
        assertThat(small.expectedOrders()).isEqualTo(1024);
        assertThat(small.finishedOrderWindow()).isEqualTo(5000);
    }

    @Test
    void sessionModeDefaultsToTheCalendarAndContinuousNeverCloses() {
        Instant sundayNight = Instant.parse("2026-01-04T03:00:00Z");
        Map<String, Object> config = TestConfigs.usVenue();
        TradingCalendar calendar = TestConfigs.settings(config).venue().calendar();
        assertThat(calendar.isOpen(sundayNight)).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-01-19T15:00:00Z"))).as("a holiday").isFalse();

        config.put("sessionMode", "Continuous");
        TradingCalendar continuous = TestConfigs.settings(config).venue().calendar();
        assertThat(continuous.alwaysOpen()).isTrue();
        assertThat(continuous.zone()).as("trade dates stay New York dates").isEqualTo(calendar.zone());
        assertThat(continuous.isOpen(sundayNight)).isTrue();
    }

    @Test
    void aContinuousVenueStillChecksTheCalendarItWouldSwitchBackTo() {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("sessionMode", "sometimes");
        assertThatThrownBy(() -> TestConfigs.settings(config))
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactly(
                        "sessionMode = 'sometimes': 'sometimes' is not one of CALENDAR, CONTINUOUS"));

        config.put("sessionMode", "continuous");
        config.put("holidays", "2026-13-01");
        assertThatThrownBy(() -> TestConfigs.settings(config))
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactly(
                        "holidays = '2026-13-01': '2026-13-01' is not a date YYYY-MM-DD"));
    }

    @Test
    void aBadReplayFileStopsTheConfigurationThatNamesIt() throws IOException {
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, "timestamp,price,amount\n1,190.00,1\n2,19O.00,1\n");
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("instruments", "AAPL start=190.00 replay=" + file);
        assertThatThrownBy(() -> SimulatedExchange.build(TestConfigs.config(config), config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(file.getFileName() + " line 3, field 'price': '19O.00' is not a decimal number");
        Files.delete(file);
    }

    @Test
    void inCalendarModeTokyoKeepsDayOrdersThroughLunchAndFxRollsAtFivePm() throws IOException {
        SessionSchedule tokyo = new SessionSchedule(shippedCalendar("io.alphintra.venue.simulated-simx-jp.cfg"));
        long morning = nanos("2026-03-02T09:30:00+09:00[Asia/Tokyo]");
        long lunch = tokyo.nextBoundary(morning);
        assertThat(lunch).isEqualTo(nanos("2026-03-02T11:30:00+09:00[Asia/Tokyo]"));
        assertThat(tokyo.dayEndsAt(lunch)).isFalse();
        assertThat(tokyo.isOpen(lunch)).isFalse();
        long reopen = tokyo.nextBoundary(lunch);
        long close = tokyo.nextBoundary(reopen);
        assertThat(close).isEqualTo(nanos("2026-03-02T15:30:00+09:00[Asia/Tokyo]"));
        assertThat(tokyo.dayEndsAt(close)).isTrue();

        SessionSchedule fx = new SessionSchedule(shippedCalendar("io.alphintra.venue.simulated-simx-fx.cfg"));
        long roll = fx.nextBoundary(nanos("2026-03-03T10:00:00-05:00[America/New_York]"));
        assertThat(roll).isEqualTo(nanos("2026-03-03T17:00:00-05:00[America/New_York]"));
        assertThat(fx.dayEndsAt(roll)).isTrue();
        assertThat(fx.isOpen(roll)).isTrue();
        long weekend = fx.nextBoundary(nanos("2026-03-06T10:00:00-05:00[America/New_York]"));
        assertThat(fx.isOpen(weekend)).isFalse();
    }

    /** The real sessions of a shipped venue: what one setting switches it to. */
    private static TradingCalendar shippedCalendar(String file) throws IOException {
        Map<String, Object> config = TestConfigs.load(SHIPPED.resolve(file));
        config.put("sessionMode", "calendar");
        return TestConfigs.settings(config).venue().calendar();
    }

    @Test
    void keepsStateUnderTheKarafDataFolderUnlessToldOtherwise() {
        Path data = Path.of("/opt/alphintra/data");
        assertThat(VenueSettings.stateFolder("", "SIMX_US", data.toString()))
                .isEqualTo(data.resolve("simulated-venues/SIMX_US"));
        assertThat(VenueSettings.stateFolder("venues/us", "SIMX_US", data.toString()))
                .isEqualTo(data.resolve("venues/us"));
        assertThat(VenueSettings.stateFolder("/srv/venue", "SIMX_US", data.toString())).isEqualTo(Path.of("/srv/venue"));
        assertThat(VenueSettings.stateFolder("", "SIMX_US", null)).as("outside Karaf: in memory").isNull();

        Map<String, Object> config = TestConfigs.usVenue();
        assertThat(TestConfigs.settings(config).state()).isEqualTo(new StateSettings(null, false, 7, 100_000));
        config.putAll(Map.of("state.directory", "/srv/venue", "state.sync", "true", "history.days", "2",
                "history.maxReports", "5000"));
        assertThat(TestConfigs.settings(config).state())
                .isEqualTo(new StateSettings(Path.of("/srv/venue"), true, 2, 5000));
        config.put("state.enabled", "false");
        assertThat(TestConfigs.settings(config).state().directory()).isNull();

        config.putAll(Map.of("history.days", "0", "history.maxReports", "999"));
        assertThatThrownBy(() -> TestConfigs.settings(config))
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactly(
                        "history.days = '0': must be between 1 and 3650",
                        "history.maxReports = '999': must be between 1000 and 10000000"));
    }

    private static long nanos(String zoned) {
        Instant instant = ZonedDateTime.parse(zoned).toInstant();
        return SessionSchedule.toNanos(instant);
    }
}

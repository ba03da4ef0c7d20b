package io.alphintra.simexchange.internal.venue;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.sdk.instrument.AssetClass;
import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FxSpot;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.instrument.TradingSession;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.simexchange.internal.matching.BookConfig;
import io.alphintra.simexchange.internal.matching.SelfTradePrevention;
import io.alphintra.simexchange.internal.twin.InstrumentSpec;
import io.alphintra.simexchange.internal.twin.ReplayFormat;
import io.alphintra.simexchange.internal.twin.TwinSettings;

/**
 * A validated venue configuration: the only thing a venue is built from. {@link #from} reads every key, collects
 * every problem as {@code key = 'value': why}, and throws one
 * {@link io.alphintra.config.support.InvalidConfigurationException} if there is any, so nothing of a bad
 * configuration is ever applied.
 *
 * @param venue reference data of the venue, with the calendar in force: always open under
 *     {@link SessionMode#CONTINUOUS}
 * @param instruments the instruments in configuration order
 * @param makerFeeRate maker fee in tenths of a basis point (the matching engine's unit)
 * @param takerFeeRate taker fee in tenths of a basis point
 * @param ackLatencyNanos from a request's arrival on the venue thread to its effect, venue nanoseconds
 * @param selfTradePrevention mode for orders of one account meeting each other
 * @param bookDepth snapshot depth and declared {@code maxBookDepth}
 * @param commandQueueSize ring capacity, a power of two
 * @param expectedOrders client order ids the venue's indexes hold without growing: live orders, and used ids and
 *     finished orders up to {@code finishedOrderWindow}
 * @param finishedOrderWindow most client order ids (and their finished orders) remembered in a trading day; the
 *     oldest are forgotten first
 * @param reconnectDelayNanos venue time between a dropped session and the reconnect
 * @param clockMode how venue time moves
 * @param clockStart first venue time for VIRTUAL and MANUAL clocks
 * @param twin the market twin's settings
 * @param state where the venue keeps its orders and execution history across restarts, and how much history
 */
public record VenueSettings(Venue venue, List<InstrumentSpec> instruments, int makerFeeRate, int takerFeeRate,
        long ackLatencyNanos, SelfTradePrevention selfTradePrevention, int bookDepth, int commandQueueSize,
        int expectedOrders, int finishedOrderWindow, long reconnectDelayNanos, ClockMode clockMode,
        Instant clockStart, TwinSettings twin, StateSettings state) {

    /** Notional bound: every maxPrice × maxQuantity stays below this, so fees and sums cannot overflow. */
    private static final long NOTIONAL_LIMIT = Long.MAX_VALUE / 4;
    /** Bounds of {@code expectedOrders} and {@code finishedOrderWindow}; the upper keeps their tables in an int. */
    static final int MIN_ORDER_IDS = 1 << 10;
    static final int MAX_ORDER_IDS = 1 << 26;
    static final int DEFAULT_EXPECTED_ORDERS = 1 << 18;
    static final int DEFAULT_FINISHED_ORDER_WINDOW = 1 << 20;
    /** The Karaf data folder, under which venues keep their state by default. */
    static final String KARAF_DATA_PROPERTY = "karaf.data";

    public VenueSettings {
        instruments = List.copyOf(instruments);
    }

    /** Parses and validates a configuration. */
    static VenueSettings from(VenueConfig config, Map<String, ?> raw) {
        ConfigReader<VenueConfig> reader = new ConfigReader<>(VenueConfig.PID, config, raw);
        String venueId = reader.parsed("venueId", VenueConfig::venueId, Venue::requireVenueId);
        String name = reader.text("venueName", VenueConfig::venueName);
        Jurisdiction jurisdiction = reader.parsed("jurisdiction", VenueConfig::jurisdiction,
                text -> Jurisdiction.ofCode(text.trim()));
        Currency currency = reader.parsed("currency", VenueConfig::currency, text -> Currency.of(text.trim()));
        ZoneId zone = reader.parsed("timeZone", VenueConfig::timeZone, VenueSettings::zone);
        String sessionsText = reader.text("sessions", VenueConfig::sessions);
        List<TradingSession> sessions = sessionsText == null ? null
                : reader.parsed("sessions", VenueConfig::sessions, VenueSettings::sessions);
        SessionMode sessionMode = reader.parsed("sessionMode", VenueConfig::sessionMode,
                text -> enumValue(SessionMode.class, text));
        Set<LocalDate> holidays = reader.parsed("holidays", VenueConfig::holidays, VenueSettings::holidays);
        Map<LocalDate, LocalTime> earlyCloses = reader.parsed("earlyCloses", VenueConfig::earlyCloses,
                VenueSettings::earlyCloses);
        AssetClass assetClass = reader.parsed("assetClass", VenueConfig::assetClass, VenueSettings::assetClass);
        Integer priceScale = reader.range("priceScale", VenueConfig::priceScale, 0, Decimals.MAX_SCALE);
        Integer quantityScale = reader.range("quantityScale", VenueConfig::quantityScale, 0, Decimals.MAX_SCALE);
        String tickText = reader.text("tickTable", VenueConfig::tickTable);
        String lotText = reader.text("lotSize", VenueConfig::lotSize);
        String minText = reader.get("minQuantity", VenueConfig::minQuantity);
        Integer makerFee = reader.parsed("makerFeeBps", VenueConfig::makerFeeBps, VenueSettings::feeRate);
        Integer takerFee = reader.parsed("takerFeeBps", VenueConfig::takerFeeBps, VenueSettings::feeRate);
        Long latencyMicros = reader.get("ackLatencyMicros", VenueConfig::ackLatencyMicros);
        if (latencyMicros != null && (latencyMicros < 0 || latencyMicros > 60_000_000L)) {
            reader.problem("ackLatencyMicros", latencyMicros, "must be between 0 and 60000000 (one minute)");
            latencyMicros = null;
        }
        SelfTradePrevention stp = reader.parsed("selfTradePrevention", VenueConfig::selfTradePrevention,
                text -> enumValue(SelfTradePrevention.class, text));
        Integer bookDepth = reader.range("bookDepth", VenueConfig::bookDepth, 1, 10_000);
        Integer queueSize = reader.range("commandQueueSize", VenueConfig::commandQueueSize, 64, 1 << 20);
        if (queueSize != null && Integer.bitCount(queueSize) != 1) {
            reader.problem("commandQueueSize", queueSize, "must be a power of two");
        }
        Integer expectedOrders = reader.range("expectedOrders", VenueConfig::expectedOrders, MIN_ORDER_IDS,
                MAX_ORDER_IDS);
        Integer finishedOrderWindow = reader.range("finishedOrderWindow", VenueConfig::finishedOrderWindow,
                MIN_ORDER_IDS, MAX_ORDER_IDS);
        Long reconnectMillis = reader.get("reconnectDelayMillis", VenueConfig::reconnectDelayMillis);
        if (reconnectMillis != null && (reconnectMillis < 0 || reconnectMillis > 86_400_000L)) {
            reader.problem("reconnectDelayMillis", reconnectMillis, "must be between 0 and 86400000 (one day)");
            reconnectMillis = null;
        }
        ClockMode clockMode = reader.parsed("clock.mode", VenueConfig::clock_mode,
                text -> enumValue(ClockMode.class, text));
        Instant clockStart = reader.parsed("clock.start", VenueConfig::clock_start, text -> {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 instant such as 2026-01-05T14:30:00Z");
            }
        });
        TwinSettings twin = twin(reader);
        Boolean stateEnabled = reader.get("state.enabled", VenueConfig::state_enabled);
        String stateDirectory = reader.get("state.directory", VenueConfig::state_directory);
        Boolean stateSync = reader.get("state.sync", VenueConfig::state_sync);
        Integer historyDays = reader.range("history.days", VenueConfig::history_days, 1, 3650);
        Integer historyMaxReports = reader.range("history.maxReports", VenueConfig::history_maxReports, 1000,
                10_000_000);
        Path stateFolder = null;
        if (venueId != null && stateEnabled != null && stateDirectory != null && stateEnabled) {
            try {
                stateFolder = stateFolder(stateDirectory.trim(), venueId, System.getProperty(KARAF_DATA_PROPERTY));
            } catch (InvalidPathException e) {
                reader.problem("state.directory", stateDirectory, "not a path: " + e.getReason());
            }
        }

        Venue venue = null;
        if (venueId != null && name != null && jurisdiction != null && currency != null && zone != null
                && sessions != null && holidays != null && earlyCloses != null && sessionMode != null) {
            try {
                TradingCalendar configured = sessions.isEmpty()
                        ? alwaysOpen(zone, holidays, earlyCloses)
                        : TradingCalendar.weekly(zone, sessions, holidays, earlyCloses);
                // Reference data says when the venue trades: a session-aware consumer (bars aligned to sessions,
                // a rule refusing orders out of hours) must not drop or refuse what a continuous venue does.
                TradingCalendar calendar = sessionMode == SessionMode.CONTINUOUS
                        ? TradingCalendar.alwaysOpen(zone) : configured;
                venue = new Venue(venueId, name, jurisdiction, currency, calendar);
            } catch (IllegalArgumentException e) {
                reader.problem("sessions", sessionsText, e.getMessage());
            }
        }

        List<InstrumentSpec> instruments = new ArrayList<>();
        String instrumentsText = reader.text("instruments", VenueConfig::instruments);
        if (venue != null && assetClass != null && priceScale != null && quantityScale != null && tickText != null
                && lotText != null && minText != null && twin != null) {
            Defaults defaults = new Defaults(venue, assetClass, priceScale, tickText, quantityScale, lotText,
                    minText.trim(), reader.parsed("twin.volatility", VenueConfig::twin_volatility,
                            text -> decimalIn(text, 0.0, 5.0)),
                    reader.parsed("twin.spreadBps", VenueConfig::twin_spreadBps, text -> decimalIn(text, 0.01,
                            10_000.0)),
                    reader.range("twin.quoteLots", VenueConfig::twin_quoteLots, 1, 1_000_000));
            if (instrumentsText != null && defaults.volatility != null && defaults.spreadBps != null
                    && defaults.quoteLots != null) {
                Set<String> symbols = new HashSet<>();
                for (String entry : instrumentsText.split(";")) {
                    if (entry.isBlank()) {
                        continue;
                    }
                    try {
                        InstrumentSpec spec = instrument(entry.trim(), defaults);
                        if (!symbols.add(spec.instrument().id().symbol())) {
                            throw new IllegalArgumentException("symbol " + spec.instrument().id().symbol()
                                    + " is listed twice");
                        }
                        instruments.add(spec);
                    } catch (IllegalArgumentException | ArithmeticException e) {
                        reader.problem("instruments", entry.trim(), e.getMessage());
                    }
                }
                if (instruments.isEmpty() && reader.valid()) {
                    reader.problem("instruments", instrumentsText, "no instrument listed");
                }
            }
        }
        reader.requireValid();
        return new VenueSettings(venue, instruments, makerFee, takerFee, latencyMicros * 1_000L, stp, bookDepth,
                queueSize, expectedOrders, finishedOrderWindow, reconnectMillis * 1_000_000L, clockMode, clockStart,
                twin, new StateSettings(stateFolder, stateSync, historyDays, historyMaxReports));
    }

    /**
     * The folder of a venue's journal: {@code configured}, resolved against the Karaf data folder when relative, or
     * by default {@code karaf.data/simulated-venues/VENUE_ID}; null (state in memory only) when neither says where.
     */
    static Path stateFolder(String configured, String venueId, String karafData) {
        Path data = karafData == null || karafData.isBlank() ? null : Path.of(karafData);
        if (configured.isEmpty()) {
            return data == null ? null : data.resolve("simulated-venues").resolve(venueId).toAbsolutePath();
        }
        Path path = Path.of(configured);
        return (path.isAbsolute() || data == null ? path : data.resolve(path)).toAbsolutePath();
    }

    /** The instrument with this id, or null. */
    public InstrumentSpec instrument(InstrumentId id) {
        for (InstrumentSpec spec : instruments) {
            if (spec.instrument().id().equals(id)) {
                return spec;
            }
        }
        return null;
    }

    /** The matching engine's rules for an instrument of this venue. */
    BookConfig bookConfig(InstrumentSpec spec) {
        long tick = 0;
        for (TickTable.Band band : spec.instrument().tickTable().bands()) {
            tick = gcd(tick, band.tick());
        }
        return new BookConfig(tick, spec.instrument().lotSize(), spec.instrument().minQuantity(), spec.maxPrice(),
                spec.maxQuantity(), makerFeeRate, takerFeeRate, 1);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static TwinSettings twin(ConfigReader<VenueConfig> reader) {
        Boolean enabled = reader.get("twin.enabled", VenueConfig::twin_enabled);
        Long seed = reader.get("twin.seed", VenueConfig::twin_seed);
        Double rate = reader.parsed("twin.eventsPerSecond", VenueConfig::twin_eventsPerSecond,
                text -> decimalIn(text, 0.001, 100_000.0));
        Integer providers = reader.range("twin.liquidityProviders", VenueConfig::twin_liquidityProviders, 1, 50);
        Integer levels = reader.range("twin.levels", VenueConfig::twin_levels, 1, 50);
        Double noise = reader.parsed("twin.noiseProbability", VenueConfig::twin_noiseProbability,
                text -> decimalIn(text, 0.0, 1.0));
        Double momentum = reader.parsed("twin.momentumProbability", VenueConfig::twin_momentumProbability,
                text -> decimalIn(text, 0.0, 1.0));
        Double meanReversion = reader.parsed("twin.meanReversionProbability",
                VenueConfig::twin_meanReversionProbability, text -> decimalIn(text, 0.0, 1.0));
        Double alpha = reader.parsed("twin.garchAlpha", VenueConfig::twin_garchAlpha, text -> decimalIn(text, 0.0,
                0.999));
        Double beta = reader.parsed("twin.garchBeta", VenueConfig::twin_garchBeta, text -> decimalIn(text, 0.0,
                0.999));
        if (alpha != null && beta != null && alpha + beta >= 1) {
            reader.problem("twin.garchBeta", beta, "twin.garchAlpha + twin.garchBeta must be below 1 (was "
                    + (alpha + beta) + "), or the variance explodes");
            return null;
        }
        Integer degrees = reader.range("twin.tailDegrees", VenueConfig::twin_tailDegrees, 3, 30);
        if (enabled == null || seed == null || rate == null || providers == null || levels == null || noise == null
                || momentum == null || meanReversion == null || alpha == null || beta == null || degrees == null) {
            return null;
        }
        return new TwinSettings(enabled, seed, rate, providers, levels, noise, momentum, meanReversion, alpha, beta,
                degrees);
    }

    /** Venue-level defaults that instrument entries may override. */
    private record Defaults(Venue venue, AssetClass assetClass, int priceScale, String tickTable, int quantityScale,
            String lotSize, String minQuantity, Double volatility, Double spreadBps, Integer quoteLots) {
    }

    private static final Set<String> INSTRUMENT_KEYS = Set.of("class", "base", "quote", "priceScale", "tickTable",
            "quantityScale", "lot", "minQty", "maxQty", "maxPrice", "start", "vol", "spreadBps", "quoteLots",
            "replay", "replayFormat");

    /** One entry of {@code instruments}: {@code SYMBOL key=value ...}. */
    private static InstrumentSpec instrument(String entry, Defaults defaults) {
        String[] tokens = entry.split("\\s+");
        String symbol = tokens[0];
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq <= 0 || eq == tokens[i].length() - 1) {
                throw new IllegalArgumentException("'" + tokens[i] + "' is not key=value");
            }
            String key = tokens[i].substring(0, eq);
            if (!INSTRUMENT_KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(INSTRUMENT_KEYS)) + ")");
            }
            if (values.put(key, tokens[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("key '" + key + "' given twice");
            }
        }
        Venue venue = defaults.venue;
        InstrumentId id = InstrumentId.of(symbol, venue.id());
        AssetClass assetClass = values.containsKey("class") ? assetClass(values.get("class")) : defaults.assetClass;
        int priceScale = values.containsKey("priceScale")
                ? scale("priceScale", values.get("priceScale")) : defaults.priceScale;
        int quantityScale = values.containsKey("quantityScale")
                ? scale("quantityScale", values.get("quantityScale")) : defaults.quantityScale;
        TickTable ticks = tickTable(values.getOrDefault("tickTable", defaults.tickTable), priceScale);
        long lot = Decimals.parse("lot", values.getOrDefault("lot", defaults.lotSize), quantityScale);
        String minText = values.getOrDefault("minQty", defaults.minQuantity);
        long minQuantity = minText.isEmpty() ? lot : Decimals.parse("minQty", minText, quantityScale);
        TradingGrid grid = new TradingGrid(priceScale, ticks, quantityScale, lot, minQuantity);
        if (minQuantity % lot != 0) {
            throw new IllegalArgumentException("minQty = " + minText + ": not a multiple of the lot size");
        }
        Instrument instrument = switch (assetClass) {
            case EQUITY -> new Equity(id, currency("quote", values.getOrDefault("quote", venue.currency().code())),
                    venue.jurisdiction(), grid);
            case FX_SPOT -> new FxSpot(id, base(symbol, values), quote(symbol, values), venue.jurisdiction(), grid);
            case CRYPTO -> new CryptoPair(id, base(symbol, values), quote(symbol, values), venue.jurisdiction(),
                    grid);
            default -> throw new IllegalArgumentException("class = " + assetClass
                    + ": the simulator lists EQUITY, FX_SPOT and CRYPTO");
        };
        if (!values.containsKey("start")) {
            throw new IllegalArgumentException("start: required (the twin's first price, e.g. start=190.00)");
        }
        long start = instrument.requireValidPrice("start", Decimals.parse("start", values.get("start"), priceScale));
        long maxPrice = values.containsKey("maxPrice")
                ? instrument.requireValidPrice("maxPrice", Decimals.parse("maxPrice", values.get("maxPrice"),
                        priceScale))
                : ticks.floor(Math.multiplyExact(start, 100L));
        if (maxPrice <= start) {
            throw new IllegalArgumentException("maxPrice = " + instrument.formatPrice(maxPrice)
                    + ": must be above start = " + instrument.formatPrice(start));
        }
        long quantityCap = NOTIONAL_LIMIT / maxPrice;
        long maxQuantity;
        if (values.containsKey("maxQty")) {
            maxQuantity = instrument.requireValidQuantity("maxQty", Decimals.parse("maxQty", values.get("maxQty"),
                    quantityScale));
            if (maxQuantity > quantityCap) {
                throw new IllegalArgumentException("maxQty = " + values.get("maxQty") + ": maxPrice × maxQty"
                        + " would not fit the venue's notional range; at most "
                        + instrument.formatQuantity(quantityCap - quantityCap % lot));
            }
        } else {
            maxQuantity = Math.min(quantityCap, Math.multiplyExact(lot, 1_000_000L));
            maxQuantity -= maxQuantity % lot;
            if (maxQuantity < minQuantity) {
                throw new IllegalArgumentException("maxPrice = " + instrument.formatPrice(maxPrice)
                        + ": too large for the lot size (no quantity fits the notional range)");
            }
        }
        double volatility = values.containsKey("vol") ? decimalIn(values.get("vol"), 0.0, 5.0) : defaults.volatility;
        double spreadBps = values.containsKey("spreadBps")
                ? decimalIn(values.get("spreadBps"), 0.01, 10_000.0) : defaults.spreadBps;
        long quoteLots = values.containsKey("quoteLots")
                ? (long) (double) decimalIn(values.get("quoteLots"), 1, 1_000_000) : defaults.quoteLots;
        long quoteQuantity = Math.min(Math.multiplyExact(quoteLots, lot), maxQuantity - maxQuantity % lot);
        quoteQuantity = Math.max(quoteQuantity - quoteQuantity % lot, minQuantity);
        Path replay = null;
        ReplayFormat replayFormat = null;
        if (values.containsKey("replay")) {
            replay = Path.of(values.get("replay"));
            replayFormat = enumValue(ReplayFormat.class, values.getOrDefault("replayFormat", "TRADES"));
        } else if (values.containsKey("replayFormat")) {
            throw new IllegalArgumentException("replayFormat: given without replay=FILE");
        }
        return new InstrumentSpec(instrument, maxPrice, maxQuantity, start, volatility, spreadBps, quoteQuantity,
                replay, replayFormat);
    }

    private static Currency base(String symbol, Map<String, String> values) {
        return values.containsKey("base") ? currency("base", values.get("base")) : currency("base",
                pairPart(symbol, 0));
    }

    private static Currency quote(String symbol, Map<String, String> values) {
        return values.containsKey("quote") ? currency("quote", values.get("quote")) : currency("quote",
                pairPart(symbol, 1));
    }

    private static String pairPart(String symbol, int part) {
        String[] parts = symbol.split("[/\\-]");
        if (parts.length != 2) {
            throw new IllegalArgumentException("symbol " + symbol + ": give base= and quote=, or name the pair"
                    + " BASE/QUOTE or BASE-QUOTE");
        }
        return parts[part];
    }

    private static Currency currency(String key, String code) {
        try {
            return Currency.of(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " = '" + code + "': " + e.getMessage(), e);
        }
    }

    private static int scale(String key, String text) {
        try {
            return Decimals.requireScale(key, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + text + "': not a whole number", e);
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time zone id such as Europe/Berlin");
        }
    }

    static AssetClass assetClass(String text) {
        return enumValue(AssetClass.class, text);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        List<String> names = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            names.add(value.name());
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ", names));
    }

    static double decimalIn(String text, double min, double max) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("'" + text + "' must be between " + min + " and " + max);
        }
        return value;
    }

    /** Basis points with at most one decimal, as tenths of a basis point. */
    static int feeRate(String text) {
        long tenths = Decimals.parse("fee", text.trim(), 1);
        if (tenths < 0 || tenths > BookConfig.FEE_RATE_SCALE) {
            throw new IllegalArgumentException("must be between 0 and 10000 basis points (rebates are not"
                    + " simulated)");
        }
        return (int) tenths;
    }

    /** {@code 0.01}, or bands {@code 0:0.1, 1000:0.5}: from-price and tick as decimals at the price scale. */
    static TickTable tickTable(String text, int priceScale) {
        String trimmed = text.trim();
        if (!trimmed.contains(":")) {
            return TickTable.flat(Decimals.parse("tickTable", trimmed, priceScale));
        }
        List<TickTable.Band> bands = new ArrayList<>();
        for (String band : trimmed.split(",")) {
            String[] parts = band.trim().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("tickTable band '" + band.trim() + "': expected from:tick");
            }
            bands.add(new TickTable.Band(Decimals.parse("tickTable from", parts[0].trim(), priceScale),
                    Decimals.parse("tickTable tick", parts[1].trim(), priceScale)));
        }
        return TickTable.of(bands);
    }

    /** {@code 24x7} (empty list), or comma-separated {@code Mon-Fri 09:30-16:00}. */
    static List<TradingSession> sessions(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("24x7")) {
            return List.of();
        }
        List<TradingSession> sessions = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            String[] tokens = part.trim().split("\\s+");
            if (tokens.length != 2) {
                throw new IllegalArgumentException("session '" + part.trim() + "': expected DAYS HH:MM-HH:MM, e.g."
                        + " Mon-Fri 09:30-16:00, or 24x7");
            }
            String[] days = tokens[0].split("-");
            String[] times = tokens[1].split("-");
            if (days.length > 2 || times.length != 2) {
                throw new IllegalArgumentException("session '" + part.trim() + "': expected DAYS HH:MM-HH:MM");
            }
            DayOfWeek first = day(days[0]);
            DayOfWeek last = days.length == 2 ? day(days[1]) : first;
            LocalTime open = time(times[0]);
            LocalTime close = time(times[1]);
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                sessions.add(new TradingSession(day, open, close));
                if (day == last) {
                    break;
                }
            }
        }
        return List.copyOf(sessions);
    }

    static Set<LocalDate> holidays(String text) {
        Set<LocalDate> dates = new HashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                dates.add(date(part.trim()));
            }
        }
        return Set.copyOf(dates);
    }

    static Map<LocalDate, LocalTime> earlyCloses(String text) {
        Map<LocalDate, LocalTime> closes = new TreeMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] tokens = part.trim().split("\\s+");
            if (tokens.length != 2) {
                throw new IllegalArgumentException("early close '" + part.trim() + "': expected DATE HH:MM");
            }
            closes.put(date(tokens[0]), time(tokens[1]));
        }
        return Map.copyOf(closes);
    }

    private static TradingCalendar alwaysOpen(ZoneId zone, Set<LocalDate> holidays,
            Map<LocalDate, LocalTime> earlyCloses) {
        if (!holidays.isEmpty() || !earlyCloses.isEmpty()) {
            throw new IllegalArgumentException("a 24x7 venue has no holidays or early closes");
        }
        return TradingCalendar.alwaysOpen(zone);
    }

    private static DayOfWeek day(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (key.length() >= 3 && day.name().startsWith(key)) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a weekday (Mon, Tue, ... Sun)");
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time HH:MM");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date YYYY-MM-DD");
        }
    }
}

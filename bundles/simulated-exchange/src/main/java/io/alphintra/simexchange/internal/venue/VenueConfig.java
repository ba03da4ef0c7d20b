package io.alphintra.simexchange.internal.venue;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One simulated venue (factory configuration: one {@code etc/io.alphintra.venue.simulated-NAME.cfg} per venue).
 * Attribute names with {@code _} are read as {@code .} ({@code twin_seed} is the key {@code twin.seed}).
 * The value grammars are described in the bundle's README.md.
 */
@ObjectClassDefinition(id = VenueConfig.PID, name = "Alphintra simulated venue",
        description = "A simulated exchange: instruments, sessions, fees, latency, and the market twin that trades"
                + " on it.")
@interface VenueConfig {
    String PID = "io.alphintra.venue.simulated";

    @AttributeDefinition(description = "Venue id: 1 to 16 characters A-Z, 0-9 or _, e.g. SIMX_US.")
    String venueId() default "";

    @AttributeDefinition(description = "Display name.")
    String venueName() default "Simulated exchange";

    @AttributeDefinition(description = "Regulatory regime: US, EU, UK, JP, SG, HK, CH or AU.")
    String jurisdiction() default "US";

    @AttributeDefinition(description = "Main trading currency (ISO 4217 or a listed crypto code).")
    String currency() default "USD";

    @AttributeDefinition(description = "Time zone of the sessions, e.g. America/New_York.")
    String timeZone() default "UTC";

    @AttributeDefinition(description = "'24x7', or comma-separated weekly sessions such as 'Mon-Fri 09:30-16:00'.")
    String sessions() default "24x7";

    @AttributeDefinition(description = "'calendar' keeps the sessions, holidays and early closes above;"
            + " 'continuous' opens the venue at all hours every day (the demo default), the trading day rolling at"
            + " local midnight.")
    String sessionMode() default "calendar";

    @AttributeDefinition(description = "Comma-separated local dates without sessions, e.g. 2026-12-25.")
    String holidays() default "";

    @AttributeDefinition(description = "Comma-separated early closes, 'date time', e.g. '2026-11-27 13:00'.")
    String earlyCloses() default "";

    @AttributeDefinition(description = "Default asset class of the instruments: EQUITY, FX_SPOT or CRYPTO.")
    String assetClass() default "EQUITY";

    @AttributeDefinition(description = "Default decimals of prices (0 to 18).")
    int priceScale() default 2;

    @AttributeDefinition(description = "Default tick table: one tick ('0.01') or bands 'from:tick, from:tick'.")
    String tickTable() default "0.01";

    @AttributeDefinition(description = "Default decimals of quantities (0 to 18).")
    int quantityScale() default 0;

    @AttributeDefinition(description = "Default lot size, a decimal quantity.")
    String lotSize() default "1";

    @AttributeDefinition(description = "Default minimum order quantity; empty means one lot.")
    String minQuantity() default "";

    @AttributeDefinition(description = "Instruments separated by ';': 'SYMBOL key=value ...' (see README.md).")
    String instruments() default "";

    @AttributeDefinition(description = "Maker fee in basis points, up to one decimal (0.5 = 0.005 %).")
    String makerFeeBps() default "0";

    @AttributeDefinition(description = "Taker fee in basis points, up to one decimal.")
    String takerFeeBps() default "0";

    @AttributeDefinition(description = "Time from a request's arrival to its effect and report, microseconds.")
    long ackLatencyMicros() default 0;

    @AttributeDefinition(description = "Self-trade prevention between orders of one account: NONE,"
            + " CANCEL_RESTING, CANCEL_INCOMING or CANCEL_BOTH.")
    String selfTradePrevention() default "CANCEL_RESTING";

    @AttributeDefinition(description = "Price levels per side of a book snapshot, also the declared maxBookDepth.")
    int bookDepth() default 50;

    @AttributeDefinition(description = "Capacity of the command ring from the host to the venue thread (power of"
            + " two); a full ring rejects with THROTTLED rather than block the host.")
    int commandQueueSize() default 4096;

    @AttributeDefinition(description = "Client order ids the venue's order indexes hold without growing (1024 to"
            + " 67108864): live orders, and ids used and orders finished in the trading day up to"
            + " finishedOrderWindow. Growing copies every entry on the venue thread, a pause.")
    int expectedOrders() default VenueSettings.DEFAULT_EXPECTED_ORDERS;

    @AttributeDefinition(description = "Most client order ids, with their finished orders, remembered in a trading"
            + " day (1024 to 67108864); the oldest are forgotten first. A forgotten id may be used again, and a"
            + " cancel of its order is answered as one of an unknown order.")
    int finishedOrderWindow() default VenueSettings.DEFAULT_FINISHED_ORDER_WINDOW;

    @AttributeDefinition(description = "Venue time after a dropped session until the venue reconnects, ms.")
    long reconnectDelayMillis() default 1000;

    @AttributeDefinition(description = "Whether the venue keeps the host's resting orders and its execution history"
            + " on disk, so that a restarted node finds them (only where state.directory or karaf.data gives a"
            + " folder).")
    boolean state_enabled() default true;

    @AttributeDefinition(description = "Folder of the venue's journal; empty: karaf.data/simulated-venues/VENUE_ID."
            + " A relative path is resolved against karaf.data.")
    String state_directory() default "";

    @AttributeDefinition(description = "Whether each journal record is forced to the disk (fsync) before the venue"
            + " reports it; otherwise it is handed to the operating system, which survives a killed JVM but not a"
            + " power loss.")
    boolean state_sync() default false;

    @AttributeDefinition(description = "Days of venue time of execution reports kept for executionsSince (1 to"
            + " 3650).")
    int history_days() default StateSettings.DEFAULT_HISTORY_DAYS;

    @AttributeDefinition(description = "Most execution reports kept for executionsSince (1000 to 10000000); the"
            + " oldest go first.")
    int history_maxReports() default StateSettings.DEFAULT_HISTORY_MAX_REPORTS;

    @AttributeDefinition(description = "Venue clock: 'realtime' (wall clock, the server), 'virtual' (as fast as"
            + " possible) or 'manual' (moved only by advanceTime, for tests).")
    String clock_mode() default "realtime";

    @AttributeDefinition(description = "Start of venue time for virtual and manual clocks, ISO-8601 instant.")
    String clock_start() default "2026-01-05T00:00:00Z";

    @AttributeDefinition(description = "Whether the market twin trades on this venue.")
    boolean twin_enabled() default true;

    @AttributeDefinition(description = "Seed of the twin: the same seed gives the same tape.")
    long twin_seed() default 1;

    @AttributeDefinition(description = "Mean twin events per second per instrument, in venue time.")
    String twin_eventsPerSecond() default "5";

    @AttributeDefinition(description = "Default annualised volatility of the fair value, e.g. 0.25.")
    String twin_volatility() default "0.25";

    @AttributeDefinition(description = "Default half spread of the liquidity providers' best quotes, basis points.")
    String twin_spreadBps() default "2";

    @AttributeDefinition(description = "Default quote size of a liquidity provider per level, in lots.")
    int twin_quoteLots() default 10;

    @AttributeDefinition(description = "Liquidity providers per instrument.")
    int twin_liquidityProviders() default 3;

    @AttributeDefinition(description = "Price levels each liquidity provider quotes per side.")
    int twin_levels() default 5;

    @AttributeDefinition(description = "Probability per event that a noise trader acts.")
    String twin_noiseProbability() default "0.6";

    @AttributeDefinition(description = "Probability per event that the momentum trader checks its signal.")
    String twin_momentumProbability() default "0.15";

    @AttributeDefinition(description = "Probability per event that the mean-reversion trader checks its signal.")
    String twin_meanReversionProbability() default "0.15";

    @AttributeDefinition(description = "GARCH(1,1) alpha: weight of the last squared shock.")
    String twin_garchAlpha() default "0.08";

    @AttributeDefinition(description = "GARCH(1,1) beta: persistence of variance (alpha + beta < 1).")
    String twin_garchBeta() default "0.90";

    @AttributeDefinition(description = "Degrees of freedom of the Student-t shocks (3 to 30; lower = fatter tails).")
    int twin_tailDegrees() default 4;
}

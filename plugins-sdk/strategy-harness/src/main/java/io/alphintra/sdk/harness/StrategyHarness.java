package io.alphintra.sdk.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyFactory;
import io.alphintra.simexchange.Recording;
import io.alphintra.simexchange.SimulatedVenues;

/**
 * Runs a strategy against recorded market data on the simulated exchange, in virtual time, and returns what it
 * did. For JUnit tests of a partner's {@link Strategy}:
 *
 * <pre>{@code
 * HarnessResult result = StrategyHarness.builder()
 *         .instrument(BTC_USD, Recording.trades(Path.of("src/test/resources/trades.csv")))
 *         .cash(Money.parse(Currency.USD, "10000.00"))
 *         .run(new MyStrategyFactory(), config);
 * assertEquals(3, result.fills().size());
 * }</pre>
 *
 * <p>Each {@code run} builds a fresh venue and replays the recordings from the start, so one builder can run
 * several strategies, or the same one twice. The venue replays the recordings as described in
 * {@link SimulatedVenues}: a resting order fills where the recording trades through it, a marketable one pays the
 * spread. The strategy's context behaves as the engine's: orders only in the configured instruments and under the
 * instance's attribution (an {@link IllegalArgumentException} at the call otherwise), a reused client order id is a
 * rejection report, reports arrive after the callback that caused them, bars are built from the recorded trades,
 * positions and cash are booked from the fills. A strategy that throws fails the run with a
 * {@link StrategyFailure} naming the callback, the event and the virtual time.
 */
public final class StrategyHarness {

    private StrategyHarness() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the market and the account of a run; not thread-safe. */
    public static final class Builder {

        private final List<Instrument> instruments = new ArrayList<>();
        private final List<Recording> recordings = new ArrayList<>();
        private final List<Money> cash = new ArrayList<>();
        private Duration ackLatency = Duration.ZERO;
        private String makerFeeBps = "0";
        private String takerFeeBps = "0";
        private int spreadTicks = 1;

        private Builder() {
        }

        /**
         * An instrument the strategy may trade, and the recording that is its market. Every instrument is on one
         * venue; the first one's quote currency is the account's base currency.
         */
        public Builder instrument(Instrument instrument, Recording recording) {
            venue().instrument(instrument, recording);
            instruments.add(instrument);
            recordings.add(recording);
            return this;
        }

        /** Venue time from an order, cancel or replace to its effect; zero by default. */
        public Builder ackLatency(Duration latency) {
            venue().ackLatency(latency);
            ackLatency = latency;
            return this;
        }

        /** The venue's fees in basis points, e.g. {@code fees("1", "2.5")}; zero by default. */
        public Builder fees(String makerBps, String takerBps) {
            venue().fees(makerBps, takerBps);
            makerFeeBps = makerBps;
            takerFeeBps = takerBps;
            return this;
        }

        /** How many ticks the recorded market quotes either side of each print; 1 by default. */
        public Builder spreadTicks(int ticks) {
            venue().spreadTicks(ticks);
            spreadTicks = ticks;
            return this;
        }

        /** Cash the account starts with; once per currency, or the amounts add up. None by default. */
        public Builder cash(Money amount) {
            if (amount == null) {
                throw new IllegalArgumentException("amount: required (was null)");
            }
            cash.add(amount);
            return this;
        }

        /**
         * Runs {@code strategy} with {@code config} from the first recorded print until the recording ends and the
         * venue has answered every request, or until the strategy asks to stop.
         *
         * @throws StrategyFailure if the strategy throws from a callback
         * @throws IllegalArgumentException for a recording that cannot be replayed (naming file, line and field),
         *     or a configured instrument without a recording
         */
        public HarnessResult run(StrategyConfig config, Strategy strategy) {
            if (config == null || strategy == null) {
                throw new IllegalArgumentException("config = " + config + ", strategy = " + strategy
                        + ": both are required");
            }
            return new HarnessRun(config, strategy, venue().buildManual(), instruments, cash).run();
        }

        /** Creates the strategy with {@code factory}, as the engine does, then {@link #run(StrategyConfig, Strategy)}. */
        public HarnessResult run(StrategyFactory factory, StrategyConfig config) {
            if (factory == null) {
                throw new IllegalArgumentException("factory: required (was null)");
            }
            return run(config, factory.create(config));
        }

        /** A venue builder with everything set so far; its setters check each value as it is given. */
        private SimulatedVenues.Builder venue() {
            SimulatedVenues.Builder venue = SimulatedVenues.builder().ackLatency(ackLatency)
                    .fees(makerFeeBps, takerFeeBps).spreadTicks(spreadTicks);
            for (int i = 0; i < instruments.size(); i++) {
                venue.instrument(instruments.get(i), recordings.get(i));
            }
            return venue;
        }
    }
}

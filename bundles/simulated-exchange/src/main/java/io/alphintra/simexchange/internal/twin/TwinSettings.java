package io.alphintra.simexchange.internal.twin;

/**
 * Venue-wide settings of the market twin. Doubles are model parameters of the simulation; they never become an
 * order price or quantity without being snapped to the instrument's grid as a {@code long}.
 *
 * @param enabled whether the twin trades at all
 * @param seed the same seed (and settings) gives the same tape
 * @param eventsPerSecond mean twin events per second per instrument, in venue time (Poisson arrivals)
 * @param liquidityProviders market makers per instrument
 * @param levels price levels each market maker quotes per side
 * @param noiseProbability chance per event that a noise trader acts
 * @param momentumProbability chance per event that the momentum trader checks its signal
 * @param meanReversionProbability chance per event that the mean-reversion trader checks its signal
 * @param garchAlpha GARCH(1,1) weight of the last squared shock
 * @param garchBeta GARCH(1,1) persistence; {@code alpha + beta < 1}
 * @param tailDegrees degrees of freedom of the Student-t shocks, 3 to 30
 */
public record TwinSettings(boolean enabled, long seed, double eventsPerSecond, int liquidityProviders, int levels,
        double noiseProbability, double momentumProbability, double meanReversionProbability, double garchAlpha,
        double garchBeta, int tailDegrees) {

    public TwinSettings {
        if (!(eventsPerSecond > 0 && eventsPerSecond <= 100_000)) {
            throw new IllegalArgumentException("eventsPerSecond = " + eventsPerSecond + ": must be in (0, 100000]");
        }
        if (liquidityProviders < 1 || levels < 1) {
            throw new IllegalArgumentException("liquidityProviders and levels must be at least 1");
        }
        if (!(garchAlpha >= 0 && garchBeta >= 0 && garchAlpha + garchBeta < 1)) {
            throw new IllegalArgumentException("garchAlpha = " + garchAlpha + ", garchBeta = " + garchBeta
                    + ": need alpha >= 0, beta >= 0 and alpha + beta < 1");
        }
        if (tailDegrees < 3 || tailDegrees > 30) {
            throw new IllegalArgumentException("tailDegrees = " + tailDegrees + ": must be 3 to 30");
        }
    }

    /** Defaults for tests and tools. */
    public static TwinSettings defaults(long seed) {
        return new TwinSettings(true, seed, 5, 3, 5, 0.6, 0.15, 0.15, 0.08, 0.90, 4);
    }

    public TwinSettings withEventsPerSecond(double value) {
        return new TwinSettings(enabled, seed, value, liquidityProviders, levels, noiseProbability,
                momentumProbability, meanReversionProbability, garchAlpha, garchBeta, tailDegrees);
    }

    public TwinSettings withEnabled(boolean value) {
        return new TwinSettings(value, seed, eventsPerSecond, liquidityProviders, levels, noiseProbability,
                momentumProbability, meanReversionProbability, garchAlpha, garchBeta, tailDegrees);
    }
}

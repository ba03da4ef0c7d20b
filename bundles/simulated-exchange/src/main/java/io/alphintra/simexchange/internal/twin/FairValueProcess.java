package io.alphintra.simexchange.internal.twin;

/**
 * The twin's fundamental value: a log-price random walk whose shocks are Student-t (fat tails) and whose variance
 * follows GARCH(1,1) (volatility clustering): {@code e = sqrt(h) z}, {@code h' = omega + alpha e^2 + beta h},
 * with {@code omega} chosen so that the long-run variance per step matches the configured annual volatility.
 *
 * <p>The value is a double in price units: it is a model quantity. Agents turn it into order prices only by
 * snapping to the tick table as {@code long}s.
 */
public final class FairValueProcess {

    /** Shocks are capped at this many standard deviations, so one draw cannot make the price meaningless. */
    private static final double MAX_SHOCK = 12;

    private final Rng rng;
    private final double alpha;
    private final double beta;
    private final double omega;
    private final double longRunVariance;
    private final int degrees;
    private final double minLog;
    private final double maxLog;
    private double logPrice;
    private double variance;

    /**
     * @param start first value, price units (positive)
     * @param annualVolatility e.g. 0.25
     * @param stepsPerYear mean events per year of trading time, to scale the volatility to one step
     * @param min lowest value, price units (positive)
     * @param max highest value, price units
     */
    public FairValueProcess(Rng rng, double start, double annualVolatility, double stepsPerYear, double alpha,
            double beta, int degrees, double min, double max) {
        this.rng = rng;
        this.alpha = alpha;
        this.beta = beta;
        this.degrees = degrees;
        this.longRunVariance = annualVolatility * annualVolatility / stepsPerYear;
        this.omega = longRunVariance * (1 - alpha - beta);
        this.variance = longRunVariance;
        this.logPrice = Math.log(start);
        this.minLog = Math.log(min);
        this.maxLog = Math.log(max);
    }

    /** Advances one step and returns the new value. */
    public double step() {
        double z = Math.max(-MAX_SHOCK, Math.min(MAX_SHOCK, rng.nextStudentT(degrees)));
        double shock = Math.sqrt(variance) * z;
        logPrice += shock - 0.5 * variance;
        // Reflect at the bounds rather than stick to them: the book refuses prices outside them.
        if (logPrice < minLog) {
            logPrice = 2 * minLog - logPrice;
        } else if (logPrice > maxLog) {
            logPrice = 2 * maxLog - logPrice;
        }
        variance = omega + alpha * shock * shock + beta * variance;
        return value();
    }

    /** Moves the value to an observed price (replay) without touching the variance state. */
    public void resetTo(double price) {
        logPrice = Math.log(price);
    }

    public double value() {
        return Math.exp(logPrice);
    }

    public double variance() {
        return variance;
    }

    public double longRunVariance() {
        return longRunVariance;
    }
}

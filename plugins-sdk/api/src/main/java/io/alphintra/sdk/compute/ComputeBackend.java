package io.alphintra.sdk.compute;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Batch numeric kernels for analytics (indicators over many series, portfolio VaR, correlations), implemented on
 * the CPU or on an accelerator such as a GPU. Register it as an OSGi service; the host offers the preferred one to
 * risk models and analytics.
 *
 * <p><b>Analytics only.</b> These kernels work in {@code double} and their results are estimates: never use them
 * for an order's price or quantity, a fee, a position or a limit comparison that must be exact. Those use the
 * fixed-point types of {@code io.alphintra.sdk.money}.
 *
 * <p><b>Shapes.</b> Arrays are Java arrays of arrays, row-major, and never jagged (an
 * {@link IllegalArgumentException} names the first bad row). Two layouts are used and each method says which:
 * <ul>
 *   <li><i>series-major</i> {@code series[s][t]}: S series, each with T observations, oldest first;</li>
 *   <li><i>observation-major</i> {@code returns[t][a]}: T observations (rows) of A assets (columns), the usual
 *       layout of a returns matrix.</li>
 * </ul>
 * Inputs are not modified and results are fresh arrays. NaN inputs propagate.
 *
 * <p><b>Threading.</b> Called off the engine thread, possibly from several threads at once: implementations are
 * thread-safe. Calls may take milliseconds to seconds and should honour thread interruption.
 */
@ConsumerType
public interface ComputeBackend {

    /** Short name for logs and configuration, e.g. {@code cpu} or {@code cuda}. */
    String name();

    /** Whether the kernels run on an accelerator rather than the JVM's threads. */
    boolean accelerated();

    /**
     * Simple moving averages over a window of {@code window} observations.
     *
     * @param series series-major {@code [S][T]}
     * @param window positive window length
     * @return {@code [S][T]}; element {@code t} averages observations {@code t-window+1..t}, and the first
     *     {@code window-1} elements of each row are NaN
     */
    double[][] simpleMovingAverages(double[][] series, int window);

    /**
     * Exponential moving averages {@code ema[t] = alpha * x[t] + (1 - alpha) * ema[t-1]}, seeded with
     * {@code ema[0] = x[0]}.
     *
     * @param series series-major {@code [S][T]}
     * @param alpha smoothing factor in (0, 1]; {@code 2 / (n + 1)} for an n-period EMA
     * @return {@code [S][T]}
     */
    double[][] exponentialMovingAverages(double[][] series, double alpha);

    /**
     * Historical-simulation value at risk of a portfolio with the given weights.
     *
     * @param returns observation-major {@code [T][A]} simple returns of A assets
     * @param weights {@code [A]} portfolio weights (fractions of value; may be negative for shorts)
     * @param confidence e.g. 0.99
     * @return the loss not exceeded with probability {@code confidence}, as a positive fraction of portfolio value
     *     (0.023 means 2.3 %); multiply by the portfolio value for an amount
     */
    double historicalVaR(double[][] returns, double[] weights, double confidence);

    /**
     * Monte-Carlo value at risk under a multivariate normal model of returns.
     *
     * @param meanReturns {@code [A]} expected returns per period
     * @param covariance {@code [A][A]} symmetric positive semi-definite covariance of returns
     * @param weights {@code [A]} portfolio weights
     * @param confidence e.g. 0.99
     * @param paths number of simulated scenarios, positive
     * @param seed random seed; the same inputs and seed give the same result on the same backend
     * @return the loss quantile as a positive fraction of portfolio value, like
     *     {@link #historicalVaR(double[][], double[], double)}
     */
    double monteCarloVaR(double[] meanReturns, double[][] covariance, double[] weights, double confidence, int paths,
            long seed);

    /**
     * Pearson correlation matrix of asset returns.
     *
     * @param returns observation-major {@code [T][A]}, at least two observations
     * @return {@code [A][A]}, symmetric with ones on the diagonal; NaN for an asset with zero variance
     */
    double[][] correlationMatrix(double[][] returns);
}

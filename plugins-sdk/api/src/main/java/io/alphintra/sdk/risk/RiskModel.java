package io.alphintra.sdk.risk;

import org.osgi.annotation.versioning.ConsumerType;

import io.alphintra.sdk.portfolio.AccountSnapshot;

/**
 * Computes a portfolio risk measure such as historical or Monte-Carlo VaR. Register it as an OSGi service; the
 * host calls it off the engine thread, periodically and on demand, and compares the result with configured
 * limits. It may take time, but must honour thread interruption so that the host can cancel it.
 */
@ConsumerType
public interface RiskModel {

    /** Stable id, e.g. {@code historical-var}. */
    String id();

    /** Version of the model's logic, recorded with every measure. */
    String version();

    /**
     * Measures {@code portfolio}.
     *
     * @param context market history, valuation and a compute backend
     */
    RiskMeasure compute(AccountSnapshot portfolio, RiskModelContext context);
}

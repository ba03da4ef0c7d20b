package io.alphintra.sdk.risk;

import java.time.Duration;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Money;

/**
 * A risk figure for a portfolio, e.g. 1-day 99 % value at risk. An analytic: computed in floating point by the
 * model, then stated as exact {@link Money} (rounded by the model, explicitly) so it can be compared with limits.
 *
 * @param name what is measured, e.g. {@code VaR} or {@code ExpectedShortfall}
 * @param value the figure in the account's base currency; a loss is stated as a positive amount
 * @param confidenceLevel between 0 and 1 exclusive, e.g. 0.99; 0 when the measure has none
 * @param horizon holding period; {@link Duration#ZERO} when the measure has none
 * @param modelId the {@link RiskModel#id()} that computed it
 * @param modelVersion the model's version
 * @param asOfNanos time of the portfolio snapshot, epoch nanoseconds
 */
public record RiskMeasure(String name, Money value, double confidenceLevel, Duration horizon, String modelId,
        String modelVersion, long asOfNanos) {

    public RiskMeasure {
        Checks.id("name", name);
        Checks.required("value", value);
        if (!(confidenceLevel == 0 || (confidenceLevel > 0 && confidenceLevel < 1))) {
            throw new IllegalArgumentException("confidenceLevel = " + confidenceLevel
                    + ": must be 0 (none) or between 0 and 1 exclusive");
        }
        Checks.required("horizon", horizon);
        if (horizon.isNegative()) {
            throw new IllegalArgumentException("horizon = " + horizon + ": must not be negative");
        }
        Checks.id("modelId", modelId);
        Checks.id("modelVersion", modelVersion);
    }
}

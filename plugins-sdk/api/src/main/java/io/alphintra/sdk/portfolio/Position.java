package io.alphintra.sdk.portfolio;

import java.math.RoundingMode;
import java.util.OptionalLong;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;

/**
 * A net position of one strategy in one account and instrument, as the host books it.
 *
 * <p>The average open price is kept exactly, like in {@code ExecutionReport}: {@link #openPriceQuantity()} is
 * the exact Σ price × quantity of the open quantity (units of {@code 10^-(priceScale + quantityScale)}, always
 * for the absolute quantity, so it has the sign of the prices, not of the position), and
 * {@link #averageOpenPrice(RoundingMode)} rounds only on request.
 *
 * @param accountId the account
 * @param strategyId the strategy instance
 * @param instrumentId the instrument
 * @param netQuantity quantity units; positive long, negative short, 0 flat
 * @param openPriceQuantity exact Σ price × |quantity| of the open quantity; 0 when flat
 * @param realizedPnl realised profit and loss in the instrument's quote currency, after fees
 * @param asOfNanos when the host last changed this position, epoch nanoseconds
 */
public record Position(String accountId, String strategyId, InstrumentId instrumentId, long netQuantity,
        long openPriceQuantity, Money realizedPnl, long asOfNanos) {

    public Position {
        Checks.id("accountId", accountId);
        Checks.id("strategyId", strategyId);
        Checks.required("instrumentId", instrumentId);
        Checks.required("realizedPnl", realizedPnl);
        if (netQuantity == 0 && openPriceQuantity != 0) {
            throw new IllegalArgumentException("openPriceQuantity = " + openPriceQuantity
                    + ": must be 0 for a flat position");
        }
        if (netQuantity == Long.MIN_VALUE) {
            throw new IllegalArgumentException("netQuantity = " + netQuantity + ": out of range");
        }
    }

    public boolean isFlat() {
        return netQuantity == 0;
    }

    public boolean isLong() {
        return netQuantity > 0;
    }

    public boolean isShort() {
        return netQuantity < 0;
    }

    /** Average open price in price units, rounded with {@code mode}; empty when flat. */
    public OptionalLong averageOpenPrice(RoundingMode mode) {
        if (netQuantity == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Decimals.divide(openPriceQuantity, Math.abs(netQuantity), mode));
    }
}

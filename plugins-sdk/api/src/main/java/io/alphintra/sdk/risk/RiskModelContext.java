package io.alphintra.sdk.risk;

import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.compute.ComputeBackend;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;

/** Market data and services a {@link RiskModel} may use, provided by the host. */
@ProviderType
public interface RiskModelContext {

    Optional<Instrument> instrument(InstrumentId instrumentId);

    /** The latest valuation price in price units, if known. */
    OptionalLong markPrice(InstrumentId instrumentId);

    /**
     * Daily simple returns, oldest first, up to {@code days} of them; a fresh array the caller owns. Analytics
     * only: doubles are fine here, never for prices of orders.
     */
    double[] dailyReturns(InstrumentId instrumentId, int days);

    /** {@code amount} in {@code currency} at the host's current rate, rounded half-even to its minor units. */
    Optional<Money> convert(Money amount, Currency currency);

    /** The preferred compute backend (accelerated if one is installed, else the host's CPU implementation). */
    ComputeBackend computeBackend();
}

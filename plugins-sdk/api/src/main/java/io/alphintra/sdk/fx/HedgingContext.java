package io.alphintra.sdk.fx;

import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;

/** What a {@link HedgingPolicy} needs to turn exposures into orders, provided by the host. */
@ProviderType
public interface HedgingContext {

    /** A tradable FX spot or forward instrument for the pair, as configured for hedging. */
    Optional<Instrument> fxInstrument(Currency baseCurrency, Currency quoteCurrency);

    /** The mid price in price units, if known. */
    OptionalLong midPrice(InstrumentId instrumentId);

    /** A fresh client order id for a proposed hedge order. */
    ClientOrderId nextClientOrderId();

    /** The attribution hedge orders must carry (the hedging policy's instance). */
    Attribution attribution();

    long nowNanos();
}

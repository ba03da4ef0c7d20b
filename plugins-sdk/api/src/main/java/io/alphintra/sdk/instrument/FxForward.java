package io.alphintra.sdk.instrument;

import java.time.LocalDate;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;

/**
 * An outright FX forward: like {@link FxSpot}, settled on a fixed {@code valueDate} later than spot. The price is
 * the all-in forward rate, not forward points.
 *
 * @param id symbol and venue, e.g. {@code EUR/USD-20260320@SIMX}
 * @param baseCurrency the currency bought or sold; fiat
 * @param quoteCurrency the currency prices are in; fiat, different from the base
 * @param jurisdiction regime of the trading venue
 * @param grid price and quantity grid
 * @param valueDate settlement date of both legs
 */
public record FxForward(InstrumentId id, Currency baseCurrency, Currency quoteCurrency, Jurisdiction jurisdiction,
        TradingGrid grid, LocalDate valueDate) implements Instrument {

    public FxForward {
        Checks.required("id", id);
        requireFiatPair(baseCurrency, quoteCurrency);
        Checks.required("jurisdiction", jurisdiction);
        Checks.required("grid", grid);
        Checks.required("valueDate", valueDate);
    }

    @Override
    public AssetClass assetClass() {
        return AssetClass.FX_FORWARD;
    }

    static void requireFiatPair(Currency base, Currency quote) {
        Checks.required("baseCurrency", base);
        Checks.required("quoteCurrency", quote);
        if (base.isCrypto()) {
            throw new IllegalArgumentException("baseCurrency = " + base + ": FX pairs are fiat; use CryptoPair");
        }
        if (quote.isCrypto()) {
            throw new IllegalArgumentException("quoteCurrency = " + quote + ": FX pairs are fiat; use CryptoPair");
        }
        if (base.equals(quote)) {
            throw new IllegalArgumentException("quoteCurrency = " + quote + ": must differ from baseCurrency");
        }
    }
}

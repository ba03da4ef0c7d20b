package io.alphintra.sdk.instrument;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;

/**
 * A crypto asset traded against another asset on one venue, e.g. {@code BTC/USDT@BNCE}: the price is quote per
 * one unit of base, quantities are amounts of the base asset.
 *
 * @param id symbol and venue
 * @param baseCurrency the crypto asset bought or sold
 * @param quoteCurrency what prices are in: fiat or crypto, different from the base
 * @param jurisdiction regime the venue operates under
 * @param grid price and quantity grid
 */
public record CryptoPair(InstrumentId id, Currency baseCurrency, Currency quoteCurrency, Jurisdiction jurisdiction,
        TradingGrid grid) implements Instrument {

    public CryptoPair {
        Checks.required("id", id);
        Checks.required("baseCurrency", baseCurrency);
        Checks.required("quoteCurrency", quoteCurrency);
        if (!baseCurrency.isCrypto()) {
            throw new IllegalArgumentException("baseCurrency = " + baseCurrency
                    + ": must be a crypto asset; use FxSpot for fiat pairs");
        }
        if (baseCurrency.equals(quoteCurrency)) {
            throw new IllegalArgumentException("quoteCurrency = " + quoteCurrency + ": must differ from baseCurrency");
        }
        Checks.required("jurisdiction", jurisdiction);
        Checks.required("grid", grid);
    }

    @Override
    public AssetClass assetClass() {
        return AssetClass.CRYPTO;
    }
}

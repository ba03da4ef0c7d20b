package io.alphintra.sdk.instrument;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;

/**
 * A spot FX pair, {@code baseCurrency/quoteCurrency}: the price is quote currency per one unit of base, and
 * quantities are amounts of the base currency (EUR/USD 1.0850 for 1,000,000 EUR).
 *
 * @param id symbol and venue, e.g. {@code EUR/USD@SIMX}
 * @param baseCurrency the currency bought or sold; fiat
 * @param quoteCurrency the currency prices are in; fiat, different from the base
 * @param jurisdiction regime of the trading venue
 * @param grid price and quantity grid
 */
public record FxSpot(InstrumentId id, Currency baseCurrency, Currency quoteCurrency, Jurisdiction jurisdiction,
        TradingGrid grid) implements Instrument {

    public FxSpot {
        Checks.required("id", id);
        FxForward.requireFiatPair(baseCurrency, quoteCurrency);
        Checks.required("jurisdiction", jurisdiction);
        Checks.required("grid", grid);
    }

    @Override
    public AssetClass assetClass() {
        return AssetClass.FX_SPOT;
    }
}

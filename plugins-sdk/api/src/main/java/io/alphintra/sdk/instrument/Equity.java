package io.alphintra.sdk.instrument;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;

/**
 * A share or exchange-traded fund listed on one venue. The only asset class where orders carry short-sale
 * marking ({@code SELL_SHORT}, {@code SELL_SHORT_EXEMPT}).
 *
 * @param id symbol and venue
 * @param quoteCurrency trading currency, e.g. USD for {@code AAPL@XNAS}
 * @param jurisdiction regime of the listing market
 * @param grid price and quantity grid
 */
public record Equity(InstrumentId id, Currency quoteCurrency, Jurisdiction jurisdiction, TradingGrid grid)
        implements Instrument {

    public Equity {
        Checks.required("id", id);
        Checks.required("quoteCurrency", quoteCurrency);
        Checks.required("jurisdiction", jurisdiction);
        Checks.required("grid", grid);
    }

    @Override
    public AssetClass assetClass() {
        return AssetClass.EQUITY;
    }
}

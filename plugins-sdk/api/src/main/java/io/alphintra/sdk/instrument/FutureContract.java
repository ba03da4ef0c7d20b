package io.alphintra.sdk.instrument;

import java.time.LocalDate;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;

/**
 * A listed futures contract. Named {@code FutureContract} rather than {@code Future} so that it never collides
 * with {@link java.util.concurrent.Future} in a plugin's imports.
 *
 * <p>Quantities are in contracts; the {@code multiplier} converts price × contracts into money (50 for an
 * E-mini S&amp;P 500, 0.1 for a micro bitcoin future), and {@link #notional(long, long)} applies it exactly.
 * Prices may be zero or negative (calendar spreads, some energy contracts) where the tick table covers them.
 *
 * @param id symbol and venue, e.g. {@code ESZ5@XCME}
 * @param quoteCurrency currency of prices and settlement
 * @param jurisdiction regime of the listing market
 * @param grid price and quantity grid
 * @param multiplier positive money value of one price unit per contract, as an exact decimal
 * @param expiry last trading day
 */
public record FutureContract(InstrumentId id, Currency quoteCurrency, Jurisdiction jurisdiction, TradingGrid grid,
        Decimal multiplier, LocalDate expiry) implements Instrument {

    public FutureContract {
        Checks.required("id", id);
        Checks.required("quoteCurrency", quoteCurrency);
        Checks.required("jurisdiction", jurisdiction);
        Checks.required("grid", grid);
        Checks.required("multiplier", multiplier);
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("multiplier = " + multiplier + ": must be positive");
        }
        Checks.required("expiry", expiry);
    }

    @Override
    public AssetClass assetClass() {
        return AssetClass.FUTURE;
    }

    @Override
    public boolean allowsNonPositivePrices() {
        return true;
    }

    /** Price × contracts × multiplier, exact, at scale {@code priceScale + quantityScale + multiplier.scale}. */
    @Override
    public Money notional(long price, long quantity) {
        int scale = priceScale() + quantityScale() + multiplier.scale();
        Decimals.requireScale("priceScale + quantityScale + multiplier scale", scale);
        long value = Decimals.multiply(Decimals.multiply(price, quantity), multiplier.mantissa());
        return Money.of(quoteCurrency, value, scale);
    }
}

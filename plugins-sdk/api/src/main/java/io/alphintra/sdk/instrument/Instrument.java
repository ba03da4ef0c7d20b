package io.alphintra.sdk.instrument;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;

/**
 * Reference data of a tradable instrument: identity, currency, regime and the price/quantity grid.
 *
 * <p>Sealed: there is one immutable record per {@link AssetClass}, and code that needs kind-specific data uses
 * {@code instanceof FutureContract future}. The grid checks here are the ones every order passes at
 * construction ({@code OrderRequest}), so a strategy sees a bad price as an exception at the line that built it,
 * not as a venue reject a few milliseconds later.
 *
 * <p>Error messages name the field and the value in both decimal and raw form, e.g.
 * {@code limitPrice = 101.255 (1012550 units): not on the 0.01 tick grid of AAPL@XNAS}.
 */
@ProviderType
public sealed interface Instrument permits Equity, FutureContract, FxSpot, FxForward, CryptoPair {

    InstrumentId id();

    AssetClass assetClass();

    /** The currency prices are quoted in, and notionals and P&amp;L are paid in. */
    Currency quoteCurrency();

    /** The regime of the listing market, which selects the compliance rule set. */
    Jurisdiction jurisdiction();

    TradingGrid grid();

    default int priceScale() {
        return grid().priceScale();
    }

    default int quantityScale() {
        return grid().quantityScale();
    }

    default TickTable tickTable() {
        return grid().tickTable();
    }

    /** Lot size in quantity units. */
    default long lotSize() {
        return grid().lotSize();
    }

    /** Minimum order quantity in quantity units. */
    default long minQuantity() {
        return grid().minQuantity();
    }

    /**
     * Whether zero and negative prices can be valid. Only futures (spreads, some energy contracts) allow them;
     * for everything else a non-positive price is an error, whatever the tick table says.
     */
    default boolean allowsNonPositivePrices() {
        return false;
    }

    /** Whether {@code price} (price units) is a valid order price: on the tick grid and, usually, positive. */
    default boolean isValidPrice(long price) {
        return (price > 0 || allowsNonPositivePrices()) && tickTable().isOnGrid(price);
    }

    /**
     * Checks an order price.
     *
     * @param field the name to report, e.g. {@code limitPrice}
     * @return {@code price}
     * @throws IllegalArgumentException {@code limitPrice = 101.255 (1012550 units): not on the 0.01 tick grid of
     *     AAPL@XNAS}
     */
    default long requireValidPrice(String field, long price) {
        if (price <= 0 && !allowsNonPositivePrices()) {
            throw new IllegalArgumentException(field + " = " + describePrice(price) + ": must be positive");
        }
        TickTable table = tickTable();
        if (!table.covers(price)) {
            throw new IllegalArgumentException(field + " = " + describePrice(price) + ": below the tick table of "
                    + id() + " (lowest band starts at " + describePrice(table.bands().get(0).fromPrice()) + ")");
        }
        long tick = table.tickAt(price);
        if (price % tick != 0) {
            throw new IllegalArgumentException(field + " = " + describePrice(price) + ": not on the "
                    + Decimals.formatCompact(tick, priceScale()) + " tick grid of " + id());
        }
        return price;
    }

    /** Whether {@code quantity} (quantity units) is a valid order quantity. */
    default boolean isValidQuantity(long quantity) {
        return quantity > 0 && quantity % lotSize() == 0 && quantity >= minQuantity();
    }

    /**
     * Checks an order quantity: positive, a multiple of the lot size, at least the minimum.
     *
     * @throws IllegalArgumentException e.g. {@code quantity = -5: must be positive},
     *     {@code quantity = 150: not a multiple of the lot size 100 of 7203@XTKS}
     */
    default long requireValidQuantity(String field, long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException(field + " = " + describeQuantity(quantity) + ": must be positive");
        }
        if (quantity % lotSize() != 0) {
            throw new IllegalArgumentException(field + " = " + describeQuantity(quantity)
                    + ": not a multiple of the lot size " + Decimals.formatCompact(lotSize(), quantityScale())
                    + " of " + id());
        }
        if (quantity < minQuantity()) {
            throw new IllegalArgumentException(field + " = " + describeQuantity(quantity)
                    + ": below the minimum quantity " + Decimals.formatCompact(minQuantity(), quantityScale())
                    + " of " + id());
        }
        return quantity;
    }

    /** Parses a decimal price into price units, rejecting more decimals than the price scale. */
    default long parsePrice(String field, String text) {
        return Decimals.parse(field, text, priceScale());
    }

    /** Parses a decimal quantity into quantity units, rejecting more decimals than the quantity scale. */
    default long parseQuantity(String field, String text) {
        return Decimals.parse(field, text, quantityScale());
    }

    /** A price as compact decimal text, e.g. {@code 101.25}. */
    default String formatPrice(long price) {
        return Decimals.formatCompact(price, priceScale());
    }

    /** A quantity as compact decimal text. */
    default String formatQuantity(long quantity) {
        return Decimals.formatCompact(quantity, quantityScale());
    }

    /**
     * The exact value of {@code quantity} at {@code price} in the quote currency, at scale
     * {@code priceScale + quantityScale} (futures also multiply by the contract multiplier).
     *
     * @throws ArithmeticException on overflow
     */
    default Money notional(long price, long quantity) {
        long value = Decimals.notional(price, priceScale(), quantity, quantityScale());
        return Money.of(quoteCurrency(), value, priceScale() + quantityScale());
    }

    /**
     * A price for an error message: {@code 101.255 (1012550 units)}, the decimal a person reads plus the raw
     * value a log search finds; just {@code 101} at scale 0.
     */
    default String describePrice(long price) {
        return priceScale() == 0 ? Long.toString(price)
                : Decimals.formatCompact(price, priceScale()) + " (" + price + " units)";
    }

    /** A quantity for an error message, like {@link #describePrice(long)}. */
    default String describeQuantity(long quantity) {
        return quantityScale() == 0 ? Long.toString(quantity)
                : Decimals.formatCompact(quantity, quantityScale()) + " (" + quantity + " units)";
    }
}

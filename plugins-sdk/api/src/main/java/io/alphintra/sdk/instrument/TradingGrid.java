package io.alphintra.sdk.instrument;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Decimals;

/**
 * The fixed-point scales and the valid price and quantity grid of an instrument.
 *
 * <p>Prices are mantissas at {@code priceScale} ("price units"), quantities mantissas at {@code quantityScale}
 * ("quantity units"). Example, a US stock: {@code new TradingGrid(4, usTickTable, 0, 1, 1)} (prices to
 * 1/10000 so that sub-dollar ticks fit; whole shares). A crypto pair: {@code new TradingGrid(2,
 * TickTable.flat(1), 8, 1000, 10000)} (cent ticks; lots of 0.00001, at least 0.0001).
 *
 * @param priceScale decimals of a price, {@code 0..18}
 * @param tickTable valid prices, in price units
 * @param quantityScale decimals of a quantity, {@code 0..18}
 * @param lotSize every quantity is a multiple of this, in quantity units; positive
 * @param minQuantity smallest quantity of an order, in quantity units; positive
 */
public record TradingGrid(int priceScale, TickTable tickTable, int quantityScale, long lotSize, long minQuantity) {

    public TradingGrid {
        Decimals.requireScale("priceScale", priceScale);
        Checks.required("tickTable", tickTable);
        Decimals.requireScale("quantityScale", quantityScale);
        Checks.positive("lotSize", lotSize);
        Checks.positive("minQuantity", minQuantity);
    }
}

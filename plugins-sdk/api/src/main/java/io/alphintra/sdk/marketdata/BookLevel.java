package io.alphintra.sdk.marketdata;

import io.alphintra.sdk.internal.Checks;

/**
 * One aggregated price level of an order book: all resting quantity at one price on one side.
 *
 * @param side bid or ask
 * @param price price units
 * @param size aggregate quantity units at that price; 0 means the level is gone
 */
public record BookLevel(BookSide side, long price, long size) {

    public BookLevel {
        Checks.required("side", side);
        Checks.notNegative("size", size);
    }
}

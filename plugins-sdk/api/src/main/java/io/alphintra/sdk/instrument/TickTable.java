package io.alphintra.sdk.instrument;

import java.util.Arrays;
import java.util.List;

import io.alphintra.sdk.internal.Checks;

/**
 * The valid prices of an instrument, in price units (mantissas at the instrument's price scale).
 *
 * <p>A table is a list of bands in ascending order. Band {@code i} applies to prices {@code p} with
 * {@code bands[i].fromPrice <= p < bands[i+1].fromPrice}, and a price is on the grid when it is a multiple of
 * that band's tick. Grids are anchored at zero and every band must start on its own grid, so that moving across a
 * band boundary never leaves the grid; that is how the tables of Reg NMS 612, MiFID RTS 11 and the TSE look.
 * Prices below the first band are off the grid, except in a {@link #flat(long) flat} table, which covers every
 * price including negative ones (calendar spreads and some energy futures trade below zero).
 *
 * <p>Methods take and return {@code long}s and do not allocate, so strategies can call them on the hot path.
 */
public final class TickTable {

    /**
     * One band: from {@code fromPrice} (inclusive) upwards, valid prices are multiples of {@code tick}.
     *
     * @param fromPrice first price of the band, in price units; {@link Long#MIN_VALUE} only in a flat table
     * @param tick positive tick increment in price units
     */
    public record Band(long fromPrice, long tick) {
        public Band {
            Checks.positive("tick", tick);
            if (fromPrice != Long.MIN_VALUE && fromPrice % tick != 0) {
                throw new IllegalArgumentException("fromPrice = " + fromPrice + ": must be a multiple of its tick "
                        + tick + " so that the band starts on its own grid");
            }
        }
    }

    private final long[] fromPrices;
    private final long[] ticks;

    private TickTable(long[] fromPrices, long[] ticks) {
        this.fromPrices = fromPrices;
        this.ticks = ticks;
    }

    /** One tick size for every price, e.g. {@code flat(1)} for one price unit. */
    public static TickTable flat(long tick) {
        Checks.positive("tick", tick);
        return new TickTable(new long[] {Long.MIN_VALUE}, new long[] {tick});
    }

    /**
     * A banded table; bands must be given in strictly ascending {@code fromPrice} order.
     *
     * @throws IllegalArgumentException for no bands, unordered bands or a {@link Long#MIN_VALUE} start anywhere
     *     but in a single-band table
     */
    public static TickTable of(List<Band> bands) {
        List<Band> copy = Checks.listOf("bands", bands);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("bands = []: a tick table needs at least one band");
        }
        long[] fromPrices = new long[copy.size()];
        long[] ticks = new long[copy.size()];
        for (int i = 0; i < copy.size(); i++) {
            Band band = copy.get(i);
            if (band.fromPrice() == Long.MIN_VALUE && copy.size() > 1) {
                throw new IllegalArgumentException("bands[" + i + "].fromPrice = Long.MIN_VALUE: only a flat"
                        + " (single-band) table may be unbounded below");
            }
            if (i > 0 && band.fromPrice() <= fromPrices[i - 1]) {
                throw new IllegalArgumentException("bands[" + i + "].fromPrice = " + band.fromPrice()
                        + ": must be greater than bands[" + (i - 1) + "].fromPrice = " + fromPrices[i - 1]);
            }
            fromPrices[i] = band.fromPrice();
            ticks[i] = band.tick();
        }
        return new TickTable(fromPrices, ticks);
    }

    /** {@link #of(List)} with varargs. */
    public static TickTable of(Band... bands) {
        return of(Arrays.asList(Checks.required("bands", bands)));
    }

    /** The bands in ascending order. */
    public List<Band> bands() {
        Band[] bands = new Band[ticks.length];
        for (int i = 0; i < ticks.length; i++) {
            bands[i] = new Band(fromPrices[i], ticks[i]);
        }
        return List.of(bands);
    }

    /** Whether this table has a single band covering every price. */
    public boolean isFlat() {
        return fromPrices.length == 1 && fromPrices[0] == Long.MIN_VALUE;
    }

    /** Whether {@code price} lies at or above the first band; prices below it have no tick. */
    public boolean covers(long price) {
        return price >= fromPrices[0];
    }

    /**
     * The tick that applies at {@code price}.
     *
     * @throws IllegalArgumentException if the price is below the first band
     */
    public long tickAt(long price) {
        int band = bandIndex(price);
        if (band < 0) {
            throw new IllegalArgumentException("price = " + price + " units: below the first band of the tick table"
                    + " (starts at " + fromPrices[0] + ")");
        }
        return ticks[band];
    }

    /** Whether {@code price} is a valid price of this table. */
    public boolean isOnGrid(long price) {
        int band = bandIndex(price);
        return band >= 0 && price % ticks[band] == 0;
    }

    /**
     * The largest valid price {@code <= price}.
     *
     * @throws IllegalArgumentException if there is none (below the first band)
     */
    public long floor(long price) {
        int band = bandIndex(price);
        if (band < 0) {
            throw new IllegalArgumentException("price = " + price + " units: no valid price at or below it (the tick"
                    + " table starts at " + fromPrices[0] + ")");
        }
        // Band starts are on their own grid, so flooring inside the band never leaves it.
        return price - Math.floorMod(price, ticks[band]);
    }

    /**
     * The smallest valid price {@code >= price}.
     *
     * @throws ArithmeticException if that price would overflow
     */
    public long ceil(long price) {
        int band = bandIndex(price);
        if (band < 0) {
            return fromPrices[0];
        }
        long remainder = Math.floorMod(price, ticks[band]);
        long up = remainder == 0 ? price : Math.addExact(price, ticks[band] - remainder);
        // Rounding up can run past the next band's start; that start is itself valid and closer.
        if (band + 1 < fromPrices.length && up > fromPrices[band + 1]) {
            return fromPrices[band + 1];
        }
        return up;
    }

    private int bandIndex(long price) {
        // Tables have a handful of bands; a linear scan from the top beats a binary search here.
        for (int i = fromPrices.length - 1; i >= 0; i--) {
            if (price >= fromPrices[i]) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TickTable && Arrays.equals(fromPrices, ((TickTable) other).fromPrices)
                && Arrays.equals(ticks, ((TickTable) other).ticks);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fromPrices) + Arrays.hashCode(ticks);
    }

    @Override
    public String toString() {
        if (isFlat()) {
            return "TickTable[flat " + ticks[0] + "]";
        }
        StringBuilder out = new StringBuilder("TickTable[");
        for (int i = 0; i < ticks.length; i++) {
            out.append(i == 0 ? "" : ", ").append(">=").append(fromPrices[i]).append(": ").append(ticks[i]);
        }
        return out.append(']').toString();
    }
}

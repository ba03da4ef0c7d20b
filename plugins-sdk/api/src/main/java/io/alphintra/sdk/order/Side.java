package io.alphintra.sdk.order;

/**
 * Order side, including short-sale marking. Reg SHO, SSR 236/2012, HKEX, JPX, MAS and ASIC all require a short
 * sale to be marked on the order, so marking is part of the side rather than an optional flag that can be
 * forgotten. Marking applies to equities only; {@link OrderRequest} rejects it elsewhere.
 */
public enum Side {
    BUY,
    /** A long sale: the seller owns what it sells. */
    SELL,
    /** A short sale; needs a locate or borrow under most regimes. */
    SELL_SHORT,
    /** A short sale exempt from price tests, e.g. Reg SHO Rule 200(g) "short exempt". */
    SELL_SHORT_EXEMPT;

    public boolean isBuy() {
        return this == BUY;
    }

    /** True for every kind of sale, marked short or not. */
    public boolean isSell() {
        return this != BUY;
    }

    public boolean isShort() {
        return this == SELL_SHORT || this == SELL_SHORT_EXEMPT;
    }

    /** +1 for a buy, -1 for any sale: the sign of the position change a fill causes. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}

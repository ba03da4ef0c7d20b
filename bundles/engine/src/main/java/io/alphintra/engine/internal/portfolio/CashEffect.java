package io.alphintra.engine.internal.portfolio;

/**
 * How a fill moves an account's cash, by asset class. Fees always leave the account in their own currency, in
 * addition to what is listed here.
 */
enum CashEffect {
    /** Equities: the quote currency pays or receives the notional; the shares are the position. */
    NOTIONAL,
    /**
     * FX spot and crypto pairs: the quote currency pays or receives the notional and the base currency moves by
     * the quantity, so the holding itself is cash in the base currency (and is valued as cash, not as a position).
     */
    NOTIONAL_AND_BASE,
    /**
     * Futures: no notional changes hands. Realised P&amp;L (price difference × contracts × multiplier) is paid to or
     * from the quote currency when a position is reduced. Daily variation margin on open contracts (settlement
     * prices) is not booked: open contracts show only as unrealised P&amp;L.
     */
    REALIZED_PNL
}

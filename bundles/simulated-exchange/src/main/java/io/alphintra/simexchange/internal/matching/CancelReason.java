package io.alphintra.simexchange.internal.matching;

/** Why the book cancelled an accepted order (or its unfilled rest). */
public enum CancelReason {
    /** The owner asked for it. */
    REQUESTED,
    /** The rest of a market, IOC or triggered stop order that found nothing more to trade with. */
    UNFILLED_REMAINDER,
    /** Self-trade prevention removed it. */
    SELF_TRADE_PREVENTION,
    /** A triggered fill-or-kill stop could not be filled completely. */
    FOK_NOT_FILLABLE
}

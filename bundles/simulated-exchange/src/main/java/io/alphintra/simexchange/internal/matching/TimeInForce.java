package io.alphintra.simexchange.internal.matching;

/** How long an order may live. */
public enum TimeInForce {
    /** Immediate or cancel: trades what it can on arrival, the rest is cancelled. */
    IOC,
    /** Fill or kill: fills completely on arrival or does nothing at all. */
    FOK,
    /** Lives until cancelled, filled, or the session closes ({@link OrderBook#endOfDay()}). */
    DAY,
    /** Good till cancelled: survives {@link OrderBook#endOfDay()}. */
    GTC
}

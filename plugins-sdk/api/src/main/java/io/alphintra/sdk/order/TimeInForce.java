package io.alphintra.sdk.order;

/** How long an order stays working. */
public enum TimeInForce {
    /** Until the end of the venue's trading day. */
    DAY,
    /** Until cancelled (venues usually cap it, e.g. 90 days). */
    GTC,
    /** Immediate or cancel: fill what is possible now, cancel the rest. */
    IOC,
    /** Fill or kill: fill all now or nothing. */
    FOK;

    /** Whether the order never rests on the book. */
    public boolean isImmediate() {
        return this == IOC || this == FOK;
    }
}

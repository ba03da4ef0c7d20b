package io.alphintra.risk.limits.internal;

/**
 * A price collar (PT2): limit prices within {@code ± basisPoints} of the reference, the edges rounded inward onto the
 * instrument's tick grid; a reference older than {@code maxReferenceAgeMillis}, or none, rejects.
 *
 * @param basisPoints the half-width of the band, 1 to 100,000 basis points of the reference
 * @param maxReferenceAgeMillis the oldest reference the collar trusts, milliseconds
 * @param mid whether the reference is the mid ({@code PreTradeContext.midPrice()}) rather than the last trade
 */
record PriceCollar(long basisPoints, long maxReferenceAgeMillis, boolean mid) {

    /** No collar at this scope: it overrides a less specific scope's collar. */
    static final PriceCollar NONE = new PriceCollar(0, 0, false);

    static final long MAX_BASIS_POINTS = 100_000;
    static final long MAX_REFERENCE_AGE_MILLIS = 86_400_000;

    /** What {@code PreTradeContext.referencePrice()} is in this engine, for messages. */
    static final String REFERENCE = "last trade";
    static final String MID = "mid";

    boolean isNone() {
        return this == NONE;
    }

    /** The reference's name, for messages. */
    String reference() {
        return mid ? MID : REFERENCE;
    }

    long maxReferenceAgeNanos() {
        return maxReferenceAgeMillis * 1_000_000L;
    }

    @Override
    public String toString() {
        return this == NONE ? "none"
                : basisPoints + " bp of the " + reference() + ", reference at most " + maxReferenceAgeMillis
                        + " ms old";
    }
}

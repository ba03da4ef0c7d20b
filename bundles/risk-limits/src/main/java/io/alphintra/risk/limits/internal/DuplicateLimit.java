package io.alphintra.risk.limits.internal;

/**
 * Duplicate prevention (PT5): the {@code count}-th identical order within {@code windowMillis} is rejected, so at
 * most {@code count - 1} identical orders pass in any window of that length.
 *
 * @param count 2 to {@link #MAX_COUNT}
 * @param windowMillis 1 to {@link #MAX_WINDOW_MILLIS}
 */
record DuplicateLimit(int count, long windowMillis) {

    /** No duplicate limit at this scope: it overrides a less specific scope's. */
    static final DuplicateLimit NONE = new DuplicateLimit(0, 0);

    /** The history keeps the last {@code MAX_COUNT - 1} times of each fingerprint. */
    static final int MAX_COUNT = 16;
    static final long MAX_WINDOW_MILLIS = 3_600_000;

    boolean isNone() {
        return this == NONE;
    }

    long windowNanos() {
        return windowMillis * 1_000_000L;
    }

    @Override
    public String toString() {
        return this == NONE ? "none" : count + " identical orders within " + windowMillis + " ms";
    }
}

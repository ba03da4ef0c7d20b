package io.alphintra.sdk.harness;

import java.time.Instant;

/**
 * The strategy threw from a callback. In a node this quarantines the instance; in a test it is a failure that says
 * which callback, with which event, at which virtual time, and carries what the strategy threw as its cause.
 */
public final class StrategyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String callback;
    private final long timeNanos;

    StrategyFailure(String instanceId, String callback, long timeNanos, Throwable cause) {
        super("strategy '" + instanceId + "' threw from " + callback + " at "
                + Instant.ofEpochSecond(0, timeNanos) + " (virtual time " + timeNanos + " ns): " + cause, cause);
        this.callback = callback;
        this.timeNanos = timeNanos;
    }

    /** The callback with the event it was given, e.g. {@code onTrade(TradeRecord[...])}. */
    public String callback() {
        return callback;
    }

    /** Virtual time of the callback, epoch nanoseconds. */
    public long timeNanos() {
        return timeNanos;
    }
}

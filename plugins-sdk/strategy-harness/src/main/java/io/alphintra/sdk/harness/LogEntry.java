package io.alphintra.sdk.harness;

import java.lang.System.Logger.Level;

/**
 * A line the strategy logged through its context.
 *
 * @param timeNanos virtual time of the call, epoch nanoseconds
 * @param level the level
 * @param message the message
 * @param error the throwable logged with it, or null
 */
public record LogEntry(long timeNanos, Level level, String message, Throwable error) {
}

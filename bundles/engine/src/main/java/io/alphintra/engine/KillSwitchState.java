package io.alphintra.engine;

/**
 * A kill switch that is engaged: new orders in its scope are refused until an authorised user resets it.
 *
 * @param scope           what it covers
 * @param engagedBy       who engaged it, e.g. {@code shell:alice}
 * @param reason          why, as they said
 * @param engagedAtNanos  engine time it was engaged, epoch nanoseconds
 */
public record KillSwitchState(KillScope scope, String engagedBy, String reason, long engagedAtNanos) {
}

package io.alphintra.engine;

/**
 * A kill switch that is engaged: new orders in its scope are refused, or only those that would not reduce a
 * position ({@link Mode#REDUCE_ONLY}), until an authorised user resets it.
 *
 * @param scope           what it covers
 * @param engagedBy       who engaged it, e.g. {@code shell:alice}, or {@code risk:drawdown} when the engine's loss
 *                        thresholds engaged it by themselves
 * @param reason          why, as they said
 * @param engagedAtNanos  engine time it was engaged, epoch nanoseconds
 * @param mode            what it blocks ({@link Mode#HALT} when engaged through the 1.4 API); since 1.5
 */
public record KillSwitchState(KillScope scope, String engagedBy, String reason, long engagedAtNanos, Mode mode) {

    /**
     * What an engaged switch blocks.
     *
     * @since 1.5
     */
    public enum Mode {
        /** Every working order in scope is cancelled and every new order and replace in scope refused. */
        HALT,
        /**
         * Working orders in scope that would increase a position are cancelled; a new order or replace in scope is
         * accepted only when it reduces the absolute position of its account (or strategy, for a strategy scope) in
         * its instrument, counting the working orders on its side.
         */
        REDUCE_ONLY
    }

    public KillSwitchState {
        if (mode == null) {
            throw new IllegalArgumentException("mode: required (was null) for kill switch " + scope);
        }
    }

    /** A {@link Mode#HALT} switch, as every switch was before 1.5. */
    public KillSwitchState(KillScope scope, String engagedBy, String reason, long engagedAtNanos) {
        this(scope, engagedBy, reason, engagedAtNanos, Mode.HALT);
    }
}

package io.alphintra.engine;

import io.alphintra.sdk.order.RejectReason;
import java.util.List;
import java.util.Objects;

/**
 * What one stage of the pre-trade gate decided about an order, kept with the order and journaled with it, so that
 * every acceptance and rejection says which check (or rule set) and which version of it made it.
 *
 * @param stage   {@code ENGINE} for the engine's own checks, {@code RISK} for a pre-trade check plugin,
 *                {@code COMPLIANCE} for a jurisdiction's rule set
 * @param checkId the check's or rule set's id (for compliance: {@code ruleSetId/ruleId} when a rule fired)
 * @param version the check's or rule set's version
 * @param outcome ACCEPT, WARN (or ALERT), REJECT, HOLD (a soft breach the order waits on until an authorised user
 *                overrides it; since 1.5) or RELEASED (that override, the engine's own decision; since 1.5)
 * @param reason  the reject reason, null unless rejected
 * @param text    why, for people; null on a plain accept
 */
public record GateDecision(String stage, String checkId, String version, String outcome, RejectReason reason,
                           String text) {
    public static final String ACCEPT = "ACCEPT";
    public static final String WARN = "WARN";
    public static final String REJECT = "REJECT";
    /** @since 1.5 */
    public static final String HOLD = "HOLD";
    /** @since 1.5 */
    public static final String RELEASED = "RELEASED";

    public GateDecision {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean rejects() {
        return REJECT.equals(outcome);
    }

    /** @since 1.5 */
    public boolean holds() {
        return HOLD.equals(outcome);
    }

    /**
     * Whether these decisions, an order's in the order they were made, keep it from its venue: a check held it and no
     * authorised user has released it since. Only a working order can be held; a finished one is not, whatever its
     * decisions say.
     *
     * @since 1.5
     */
    public static boolean holding(List<GateDecision> decisions) {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            String outcome = decisions.get(i).outcome();
            if (RELEASED.equals(outcome)) {
                return false;
            }
            if (HOLD.equals(outcome)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return stage + ":" + checkId + "@" + version + "=" + outcome + (reason != null ? "(" + reason + ")" : "")
                + (text != null ? " " + text : "");
    }
}

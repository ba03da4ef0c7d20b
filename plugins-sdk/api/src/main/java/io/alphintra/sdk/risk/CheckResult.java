package io.alphintra.sdk.risk;

import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.order.RejectReason;

/**
 * The outcome of one {@link PreTradeCheck}. A rejection stops the gate chain and becomes the order's rejection
 * report; a warning lets the order pass and is audited and alerted (soft limits, PT3).
 *
 * @param outcome accept, warn, hold or reject
 * @param reason the code; exactly for {@link Outcome#REJECT}
 * @param text what a person needs to understand it; for warnings and rejections, e.g.
 *     {@code order value USD 1,250,000.00 exceeds the hard limit USD 1,000,000.00}
 */
public record CheckResult(Outcome outcome, RejectReason reason, String text) {

    /** The outcomes. */
    public enum Outcome {
        ACCEPT,
        WARN,
        REJECT,
        /**
         * The order may go only once an authorised person overrides the breach; the host keeps it from the venue
         * until then (the rest of the chain still decides it, and any rejection wins), and records who overrode it
         * and when. A host that cannot hold orders rejects it.
         *
         * @since 1.2
         */
        HOLD
    }

    /** Longest accepted text. */
    public static final int MAX_TEXT_LENGTH = 1024;

    private static final CheckResult ACCEPTED = new CheckResult(Outcome.ACCEPT, null, null);

    public CheckResult {
        Checks.required("outcome", outcome);
        if (outcome == Outcome.REJECT) {
            Checks.required("reason", reason);
        } else if (reason != null) {
            throw new IllegalArgumentException("reason = " + reason + ": only a REJECT carries a reason");
        }
        if (outcome == Outcome.ACCEPT) {
            if (text != null) {
                throw new IllegalArgumentException("text = " + Checks.quote(text) + ": an ACCEPT carries no text");
            }
        } else {
            Checks.text("text", text, MAX_TEXT_LENGTH);
        }
    }

    /** The shared accept result; allocation-free for the common case. */
    public static CheckResult accept() {
        return ACCEPTED;
    }

    public static CheckResult warn(String text) {
        return new CheckResult(Outcome.WARN, null, text);
    }

    /**
     * Holds the order for an authorised override (a soft limit that a person must confirm).
     *
     * @since 1.2
     */
    public static CheckResult hold(String text) {
        return new CheckResult(Outcome.HOLD, null, text);
    }

    public static CheckResult reject(RejectReason reason, String text) {
        return new CheckResult(Outcome.REJECT, reason, text);
    }

    public boolean isRejected() {
        return outcome == Outcome.REJECT;
    }
}

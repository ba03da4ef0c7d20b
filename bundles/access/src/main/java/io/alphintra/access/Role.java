package io.alphintra.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The node's five roles, the same for HTTP callers as for shell users (decision 13). They are additive, and
 * {@link #ADMIN} may do everything.
 */
public enum Role {
    /** Reads: market, orders, positions, risk figures, alerts, strategies, cluster, status. */
    VIEWER,
    /** Viewer, plus submitting, cancelling and replacing orders. */
    TRADER,
    /** Viewer, plus kill switches, limits, strategy start/stop, alert acknowledgement, releasing held orders. */
    RISK,
    /** Viewer, plus rule sets and the audit trail. */
    COMPLIANCE,
    /** Everything, including API keys and creating or removing strategy instances. */
    ADMIN;

    /** The role's name as shell ACLs and configuration files spell it: {@code viewer}, {@code trader}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a name spells, in any case; empty for anything else (Karaf's own roles among them). */
    public static Optional<Role> of(String name) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(name.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

package io.alphintra.access;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as listed: everything but its secret, which the node never keeps (only its hash).
 *
 * @param id        the key's public identifier, the part of the key before its secret
 * @param user      whom calls with the key are attributed to
 * @param roles     what the key may do (not more than an admin chose at creation)
 * @param label     what it is for, e.g. {@code risk dashboard on desk 4}; may be empty
 * @param created   when it was created
 * @param createdBy who created it
 * @param revoked   when it was revoked, or null while it is live
 * @param revokedBy who revoked it, or null while it is live
 */
public record ApiKeyInfo(String id, String user, Set<Role> roles, String label, Instant created, String createdBy,
                         Instant revoked, String revokedBy) {
    public ApiKeyInfo {
        roles = Set.copyOf(roles);
    }

    public boolean live() {
        return revoked == null;
    }
}

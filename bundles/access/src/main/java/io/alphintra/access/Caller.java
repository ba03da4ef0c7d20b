package io.alphintra.access;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated HTTP caller.
 *
 * @param user       the person (or system) the credential belongs to: a Karaf user, or the user an API key was issued
 *                   to; orders it sends are attributed to it
 * @param roles      what it may do; {@link Role#VIEWER} is always among them
 * @param credential how it authenticated, for logs and the audit trail: {@code api-key:<key id>} or
 *                   {@code session:<session id>}; never the secret
 */
public record Caller(String user, Set<Role> roles, String credential) {
    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(credential, "credential");
        EnumSet<Role> all = EnumSet.of(Role.VIEWER);
        all.addAll(roles);
        roles = Set.copyOf(all);
    }

    /** Whether the caller may do what {@code role} may: it holds the role, or it is an admin. */
    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }

    /** Whether the caller holds any one of {@code anyOf} (admin holds them all). */
    public boolean hasAny(Set<Role> anyOf) {
        for (Role role : anyOf) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }

    /** The source an order this caller sends is recorded with, like the shell's {@code shell:<user>}. */
    public String orderSource() {
        return "api:" + user;
    }
}

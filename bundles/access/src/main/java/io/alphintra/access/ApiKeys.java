package io.alphintra.access;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's API keys, kept hashed in a file of the node: created and revoked by an admin (shell:
 * {@code alphintra:apikey-create}, {@code apikey-list}, {@code apikey-revoke}), effective at once.
 */
@ProviderType
public interface ApiKeys {

    /**
     * Creates a key, written to disk before this returns.
     *
     * @throws IllegalArgumentException naming the field when the user is blank or malformed, roles empty, or the label
     *     too long
     * @throws java.io.UncheckedIOException when the key file could not be written; no key was created then
     */
    IssuedApiKey create(String user, Set<Role> roles, String label, String createdBy);

    /** Every key, live and revoked, oldest first. */
    List<ApiKeyInfo> list();

    /**
     * Revokes a key at once: the next call made with it is refused.
     *
     * @return false when no live key has the id
     * @throws java.io.UncheckedIOException when the revocation could not be written; the key is then still live
     */
    boolean revoke(String id, String revokedBy);
}

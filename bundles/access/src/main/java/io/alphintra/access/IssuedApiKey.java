package io.alphintra.access;

/**
 * A key just created: the only moment its full value exists outside the caller's hands.
 *
 * @param key  the whole credential to send as {@code Authorization: Bearer <key>}; shown once
 * @param info what the node keeps about it
 */
public record IssuedApiKey(String key, ApiKeyInfo info) {
}

package io.alphintra.access.internal;

import io.alphintra.access.ApiKeyInfo;

/**
 * An API key as the node keeps it: what is listed, and the SHA-256 of its secret (never the secret).
 *
 * @param secretHash 32 bytes; not copied, never handed out of this package
 */
record StoredKey(ApiKeyInfo info, byte[] secretHash) {
    String id() {
        return info.id();
    }
}

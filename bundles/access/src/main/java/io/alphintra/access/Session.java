package io.alphintra.access;

import java.time.Instant;

/**
 * A login: a signed, expiring bearer token for one user, what the dashboard holds after signing in.
 *
 * @param token   sent as {@code Authorization: Bearer <token>}; a secret, never logged
 * @param caller  who logged in and with which roles
 * @param expires when the token stops being accepted
 */
public record Session(String token, Caller caller, Instant expires) {
}

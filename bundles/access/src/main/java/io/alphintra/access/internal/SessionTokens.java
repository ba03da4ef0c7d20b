package io.alphintra.access.internal;

import io.alphintra.access.Role;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens: JWTs (RFC 7519) in compact form, signed with HMAC-SHA256 under the node's session key. Claims
 * {@code sub} (the user), {@code roles} (role ids), {@code sid} (the session id), {@code iat} and {@code exp} (seconds
 * since the epoch). Only tokens this node could have written are accepted: header {@code alg} exactly {@code HS256}
 * (so never {@code none}), a signature checked in constant time, every claim present and well-formed, and not
 * expired.
 */
final class SessionTokens {
    /** What a verified token says. */
    record Claims(String user, Set<Role> roles, String sessionId, Instant issued, Instant expires) {
        Claims {
            roles = Set.copyOf(roles);
        }
    }

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_TOKEN = 4096;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = ENCODER.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;

    SessionTokens(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    String issue(Claims claims) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", claims.user());
        payload.put("roles", EnumSet.copyOf(claims.roles()).stream().map(Role::id).toList());
        payload.put("sid", claims.sessionId());
        payload.put("iat", claims.issued().getEpochSecond());
        payload.put("exp", claims.expires().getEpochSecond());
        String signed = HEADER + "." + ENCODER.encodeToString(FlatJson.write(payload).getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(mac(signed));
    }

    /** The claims of a token this node signed that has not expired at {@code now}; empty for anything else. */
    Optional<Claims> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            return Optional.empty();
        }
        try {
            Map<String, Object> header = json(token.substring(0, firstDot));
            if (!"HS256".equals(header.get("alg"))
                    || !(header.get("typ") == null || "JWT".equals(header.get("typ")))
                    || !Set.of("alg", "typ").containsAll(header.keySet())) {
                return Optional.empty();
            }
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(secondDot + 1));
            if (!MessageDigest.isEqual(signature, mac(token.substring(0, secondDot)))) {
                return Optional.empty();
            }
            Map<String, Object> claims = json(token.substring(firstDot + 1, secondDot));
            if (!(claims.get("sub") instanceof String user && ApiKeyFile.USER.matcher(user).matches()
                    && claims.get("roles") instanceof List<?> roleIds
                    && claims.get("sid") instanceof String sessionId && !sessionId.isEmpty()
                    && claims.get("iat") instanceof Long issued
                    && claims.get("exp") instanceof Long expires)) {
                return Optional.empty();
            }
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            for (Object id : roleIds) {
                Optional<Role> role = Role.of((String) id);
                if (role.isEmpty()) {
                    return Optional.empty();
                }
                roles.add(role.get());
            }
            if (roles.isEmpty() || now.getEpochSecond() >= expires) {
                return Optional.empty();
            }
            return Optional.of(new Claims(user, roles, sessionId, Instant.ofEpochSecond(issued),
                    Instant.ofEpochSecond(expires)));
        } catch (IllegalArgumentException malformed) {
            // not base64url, not JSON of the expected shape
            return Optional.empty();
        }
    }

    private static Map<String, Object> json(String part) {
        return FlatJson.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    private byte[] mac(String signed) {
        try {
            // A Mac per call: cheap next to a request, and nothing thread-bound to leak when the bundle stops.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}

package io.alphintra.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.access.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private static final Instant T0 = Instant.parse("2027-01-15T08:00:00Z");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final SessionTokens.Claims CLAIMS = new SessionTokens.Claims("alice", Set.of(Role.TRADER,
            Role.RISK), "sid-1", T0, T0.plusSeconds(3600));

    private final SessionTokens tokens = new SessionTokens(KEY);

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decoded(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String sign(String headerAndPayload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return headerAndPayload + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(headerAndPayload.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aTokenRoundTripsAsAStandardHs256Jwt() {
        String token = tokens.issue(CLAIMS);
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decoded(parts[0])).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        assertThat(decoded(parts[1])).isEqualTo("{\"sub\":\"alice\",\"roles\":[\"trader\",\"risk\"],\"sid\":\"sid-1\","
                + "\"iat\":" + T0.getEpochSecond() + ",\"exp\":" + (T0.getEpochSecond() + 3600) + "}");
        assertThat(tokens.verify(token, T0.plusSeconds(10))).contains(CLAIMS);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(CLAIMS);
        assertThat(tokens.verify(token, T0.plusSeconds(3599))).isPresent();
        assertThat(tokens.verify(token, T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void aTamperedPayloadOrSignatureIsRefused() {
        String token = tokens.issue(CLAIMS);
        String[] parts = token.split("\\.");
        String admin = b64(decoded(parts[1]).replace("[\"trader\",\"risk\"]", "[\"admin\"]"));
        assertThat(tokens.verify(parts[0] + "." + admin + "." + parts[2], T0)).isEmpty();

        char last = parts[2].charAt(0);
        String otherSignature = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + otherSignature, T0)).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + parts[1] + ".", T0)).isEmpty();
        assertThat(new SessionTokens(new byte[32]).verify(token, T0)).as("another node's key").isEmpty();
    }

    @Test
    void algNoneAndOtherAlgorithmsAreRefused() throws Exception {
        String payload = tokens.issue(CLAIMS).split("\\.")[1];
        assertThat(tokens.verify(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".", T0)).isEmpty();
        // Even correctly signed with our key, a header naming another algorithm is refused.
        assertThat(tokens.verify(sign(b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + payload), T0)).isEmpty();
        assertThat(tokens.verify(sign(b64("{\"alg\":\"HS256\",\"crit\":[\"x\"]}") + "." + payload), T0)).isEmpty();
        assertThat(tokens.verify(sign(b64("{\"typ\":\"JWT\"}") + "." + payload), T0)).isEmpty();
        // The same header written differently is still HS256.
        assertThat(tokens.verify(sign(b64("{ \"typ\" : \"JWT\", \"alg\" : \"HS256\" }") + "." + payload), T0))
                .contains(CLAIMS);
    }

    @Test
    void signedClaimsOfTheWrongShapeAreRefused() throws Exception {
        String header = tokens.issue(CLAIMS).split("\\.")[0];
        long exp = T0.getEpochSecond() + 60;
        for (String claims : new String[] {
            "{\"sub\":\"alice\",\"roles\":[\"root\"],\"sid\":\"s\",\"iat\":1,\"exp\":" + exp + "}",
            "{\"sub\":\"alice\",\"roles\":[],\"sid\":\"s\",\"iat\":1,\"exp\":" + exp + "}",
            "{\"sub\":\"al ice\",\"roles\":[\"viewer\"],\"sid\":\"s\",\"iat\":1,\"exp\":" + exp + "}",
            "{\"sub\":\"alice\",\"roles\":[\"viewer\"],\"iat\":1,\"exp\":" + exp + "}",
            "{\"sub\":\"alice\",\"roles\":[\"viewer\"],\"sid\":\"s\",\"iat\":1,\"exp\":\"" + exp + "\"}",
            "{\"sub\":\"alice\",\"roles\":[\"viewer\"],\"sid\":\"s\",\"iat\":1,\"exp\":" + exp + ",\"exp\":1}",
            "{\"sub\":\"alice\",\"roles\":[\"viewer\"],\"sid\":\"s\",\"iat\":1,\"exp\":" + exp + "} x",
            "not json",
        }) {
            assertThat(tokens.verify(sign(header + "." + b64(claims)), T0)).as(claims).isEmpty();
        }
        String good = "{\"sub\":\"alice\",\"roles\":[\"viewer\"],\"sid\":\"s\",\"iat\":1,\"exp\":" + exp + "}";
        assertThat(tokens.verify(sign(header + "." + b64(good)), T0)).isPresent();
    }

    @Test
    void garbageIsRefused() {
        for (String token : new String[] {null, "", "a.b", "a.b.c.d", "...", "%%%.%%%.%%%", "x".repeat(5000)}) {
            assertThat(tokens.verify(token, T0)).as(String.valueOf(token)).isEmpty();
        }
    }
}

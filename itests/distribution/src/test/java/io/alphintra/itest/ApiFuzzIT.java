package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.access.ApiKeys;
import io.alphintra.access.Role;
import io.alphintra.http.HttpEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * 10,000 malformed and hostile requests against the running node's HTTP server: broken and wrongly typed JSON, unknown
 * fields, huge bodies and headers, path tricks, wrong methods, query junk, missing and forged credentials. Written to
 * the socket by hand, so nothing a client library would tidy up is tidied up. Not one may get a 5xx, the node must stay
 * healthy, its heap must not grow by what it was sent, and every refusal of the API carries its JSON error code.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiFuzzIT {
    private static final int REQUESTS = 10_000;
    private static final long SEED = 20261207L;
    /** The heap may differ this much between before and after (both after a collection), whatever was sent. */
    private static final long HEAP_GROWTH_BOUND = 64L << 20;
    private static final int KEYS_PER_ROLE = 6;

    @Inject
    private HttpEndpoint endpoint;
    @Inject
    private ApiKeys apiKeys;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Test
    public void tenThousandHostileRequestsGetNoServerErrorAndLeaveTheNodeHealthy() throws Exception {
        // Several keys of each role, drawn at random, so that the per-key rate limit refuses some requests (429) but
        // leaves most to be judged on what they are.
        List<String> traders = new ArrayList<>();
        List<String> viewers = new ArrayList<>();
        for (int i = 0; i < KEYS_PER_ROLE; i++) {
            traders.add(apiKeys.create("fuzz-trader-" + i, Set.of(Role.TRADER), "ApiFuzzIT", "itest").key());
            viewers.add(apiKeys.create("fuzz-viewer-" + i, Set.of(Role.VIEWER), "ApiFuzzIT", "itest").key());
        }
        String trader = traders.get(0);
        String viewer = viewers.get(0);
        Poll.until("the API answering", Duration.ofSeconds(60), () -> send(get("/api/v1/status", trader)).toString(),
                () -> send(get("/api/v1/status", trader)).status == 200);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterCollection(memory);
        Random random = new Random(SEED);
        List<Kind> kinds = hostileRequests(random, () -> traders.get(random.nextInt(traders.size())),
                () -> viewers.get(random.nextInt(viewers.size())));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> apiRefusalsWithoutCode = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Kind kind = kinds.get(random.nextInt(kinds.size()));
            byte[] request = kind.request().get();
            Answer answer = send(request, kind.answerRequired() ? 15_000 : 300);
            statuses.merge(answer.status, 1, Integer::sum);
            String head = new String(request, 0, Math.min(request.length, 160), StandardCharsets.ISO_8859_1);
            if (answer.status >= 500 || answer.status < 0 && kind.answerRequired()) {
                serverErrors.add(answer.status + " for " + head.replace("\r\n", " | ") + " → " + answer.body);
            } else if (answer.status >= 400 && head.contains(" /api/v1") && answer.body.startsWith("{")
                    && !answer.body.contains("\"code\":\"")) {
                apiRefusalsWithoutCode.add(answer.status + " " + answer.body + " for " + head.replace("\r\n", " | "));
            }
        }
        long heapAfter = usedHeapAfterCollection(memory);
        System.out.printf(Locale.ROOT, "ApiFuzzIT: %d requests, statuses %s, heap %d → %d MiB%n", REQUESTS, statuses,
                heapBefore >> 20, heapAfter >> 20);

        assertTrue("requests answered 5xx or not at all (" + serverErrors.size() + "), one of each kind: "
                + oneOfEachRequestLine(serverErrors), serverErrors.isEmpty());
        assertTrue("API refusals without a JSON error code (" + apiRefusalsWithoutCode.size() + "), the first: "
                + apiRefusalsWithoutCode.subList(0, Math.min(5, apiRefusalsWithoutCode.size())),
                apiRefusalsWithoutCode.isEmpty());
        assertTrue("the heap grew from " + (heapBefore >> 20) + " to " + (heapAfter >> 20) + " MiB",
                heapAfter - heapBefore < HEAP_GROWTH_BOUND);
        assertEquals("GET /health after the fuzzing", 200, send(get("/health", null)).status);
        assertEquals("an honest request after the fuzzing", 200, send(get("/api/v1/orders?limit=5", viewer)).status);
        assertTrue("the fuzzing should meet the refusals it is about: " + statuses,
                statuses.containsKey(400) && statuses.containsKey(401) && statuses.containsKey(404)
                        && statuses.containsKey(413));
    }

    /** The failures whose request lines differ, so one bug sent a thousand times is listed once. */
    private static List<String> oneOfEachRequestLine(List<String> failures) {
        Map<String, String> byLine = new TreeMap<>();
        for (String failure : failures) {
            int end = failure.indexOf(" | ");
            byLine.putIfAbsent(end < 0 ? failure : failure.substring(0, end), failure);
        }
        return new ArrayList<>(byLine.values()).subList(0, Math.min(12, byLine.size()));
    }

    /**
     * A kind of request: a generator of one request's bytes, and whether it must be answered. Bytes that are no HTTP
     * request at all, or a body shorter than its stated length, may be met by closing the connection: that is no
     * server error.
     */
    private record Kind(Supplier<byte[]> request, boolean answerRequired) {
        static Kind answered(Supplier<byte[]> request) {
            return new Kind(request, true);
        }

        static Kind mayClose(Supplier<byte[]> request) {
            return new Kind(request, false);
        }
    }

    /** The kinds of request sent, drawn at random. */
    private List<Kind> hostileRequests(Random random, Supplier<String> traders, Supplier<String> viewers) {
        String trader = traders.get(); // for the fixed list of credentials below
        String viewer = viewers.get();
        String[] routes = {"/api/v1/orders", "/api/v1/orders/X-1", "/api/v1/status", "/api/v1/positions",
            "/api/v1/risk/kill-switches", "/api/v1/risk/limits/account:ACC-1", "/api/v1/strategies",
            "/api/v1/strategies/x/start", "/api/v1/alerts/1/ack", "/api/v1/session", "/api/v1/market",
            "/api/v1/instruments/BTC-USD@SIMX_CRYPTO", "/metrics", "/dashboard/", "/api/v1/stream"};
        String[] methods = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "CONNECT", "FOO"};
        String[] credentials = {null, trader, viewer, "ak_notakey_xxxxxxxx",
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
            trader.substring(0, trader.length() - 2) + "AA", "", "Basic YWRtaW46YWRtaW4="};
        List<Kind> kinds = new ArrayList<>();
        // Broken, wrongly typed and hostile order bodies, with a trader's credential.
        kinds.add(Kind.answered(() -> post("/api/v1/orders", traders.get(), hostileJson(random))));
        kinds.add(Kind.answered(() -> post("/api/v1/session", null, hostileJson(random))));
        kinds.add(Kind.answered(() -> request("PUT", "/api/v1/risk/limits/account:ACC-1", traders.get(),
                "application/json", hostileJson(random))));
        kinds.add(Kind.answered(() -> request("PATCH", "/api/v1/orders/FUZZ-" + random.nextInt(100), traders.get(),
                "application/json", hostileJson(random))));
        // Bodies beyond every limit, and a body whose length lies.
        kinds.add(Kind.answered(() -> post("/api/v1/orders", traders.get(),
                "{\"account\":\"" + "A".repeat(1 << 20) + "\"}")));
        kinds.add(Kind.mayClose(() -> lyingLength(traders.get())));
        // Wrong content types.
        kinds.add(Kind.answered(() -> request("POST", "/api/v1/orders", traders.get(),
                random.nextBoolean() ? "text/plain" : "multipart/form-data; boundary=x", "{\"account\":\"ACC-1\"}")));
        // Path tricks.
        kinds.add(Kind.answered(() -> get(pathTrick(random), random.nextBoolean() ? traders.get() : null)));
        // Any method on any route with any credential.
        kinds.add(Kind.answered(() -> request(methods[random.nextInt(methods.length)],
                routes[random.nextInt(routes.length)], credentials[random.nextInt(credentials.length)],
                "application/json", random.nextBoolean() ? "" : hostileJson(random))));
        // Query junk.
        kinds.add(Kind.answered(() -> get("/api/v1/orders?" + queryJunk(random), viewers.get())));
        // Headers beyond the limit and broken request lines.
        kinds.add(Kind.answered(() -> ("GET /api/v1/status HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        kinds.add(Kind.mayClose(() -> randomBytesLine(random)));
        return kinds;
    }

    private static String hostileJson(Random random) {
        String[] values = {"5", "-1", "1e309", "\"\"", "null", "true", "[]", "{}", "\"0.0000000000001\"",
            "\"-5\"", "\"1e3\"", "\"NaN\"", "\"99999999999999999999999\"", "\"\\u0000\"",
            "\"" + "9".repeat(500) + "\"",
            "\"BUY\"", "\"SELL\"", "\"LIMIT\"", "\"ACC-1\"", "\"BTC-USD@SIMX_CRYPTO\"", "\"../../etc\""};
        String[] keys = {"account", "instrument", "side", "type", "quantity", "limitPrice", "stopPrice", "timeInForce",
            "clientOrderId", "strategy", "user", "password", "set", "unset", "__proto__", "constructor", "extra"};
        switch (random.nextInt(8)) {
            case 0:
                return "{\"account\":\"ACC-1\",\"instrument\":"; // truncated
            case 1:
                return "[".repeat(5_000) + "]".repeat(5_000); // deep nesting
            case 2:
                byte[] bytes = new byte[random.nextInt(200) + 1];
                random.nextBytes(bytes);
                return new String(bytes, StandardCharsets.ISO_8859_1);
            case 3:
                return "{\"a\":1,\"a\":2,\"quantity\":{\"$gt\":0}}";
            default:
                StringBuilder json = new StringBuilder("{");
                int fields = random.nextInt(9);
                for (int i = 0; i < fields; i++) {
                    json.append(i == 0 ? "" : ",").append('"').append(keys[random.nextInt(keys.length)])
                            .append("\":").append(values[random.nextInt(values.length)]);
                }
                return json.append('}').toString();
        }
    }

    private static String pathTrick(Random random) {
        String[] tricks = {"/api/v1/../../../etc/passwd", "/api/v1/orders/..%2f..%2fetc%2fpasswd",
            "/api/v1/orders/%2e%2e/%2e%2e/status", "/api/v1//orders", "/api/v1/orders/" + "x".repeat(5_000),
            "/api/v1/orders/%00", "/api/v1/orders/%ZZ", "/api/v1/instruments/%C0%AE%C0%AE",
            "/dashboard/../../etc/passwd",
            "/dashboard/%2e%2e/%2e%2e/etc/passwd", "/api/v2/orders", "/API/V1/ORDERS", "/api/v1/orders;jsessionid=1",
            "/api/v1/orders/%252e%252e", "/metrics/../api/v1/orders", "/api/v1/orders/\u00e9\u00e8"};
        return tricks[random.nextInt(tricks.length)];
    }

    private static String queryJunk(Random random) {
        String[] junk = {"limit=-1", "limit=abc", "limit=999999999999999", "limit=0", "cursor=%00%01",
            "cursor=" + "z".repeat(3_000), "working=maybe", "account=&account=&account=", "instrument=%ZZ",
            "limit=1&limit=2", "strategy[$ne]=1", "=&=&", "limit=1e3"};
        return junk[random.nextInt(junk.length)];
    }

    private byte[] lyingLength(String credential) {
        return ("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + credential
                + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n{\"a\":")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomBytesLine(Random random) {
        byte[] line = new byte[random.nextInt(300) + 1];
        random.nextBytes(line);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(line);
        request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return request.toByteArray();
    }

    private static byte[] get(String path, String credential) {
        return request("GET", path, credential, null, "");
    }

    private static byte[] post(String path, String credential, String body) {
        return request("POST", path, credential, "application/json", body);
    }

    private static byte[] request(String method, String path, String credential, String contentType, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if (credential != null) {
            head.append("Authorization: ").append(credential.startsWith("Basic ") ? credential : "Bearer " + credential)
                    .append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (content.length > 0 || "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(content);
        return request.toByteArray();
    }

    private record Answer(int status, String body) {
    }

    private Answer send(byte[] request) {
        return send(request, 15_000);
    }

    /**
     * One request on its own connection ({@code Connection: close}); the status of the answer, or -1 when the server
     * closed without one or said nothing within {@code readTimeoutMillis}. The output is not shut down after the
     * request, as no real client does: a server may take that half-close for the client going away. A server that
     * refuses an oversized body may close while the body is still being written: that is an answer (it read the head
     * and refused), so what it sent before closing is read even when writing failed.
     */
    private Answer send(byte[] request, int readTimeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 2_000);
            socket.setSoTimeout(readTimeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedWhileWriting) {
                // read what the server said before it closed
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while (!complete(answer) && (read = in.read(buffer)) > 0 && answer.size() < (1 << 20)) {
                    answer.write(buffer, 0, read);
                }
            } catch (IOException resetAfterAnswer) {
                // a reset after the answer was sent still leaves the answer
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/1.")) {
                return new Answer(-1, text.isEmpty() ? "(closed without an answer)" : text);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4, Math.min(text.length(),
                    bodyAt + 4 + 400)));
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        }
    }

    /**
     * Whether a whole answer was read: its head and as much body as it announced. A server may keep a connection open
     * after answering a request it could not parse; waiting for it to close would only measure the read timeout.
     */
    private static boolean complete(ByteArrayOutputStream answer) {
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        int bodyAt = text.indexOf("\r\n\r\n");
        if (bodyAt < 0) {
            return false;
        }
        String head = text.substring(0, bodyAt).toLowerCase(Locale.ROOT);
        int length = head.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int end = head.indexOf("\r\n", length + 2);
            long announced = Long.parseLong(head.substring(length + 17, end < 0 ? head.length() : end).trim());
            return text.length() - bodyAt - 4 >= announced;
        }
        return head.contains("\r\ntransfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
    }

    private static long usedHeapAfterCollection(MemoryMXBean memory) throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}

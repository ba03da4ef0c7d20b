package io.alphintra.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.alerts.Severity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSinkTest {
    private static final long T0 = 1_800_000_000_000_000_000L;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<Long> receivedAt = new ArrayList<>();

    @TempDir
    java.nio.file.Path data;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** A local server answering {@code statuses} in turn (the last one from then on), each after {@code delay}. */
    private URI server(Duration delay, int... statuses) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/alerts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (bodies) {
                bodies.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                        + " " + body);
                receivedAt.add(System.nanoTime());
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int call = calls.getAndIncrement();
            exchange.sendResponseHeaders(statuses[Math.min(call, statuses.length - 1)], -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        toClose.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    private WebhookSink sink(List<URI> urls, Duration timeout, int attempts) {
        WebhookSink sink = new WebhookSink(urls, timeout, attempts, Duration.ofMillis(50));
        toClose.add(sink);
        return sink;
    }

    private static AlertRecord record(long id) {
        Alert alert = new Alert("risk.limit.ACC-1.credit", Severity.CRITICAL, "risk:credit",
                "credit limit of ACC-1 \"breached\": trading stopped\nreduce exposure",
                new AlertScope("ACC-1", null, null, "AAPL@SIMX_US"), T0);
        return new AlertRecord(id, alert, 3, T0, T0 + 2_000_000_000L, null);
    }

    @Test
    void postsTheAlertAsJson() throws Exception {
        WebhookSink sink = sink(List.of(server(Duration.ZERO, 204)), Duration.ofSeconds(2), 3);
        sink.send(record(12));
        await(() -> sink.delivered() == 1, 3000);
        assertThat(bodies).containsExactly("POST application/json {\"id\":12,\"key\":\"risk.limit.ACC-1.credit\","
                + "\"severity\":\"CRITICAL\",\"source\":\"risk:credit\",\"message\":\"credit limit of ACC-1"
                + " \\\"breached\\\": trading stopped\\nreduce exposure\",\"scope\":{\"account\":\"ACC-1\","
                + "\"instrument\":\"AAPL@SIMX_US\"},\"count\":3,\"raisedAt\":\"2027-01-15T08:00:00Z\","
                + "\"lastRaisedAt\":\"2027-01-15T08:00:02Z\"}");
    }

    @Test
    void aFailingServerIsRetriedWithGrowingWaitsUntilItRecovers() throws Exception {
        WebhookSink sink = sink(List.of(server(Duration.ZERO, 500, 503, 200)), Duration.ofSeconds(2), 5);
        sink.send(record(1));
        await(() -> sink.delivered() == 1, 5000);
        assertThat(bodies).hasSize(3);
        assertThat(sink.undelivered()).isZero();
        long firstWait = TimeUnit.NANOSECONDS.toMillis(receivedAt.get(1) - receivedAt.get(0));
        long secondWait = TimeUnit.NANOSECONDS.toMillis(receivedAt.get(2) - receivedAt.get(1));
        assertThat(firstWait).isGreaterThanOrEqualTo(45);
        assertThat(secondWait).isGreaterThanOrEqualTo(95); // doubled
    }

    @Test
    void anEndpointThatNeverRecoversIsGivenUpAfterTheAttemptsAndOthersStillGetIt() throws Exception {
        URI healthy = server(Duration.ZERO, 200);
        URI broken = server(Duration.ZERO, 500);
        URI nobody;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/alerts");
        }
        WebhookSink sink = sink(List.of(broken, nobody, healthy), Duration.ofSeconds(1), 3);
        sink.send(record(1));
        await(() -> sink.undelivered() == 2 && sink.delivered() == 1, 5000);
        synchronized (bodies) {
            assertThat(bodies).hasSize(3 + 1); // three attempts at the broken one, one at the healthy one
        }
    }

    @Test
    void aServerThatDoesNotAnswerWithinTheTimeoutIsRetried() throws Exception {
        WebhookSink sink = sink(List.of(server(Duration.ofMillis(600), 200)), Duration.ofMillis(200), 2);
        long started = System.nanoTime();
        sink.send(record(1));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(100);
        await(() -> sink.undelivered() == 1, 5000);
        assertThat(bodies).hasSize(2);
    }

    @Test
    void theComponentPostsEachNewAlertWithinASecondOfItsRaise() throws Exception {
        URI url = server(Duration.ZERO, 200);
        Map<String, Object> config = Map.of("webhookUrls", " " + url + " ,", "webhookTimeoutMillis", "1000");
        AlertsComponent component = new AlertsComponent(TestConfig.of(config), config, data,
                Duration.ofSeconds(1), Duration.ofMillis(50));
        toClose.add(component::deactivate);
        assertThat(component.webhooks().urls()).containsExactly(url);
        long raised = System.nanoTime();
        component.raise(Alert.of("engine.halt", Severity.CRITICAL, "engine", "the engine halted"));
        await(() -> component.webhooks().delivered() == 1, 2000);
        assertThat(TimeUnit.NANOSECONDS.toMillis(receivedAt.get(0) - raised)).isLessThan(1000);
        assertThat(bodies.get(0)).contains("\"key\":\"engine.halt\"", "\"count\":1", "\"scope\":{}");
    }

    private static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + millis + " ms");
            }
            Thread.sleep(5);
        }
    }
}

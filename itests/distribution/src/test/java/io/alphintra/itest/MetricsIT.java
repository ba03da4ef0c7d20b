package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.access.Authenticator;
import io.alphintra.engine.TradingEngine;
import io.alphintra.http.HttpEndpoint;
import io.alphintra.sdk.instrument.InstrumentId;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * {@code GET /metrics} on the real distribution, as Prometheus scrapes it with an API key an admin created in the
 * shell: the JVM's meters, the HTTP server's request timer by route, and the engine's gate rejections, which an order
 * the gate refuses (sent through the shell, as a desk would) moves by exactly one. Without a credential: 401.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern KEY = Pattern.compile("ak_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
    private static final String UNKNOWN_ACCOUNT = "alphintra_gate_rejections_total{reason=\"UNKNOWN_ACCOUNT\"}";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    private HttpEndpoint http;

    @Inject
    private TradingEngine engine;

    /** Not called: injected so that the tests start once the access bundle checks credentials. */
    @Inject
    private Authenticator authenticator;

    @Inject
    private SessionFactory sessionFactory;

    private String key;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Before
    public void createAKeyForPrometheus() throws Exception {
        String created = ShellCommands.run(sessionFactory, "metrics-admin", "admin",
                "alphintra:apikey-create --user prometheus --role viewer --label \"metrics IT\"");
        Matcher matcher = KEY.matcher(created);
        assertTrue(created, matcher.find());
        key = matcher.group();
        Poll.until("/metrics is served", WAIT, () -> scrape("Bearer " + key).toString(),
                () -> scrape("Bearer " + key).status() == 200);
    }

    @Test
    public void aScrapeWithAnApiKeyHasTheJvmAndTheRequestsTheServerAnswered() {
        Poll.until("/health answers 200", WAIT, () -> Http.get(http.baseUrl() + "/health").toString(),
                () -> Http.get(http.baseUrl() + "/health").status() == 200);

        Answer scraped = scrape("Bearer " + key);

        assertEquals(200, scraped.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", scraped.contentType());
        for (String series : new String[] {"jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ",
            "jvm_classes_loaded_classes ", "system_cpu_count ", "process_uptime_seconds ",
            "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",route=\"/health\",status=\"200\"}",
            "alphintra_orders_received_total ", "alphintra_ring_capacity ", "alphintra_journal_commit_seconds_count ",
            "alphintra_alerts_open "}) {
            assertTrue(series + " in:\n" + scraped.body(), scraped.body().contains(series));
        }
    }

    @Test
    public void anOrderTheGateRejectsMovesItsReasonsCounterByOne() throws Exception {
        EngineCalls.awaitInstrument(engine, InstrumentId.parse("BTC-USD@SIMX_CRYPTO"), WAIT);
        double before = value(scrape("Bearer " + key).body(), UNKNOWN_ACCOUNT);

        String answer = ShellCommands.run(sessionFactory, "metrics-trader", "trader",
                "alphintra:order-submit --account ACC-METRICS-NOBODY BUY 0.001 BTC-USD@SIMX_CRYPTO 1000.00");
        assertTrue(answer, answer.contains("ACC-METRICS-NOBODY"));

        Poll.until(UNKNOWN_ACCOUNT + " is " + (before + 1), WAIT,
                () -> String.valueOf(value(scrape("Bearer " + key).body(), UNKNOWN_ACCOUNT)),
                () -> value(scrape("Bearer " + key).body(), UNKNOWN_ACCOUNT) >= before + 1);
        assertEquals(before + 1, value(scrape("Bearer " + key).body(), UNKNOWN_ACCOUNT), 0.0);
    }

    @Test
    public void withoutACredentialTheAnswerIs401AndNoMetric() {
        Answer none = scrape(null);
        Answer revoked = scrape("Bearer ak_aaaaaaaaaaaa_" + "A".repeat(43));

        assertEquals(401, none.status());
        assertEquals("Bearer", none.authenticate());
        assertEquals("UNAUTHENTICATED", new JsonObject(none.body()).getString("code"));
        assertEquals(401, revoked.status());
        assertTrue(revoked.body(), !revoked.body().contains("jvm_"));
        Poll.until("the refused scrape is counted under /metrics", WAIT, () -> scrape("Bearer " + key).body(),
                () -> scrape("Bearer " + key).body().contains("http_server_requests_seconds_count{method=\"GET\","
                        + "outcome=\"CLIENT_ERROR\",route=\"/metrics\",status=\"401\"}"));
    }

    /** The value of the series {@code series} (name and labels, as written) in a scrape; fails if it is absent. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " is not in:\n" + scrape));
    }

    private record Answer(int status, String contentType, String authenticate, String body) {
    }

    private Answer scrape(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.baseUrl() + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.headers().firstValue("www-authenticate").orElse(""), response.body());
        } catch (IOException e) {
            return new Answer(-1, "", "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "", "interrupted");
        }
    }
}

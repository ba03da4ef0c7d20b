package io.alphintra.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /metrics} on a real server, as Prometheus and a stranger see it. */
class MetricsComponentTest {
    private static final String KEY = "ak_test_key";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MetricsComponent metrics = new MetricsComponent();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        metrics.addTo(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        metrics.deactivate();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCallerWithACredentialGetsPrometheusTextWithJvmAndHttpMetrics() throws Exception {
        metrics.authenticator = authenticator();
        metrics.completed("GET", "/api/v1/orders/:clientOrderId", 200, 2_000_000);
        metrics.completed("GET", "/api/v1/orders/:clientOrderId", 404, 1_000_000);

        HttpResponse<String> scrape = get("Bearer " + KEY);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("content-type")).hasValue(MetricsComponent.CONTENT_TYPE);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ",
                "jvm_classes_loaded_classes ", "process_uptime_seconds ", "system_cpu_count ",
                "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
                        + "route=\"/api/v1/orders/:clientOrderId\",status=\"200\"} 1",
                "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
                        + "route=\"/api/v1/orders/:clientOrderId\",status=\"404\"} 1");
    }

    @Test
    void withoutAValidCredentialTheAnswerIs401NamingWhatIsMissing() throws Exception {
        metrics.authenticator = authenticator();

        HttpResponse<String> none = get(null);
        HttpResponse<String> wrong = get("Bearer ak_wrong");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(new JsonObject(none.body()).getString("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(new JsonObject(none.body()).getString("message")).contains("needs a credential");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(wrong.body()).getString("message")).contains("refused");
        assertThat(wrong.body()).doesNotContain("jvm_");
    }

    @Test
    void withNoAccessBundleNoCredentialCanBeCheckedAndNothingIsServed() throws Exception {
        HttpResponse<String> scrape = get("Bearer " + KEY);

        assertThat(scrape.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(scrape.body()).getString("code")).isEqualTo("UNAVAILABLE");
    }

    @Test
    void openAlertsAreCountedWhileTheAlertServiceRuns() throws Exception {
        metrics.authenticator = authenticator();
        metrics.alerts = alerts(3);

        assertThat(get("Bearer " + KEY).body()).contains("alphintra_alerts_open 3.0");

        metrics.alerts = null;
        assertThat(get("Bearer " + KEY).body()).doesNotContain("alphintra_alerts_open");
    }

    @Test
    void requestStatusesAreGroupedInClasses() {
        assertThat(HttpServerMeters.outcome(101)).isEqualTo("INFORMATIONAL");
        assertThat(HttpServerMeters.outcome(302)).isEqualTo("REDIRECTION");
        assertThat(HttpServerMeters.outcome(503)).isEqualTo("SERVER_ERROR");
        assertThat(HttpServerMeters.outcome(99)).isEqualTo("UNKNOWN");
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                + "/metrics")).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Authenticator authenticator() {
        return new Authenticator() {
            @Override
            public Optional<Caller> authenticate(String bearer) {
                return KEY.equals(bearer) ? Optional.of(new Caller("prometheus", Set.of(Role.VIEWER),
                        "api-key:test")) : Optional.empty();
            }

            @Override
            public Session login(String user, char[] password) {
                throw new UnsupportedOperationException("login");
            }

            @Override
            public void logout(String token) {
                throw new UnsupportedOperationException("logout");
            }
        };
    }

    private AlertService alerts(int open) {
        return (AlertService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AlertService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("list") && Boolean.FALSE.equals(args[0])) {
                        List<AlertRecord> records = Collections.nCopies(Math.min(open, (Integer) args[1]), null);
                        return records;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}

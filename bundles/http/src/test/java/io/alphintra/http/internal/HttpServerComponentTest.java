package io.alphintra.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.http.HttpEndpoint;
import io.alphintra.http.HttpRequestObserver;
import io.alphintra.http.HttpRoutes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/** The server on a real port: observation, errors, redirect, CORS and TLS as a client sees them. */
class HttpServerComponentTest {
    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path etc;

    private final AtomicReference<HttpEndpoint> endpoint = new AtomicReference<>();
    private final List<HttpServerComponent> started = new ArrayList<>();
    private final int port = freePort();

    @AfterEach
    void stop() {
        started.forEach(HttpServerComponent::deactivate);
    }

    @Test
    void observersSeeTheRoutePatternStatusAndDurationOfEveryRequest() throws Exception {
        HttpServerComponent server = start(Map.of());
        server.addRoutes(reference(1), router -> {
            router.get("/probe/:id").handler(context -> context.response().end("probe"));
            Router api = Router.router(endpoint.get().vertx());
            api.route().handler(context -> context.next()); // a handler for every route, like authentication
            api.get("/orders/:clientOrderId").handler(context -> context.response().setStatusCode(202).end());
            router.route("/api/v1*").subRouter(api);
        });
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Long> durations = new CopyOnWriteArrayList<>();
        server.addObserver((method, route, status, nanos) -> {
            seen.add(method + " " + route + " " + status);
            durations.add(nanos);
        });

        assertThat(get("/probe/42").statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/orders/A-1")).DELETE()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/orders/A-1").statusCode()).isEqualTo(202);
        HttpResponse<String> missing = get("/nothing/here");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new JsonObject(missing.body()).getString("code")).isEqualTo("NOT_FOUND");
        awaitSize(seen, 4);
        assertThat(seen).containsExactly("GET /probe/:id 200", "DELETE /api/v1 404",
                "GET /api/v1/orders/:clientOrderId 202", "GET unmatched 404");
        assertThat(durations).allMatch(nanos -> nanos > 0 && nanos < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void anObserverThatThrowsNeitherFailsTheRequestNorSilencesTheOthers() throws Exception {
        HttpServerComponent server = start(Map.of());
        AtomicInteger calls = new AtomicInteger();
        HttpRequestObserver broken = (method, route, status, nanos) -> {
            throw new AssertionError("observer bug");
        };
        server.addObserver(broken);
        server.addObserver((method, route, status, nanos) -> calls.incrementAndGet());

        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        awaitCount(calls, 2);

        server.removeObserver(broken);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
        awaitCount(calls, 3);
    }

    @Test
    void theRootRedirectsToTheDashboard() throws Exception {
        start(Map.of());

        HttpResponse<String> root = get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("location")).hasValue("/dashboard/");
    }

    @Test
    void withNoOriginsConfiguredAForeignPreflightIsRefusedAndNoAnswerCarriesCorsHeaders() throws Exception {
        start(Map.of());

        HttpResponse<String> preflight = preflight("https://evil.example");
        HttpResponse<String> simple = send(HttpRequest.newBuilder(uri("/nothing")).header("Origin",
                "https://evil.example"));
        HttpResponse<String> sameOrigin = send(HttpRequest.newBuilder(uri("/nothing")).header("Origin",
                "http://127.0.0.1:" + port).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST"));

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(preflight.body()).getString("code")).isEqualTo("FORBIDDEN");
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).isEmpty();
        assertThat(simple.headers().firstValue("access-control-allow-origin")).isEmpty();
        assertThat(sameOrigin.statusCode()).isEqualTo(404); // not treated as a foreign preflight
    }

    @Test
    void aConfiguredOriginMayCallAndOthersStillMayNot() throws Exception {
        HttpServerComponent server = start(Map.of("corsAllowedOrigins", "https://desk.example"));
        server.addRoutes(reference(1), router -> router.get("/probe").handler(context -> context.response()
                .end("probe")));

        HttpResponse<String> allowed = preflight("https://desk.example");
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/probe")).header("Origin", "https://desk.example"));
        HttpResponse<String> other = preflight("https://evil.example");

        assertThat(allowed.statusCode()).isBetween(200, 204);
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue("https://desk.example");
        assertThat(allowed.headers().firstValue("access-control-allow-methods").orElse(""))
                .contains("GET", "POST", "PUT", "PATCH", "DELETE");
        assertThat(allowed.headers().firstValue("access-control-allow-headers").orElse("").toLowerCase())
                .contains("authorization", "content-type");
        assertThat(read.headers().firstValue("access-control-allow-origin")).hasValue("https://desk.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();

        Map<String, Object> closed = Map.of("port", String.valueOf(port));
        server.modified(config(closed), closed);
        assertThat(preflight("https://desk.example").statusCode()).isEqualTo(403);
    }

    @Test
    void withACertificateAndKeyTheServerSpeaksHttpsOnlyAndSaysSo() throws Exception {
        SelfSignedPem pem = SelfSignedPem.create(etc, "node");
        start(Map.of("tlsCertificate", "node.crt", "tlsKey", pem.key().toString()));

        HttpResponse<String> secure = client(pem).send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/nothing")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(secure.statusCode()).isEqualTo(404);
        assertThat(endpoint.get().baseUrl()).isEqualTo("https://127.0.0.1:" + port);
        assertThatThrownBy(() -> get("/nothing")).isInstanceOf(IOException.class);
    }

    @Test
    void anUnusableTlsFileIsNamedAndTheServerKeepsItsLastGoodConfiguration() throws Exception {
        SelfSignedPem pem = SelfSignedPem.create(etc, "node");
        SelfSignedPem other = SelfSignedPem.create(etc, "other");
        HttpServerComponent server = start(Map.of("tlsCertificate", "node.crt", "tlsKey", "node.key"));
        HttpSettings good = server.settings();
        Files.writeString(etc.resolve("garbage.crt"), "not a certificate");

        Map<String, Object> missingKey = Map.of("port", String.valueOf(port), "tlsCertificate", "node.crt",
                "tlsKey", "missing.key");
        server.modified(config(missingKey), missingKey);
        assertThat(server.settings()).isEqualTo(good);
        assertThatThrownBy(() -> ServerOptions.of(settings(Map.of("tlsCertificate", "node.crt",
                "tlsKey", "missing.key")), null))
                .hasMessage("tlsKey = '" + etc.resolve("missing.key") + "': no such file");
        assertThatThrownBy(() -> ServerOptions.of(settings(Map.of("tlsCertificate", "garbage.crt",
                "tlsKey", "node.key")), null))
                .hasMessageStartingWith("tlsCertificate = '" + etc.resolve("garbage.crt") + "': ");
        assertThatThrownBy(() -> ServerOptions.of(settings(Map.of("tlsCertificate", "node.crt",
                "tlsKey", "other.key")), endpoint.get().vertx()))
                .hasMessageContaining("tlsKey = '" + other.key() + "': is not the private key of the certificate in "
                        + "tlsCertificate = '" + pem.certificate() + "'");

        HttpResponse<String> still = client(pem).send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + port + "/nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(still.statusCode()).isEqualTo(404);
    }

    @Test
    void tlsCanBeTurnedOffAndOnAgainOnTheSameAddress() throws Exception {
        SelfSignedPem pem = SelfSignedPem.create(etc, "node");
        HttpServerComponent server = start(Map.of());
        Map<String, Object> tls = Map.of("port", String.valueOf(port), "tlsCertificate", "node.crt",
                "tlsKey", "node.key");

        server.modified(config(tls), tls);
        assertThat(client(pem).send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/x")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(endpoint.get().baseUrl()).startsWith("https://");

        Map<String, Object> plain = Map.of("port", String.valueOf(port));
        server.modified(config(plain), plain);
        assertThat(get("/x").statusCode()).isEqualTo(404);
        assertThat(endpoint.get().baseUrl()).startsWith("http://");
    }

    private HttpServerComponent start(Map<String, Object> properties) {
        Map<String, Object> withPort = new HashMap<>(properties);
        withPort.put("port", String.valueOf(port));
        HttpServerComponent server = new HttpServerComponent(bundleContext(), config(withPort), withPort, etc);
        started.add(server);
        return server;
    }

    private HttpSettings settings(Map<String, Object> properties) {
        return HttpSettings.from(config(properties), properties, etc);
    }

    private static HttpConfig config(Map<String, ?> properties) {
        return ConfigReader.typed(HttpConfig.class, properties);
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/orders")).method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return plain.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpClient client(SelfSignedPem pem) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("node", pem.x509());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list).hasSize(size);
    }

    private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (count.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(count.get()).isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<HttpRoutes> reference(long id) {
        return (ServiceReference<HttpRoutes>) Proxy.newProxyInstance(HttpServerComponentTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "compareTo" -> Long.compare(id, (Long) ((ServiceReference<?>) args[0]).getProperty("id"));
                    case "getProperty" -> id;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private BundleContext bundleContext() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        endpoint.set((HttpEndpoint) args[1]);
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> null);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}

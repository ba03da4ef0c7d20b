package io.alphintra.itest;

import static org.junit.Assert.assertEquals;

import io.alphintra.http.HttpEndpoint;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Optional;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The HTTP server's TLS, CORS and root redirect on the real distribution: given a certificate and key in
 * {@code etc/io.alphintra.http.cfg} the node answers HTTPS, and plain HTTP no longer, on its port, and says so in its
 * endpoint; a key file that goes missing is named in the log while HTTPS keeps serving; with no CORS origins
 * configured, a browser's cross-origin preflight is refused without CORS headers; {@code /} leads to the dashboard.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HttpTlsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PID = "io.alphintra.http";

    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    private HttpEndpoint http;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Test
    public void withACertificateAndKeyTheNodeAnswersHttpsOnlyAndKeepsItWhenTheKeyGoesMissing() throws Exception {
        int port = http.port();
        Path folder = Path.of(System.getProperty("karaf.data"), "tls-it");
        SelfSignedPem pem = SelfSignedPem.create(folder, "node");
        HttpClient https = pem.client();
        String secureHealth = "https://127.0.0.1:" + port + "/health";
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> original = copy(configuration.getProperties());
        try {
            configuration.update(with(original, "tlsCertificate", pem.certificate().toString(),
                    "tlsKey", pem.key().toString()));

            Poll.until("/health answers over HTTPS", WAIT, () -> get(https, secureHealth, null).toString(),
                    () -> get(https, secureHealth, null).status() == 200);
            Poll.until("the endpoint says https", WAIT, () -> baseUrl().orElse("no endpoint"),
                    () -> baseUrl().orElse("").equals("https://127.0.0.1:" + port));
            assertEquals("plain HTTP is refused on the HTTPS port", -1,
                    get(plain, "http://127.0.0.1:" + port + "/health", null).status());

            Path missing = folder.resolve("missing.key");
            configuration.update(with(original, "tlsCertificate", pem.certificate().toString(),
                    "tlsKey", missing.toString()));
            Poll.until("the missing key file is named in the log", WAIT, () -> "no such line in " + NodeLog.path(),
                    () -> NodeLog.file().contains("tlsKey = '" + missing + "': no such file"));
            assertEquals("HTTPS still serves", 200, get(https, secureHealth, null).status());
        } finally {
            configuration.update(original);
        }
        String health = "http://127.0.0.1:" + port + "/health";
        Poll.until("plain HTTP is back once TLS is configured off", WAIT, () -> get(plain, health, null).toString(),
                () -> get(plain, health, null).status() == 200);
    }

    @Test
    public void withNoCorsOriginsAForeignPreflightIsRefusedWithoutCorsHeaders() {
        Answer preflight = get(plain, http.baseUrl() + "/api/v1/orders", "https://evil.example");

        assertEquals(preflight.toString(), 403, preflight.status());
        assertEquals("FORBIDDEN", new JsonObject(preflight.body()).getString("code"));
        assertEquals(preflight.toString(), "", preflight.allowOrigin());
    }

    @Test
    public void theRootLeadsToTheDashboard() {
        Answer root = get(plain, http.baseUrl() + "/", null);

        assertEquals(302, root.status());
        assertEquals("/dashboard/", root.location());
    }

    private Optional<String> baseUrl() {
        ServiceReference<HttpEndpoint> reference = bundleContext.getServiceReference(HttpEndpoint.class);
        if (reference == null) {
            return Optional.empty();
        }
        try {
            HttpEndpoint endpoint = bundleContext.getService(reference);
            return Optional.ofNullable(endpoint).map(HttpEndpoint::baseUrl);
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    private record Answer(int status, String location, String allowOrigin, String body) {
    }

    /** A GET, or with {@code preflightOrigin} the OPTIONS a browser sends before a cross-origin POST from there. */
    private static Answer get(HttpClient client, String url, String preflightOrigin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (preflightOrigin != null) {
            request.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", preflightOrigin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type");
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("location").orElse(""),
                    response.headers().firstValue("access-control-allow-origin").orElse(""), response.body());
        } catch (IOException e) {
            return new Answer(-1, "", "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "", "interrupted");
        }
    }

    private static Dictionary<String, Object> with(Dictionary<String, Object> base, String... keysAndValues) {
        Dictionary<String, Object> properties = copy(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Dictionary<String, Object> copy = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}

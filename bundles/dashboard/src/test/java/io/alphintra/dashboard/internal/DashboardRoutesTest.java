package io.alphintra.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files as a browser gets them from a real Vert.x server, and the files themselves. */
class DashboardRoutesTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            // As browsers talk to a plain-HTTP server; Java would otherwise offer an h2c upgrade.
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static Vertx vertx;
    private static int port;
    private static Path folder;

    @BeforeAll
    static void serve() throws Exception {
        folder = Path.of(DashboardRoutesTest.class.getClassLoader().getResource("dashboard/index.html").toURI())
                .getParent();
        DashboardRoutes routes = new DashboardRoutes(StaticFiles.read(entries(folder)));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        routes.addTo(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void thePageIsServedWithItsTypeAnEtagNoCacheAndTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/dashboard/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Alphintra dashboard</title>");
        assertThat(header(page, "content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(header(page, "cache-control")).isEqualTo("no-cache");
        assertThat(header(page, "etag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(header(page, "x-content-type-options")).isEqualTo("nosniff");
        assertThat(header(page, "x-frame-options")).isEqualTo("DENY");
        assertThat(header(page, "referrer-policy")).isEqualTo("no-referrer");
        assertThat(header(page, "content-security-policy"))
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                        "connect-src 'self' ws://127.0.0.1:" + port + " wss://127.0.0.1:" + port + ";")
                .doesNotContain("unsafe", "*");

        assertThat(header(get("/dashboard/index.html"), "etag")).isEqualTo(header(page, "etag"));
        assertThat(header(get("/dashboard/app.js"), "content-type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(header(get("/dashboard/app.css"), "content-type")).isEqualTo("text/css; charset=utf-8");
        assertThat(header(get("/dashboard/favicon.svg"), "content-type")).isEqualTo("image/svg+xml");
        assertThat(get("/dashboard/app.js").body()).isEqualTo(Files.readString(folder.resolve("app.js")));
        assertThat(header(get("/dashboard/app.js"), "etag")).isNotEqualTo(header(page, "etag"));
    }

    @Test
    void aKnownEtagIsAnsweredNotModifiedAndAnOtherOneGetsTheFile() throws Exception {
        String etag = header(get("/dashboard/app.js"), "etag");
        HttpResponse<String> same = send(request("/dashboard/app.js").header("If-None-Match", "\"x\", " + etag));
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(header(same, "etag")).isEqualTo(etag);
        assertThat(header(same, "x-frame-options")).isEqualTo("DENY");
        assertThat(send(request("/dashboard/app.js").header("If-None-Match", "W/" + etag)).statusCode())
                .isEqualTo(304);
        HttpResponse<String> other = send(request("/dashboard/app.js").header("If-None-Match", "\"stale\""));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).contains("import");
    }

    @Test
    void headAnswersTheLengthWithoutTheBody() throws Exception {
        HttpResponse<String> head = send(request("/dashboard/app.css").method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "content-length")).isEqualTo(String.valueOf(Files.size(folder.resolve("app.css"))));
    }

    @Test
    void unknownFilesAndPathTricksAre404WithTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/dashboard/nope.js", "/dashboard/..%2F..%2Fpom.xml",
            "/dashboard/%2e%2e/%2e%2e/pom.xml", "/dashboard/app.js%2F", "/dashboard/.hidden",
            "/dashboard/app%2Ejs", "/dashboard//app.js", "/dashboard/./app.js", "/dashboard/app.js/",
            "/dashboard/%5c..%5capp.js", "/dashboard/APP.JS"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("import ", "Alphintra dashboard");
        }
        HttpResponse<String> missing = get("/dashboard/nope.js");
        assertThat(missing.body()).contains("\"code\":\"NOT_FOUND\"", "/dashboard/nope.js");
        assertThat(header(missing, "content-security-policy")).contains("default-src 'none'");
        assertThat(header(missing, "x-content-type-options")).isEqualTo("nosniff");
        // What the router normalises away never reaches the dashboard's files (it would be another route's 404).
        assertThat(rawGet("/dashboard/../dashboard/app.js", "127.0.0.1")).startsWith("HTTP/1.1 404");
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> post = send(request("/dashboard/app.js").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(header(post, "allow")).isEqualTo("GET, HEAD");
        assertThat(post.body()).contains("METHOD_NOT_ALLOWED");
    }

    @Test
    void theBarePathRedirectsToThePage() throws Exception {
        HttpResponse<String> response = get("/dashboard");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(header(response, "location")).isEqualTo("/dashboard/");
        assertThat(header(response, "x-frame-options")).isEqualTo("DENY");
    }

    @Test
    void aHostHeaderThatIsNotAHostIsLeftOutOfThePolicy() throws Exception {
        assertThat(DashboardRoutes.contentSecurityPolicy("node.example:8443"))
                .contains("connect-src 'self' ws://node.example:8443 wss://node.example:8443;");
        assertThat(DashboardRoutes.contentSecurityPolicy("[::1]:8080")).contains("ws://[::1]:8080 ");
        for (String bad : new String[] {"evil; script-src *", "a b", "x'y", "", "host:port"}) {
            assertThat(DashboardRoutes.contentSecurityPolicy(bad)).as(bad)
                    .contains("connect-src 'self'; ").doesNotContain("ws:", "evil", "*");
        }
        String answer = rawGet("/dashboard/", "evil.example;script-src_*");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("connect-src 'self'; ").doesNotContain("evil");
    }

    @Test
    void theIfNoneMatchComparisonIsWeakAndKnowsTheWildcard() {
        assertThat(DashboardRoutes.matches(null, "\"a\"")).isFalse();
        assertThat(DashboardRoutes.matches("\"a\"", "\"a\"")).isTrue();
        assertThat(DashboardRoutes.matches("W/\"a\"", "\"a\"")).isTrue();
        assertThat(DashboardRoutes.matches("\"b\" , \"a\"", "\"a\"")).isTrue();
        assertThat(DashboardRoutes.matches("*", "\"a\"")).isTrue();
        assertThat(DashboardRoutes.matches("\"ab\"", "\"a\"")).isFalse();
    }

    @Test
    void contentTypesFollowTheExtension() {
        assertThat(StaticFiles.contentType("a/b.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(StaticFiles.contentType("x.JS")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(StaticFiles.contentType("x.png")).isEqualTo("image/png");
        assertThat(StaticFiles.contentType("LICENSE")).isEqualTo("application/octet-stream");
    }

    @Test
    void aFileNamedSoThatItCouldNeverBeRequestedIsAPackagingError() throws Exception {
        URL url = folder.resolve("app.css").toUri().toURL();
        assertThatThrownBy(() -> StaticFiles.read(Map.of("my file.css", url)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'my file.css'");
        assertThatThrownBy(() -> StaticFiles.read(Map.of("missing.css", folder.resolve("missing.css").toUri()
                .toURL()))).isInstanceOf(IOException.class).hasMessageContaining("missing.css");
    }

    /**
     * The page runs under a policy without 'unsafe-inline': it must hold no inline script, style or event handler,
     * and everything it and its modules load must be one of the bundle's files.
     */
    @Test
    void thePageHasNothingInlineAndLoadsOnlyItsOwnFiles() throws Exception {
        String html = Files.readString(folder.resolve("index.html"));
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=").doesNotContain("<style");
        Set<String> referenced = new TreeSet<>();
        collect(Pattern.compile("(?:src|href)=\"([^\"]+)\""), html, referenced);
        for (String module : new String[] {"app.js", "api.js", "chart.js", "decimal.js"}) {
            String code = Files.readString(folder.resolve(module));
            collect(Pattern.compile("from '\\./([^']+)'"), code, referenced);
            assertThat(code).as(module).doesNotContain("innerHTML", "eval(", "new Function", "document.write");
        }
        assertThat(referenced).contains("app.js", "app.css", "api.js", "chart.js", "decimal.js", "favicon.svg");
        for (String name : referenced) {
            assertThat(get("/dashboard/" + name).statusCode()).as(name).isEqualTo(200);
        }
    }

    /** Every element the script looks up by id is in the page, so no panel breaks on a renamed element. */
    @Test
    void everyIdTheScriptLooksUpIsInThePage() throws Exception {
        String html = Files.readString(folder.resolve("index.html"));
        Set<String> ids = new TreeSet<>();
        collect(Pattern.compile("\\sid=\"([^\"]+)\""), html, ids);
        Set<String> used = new TreeSet<>();
        collect(Pattern.compile("byId\\('([^']+)'\\)"), Files.readString(folder.resolve("app.js")), used);
        assertThat(used).hasSizeGreaterThan(30);
        assertThat(ids).containsAll(used);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Map<String, URL> entries(Path folder) throws IOException {
        Map<String, URL> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                entries.put(folder.relativize(file).toString().replace('\\', '/'), file.toUri().toURL());
            }
        }
        return entries;
    }

    private static HttpRequest.Builder request(String path) throws URISyntaxException {
        return HttpRequest.newBuilder(new URI("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** A request as written on the wire, for what HttpClient will not send: an unnormalised path, any Host. */
    private static String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.alphintra.dashboard.internal;

import io.alphintra.http.HttpRoutes;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the dashboard's static files under {@code /dashboard/}. The files need no
 * credential: they hold no data, and every call the page makes for data carries the caller's token.
 *
 * <p>Every answer carries the security headers: the page may load scripts, styles and images only from this origin,
 * talk only to this origin and its WebSocket, and may not be framed.
 */
@Component(service = HttpRoutes.class)
public final class DashboardRoutes implements HttpRoutes {
    static final String BASE = "/dashboard/";
    static final String FOLDER = "dashboard";
    private static final Logger LOG = LoggerFactory.getLogger(DashboardRoutes.class);
    /** A Host header fit to be quoted in a policy: a name or address and a port, nothing that could end a directive. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?");

    private final StaticFiles files;

    @Activate
    public DashboardRoutes(BundleContext context) throws IOException {
        this(StaticFiles.read(entries(context.getBundle())));
        LOG.info("Dashboard: {} files served at {}", files.size(), BASE);
    }

    DashboardRoutes(StaticFiles files) {
        this.files = files;
    }

    @Override
    public void addTo(Router router) {
        // "/dashboard/*" also matches "/dashboard" itself, which serve() sends on to "/dashboard/". (The HTTP bundle
        // sends "/" here.)
        router.route("/dashboard/*").handler(this::serve);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        secure(response, authority(request));
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405).putHeader("allow", "GET, HEAD");
            error(response, "METHOD_NOT_ALLOWED", request.method() + " is not allowed on the dashboard's files: use GET");
            return;
        }
        // The raw path, not the router's normalised one: a request that needed normalising ("..", "//", an encoded
        // character) is not one the page makes, and is refused rather than interpreted.
        String path = request.path();
        if ("/dashboard".equals(path)) {
            response.setStatusCode(302).putHeader("location", BASE).end();
            return;
        }
        String name = path.startsWith(BASE) ? path.substring(BASE.length()) : null;
        Optional<StaticFile> file = files.find(name != null && name.isEmpty() ? "index.html" : name);
        if (file.isEmpty()) {
            response.setStatusCode(404);
            error(response, "NOT_FOUND", "the dashboard has no file " + path);
            return;
        }
        StaticFile found = file.get();
        response.putHeader("cache-control", "no-cache").putHeader("etag", found.etag());
        if (matches(request.getHeader("if-none-match"), found.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader("content-type", found.contentType());
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader("content-length", String.valueOf(found.content().length())).end();
        } else {
            response.end(found.content());
        }
    }

    /** The host and port the request was sent to (Host header, or HTTP/2's :authority); null when it named none. */
    private static String authority(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    }

    /** The security headers of every answer; {@code host} is the request's host and port, null when it had none. */
    static void secure(HttpServerResponse response, String host) {
        response.putHeader("content-security-policy", contentSecurityPolicy(host))
                .putHeader("x-content-type-options", "nosniff")
                .putHeader("x-frame-options", "DENY")
                .putHeader("referrer-policy", "no-referrer");
    }

    /**
     * Only this origin, plus the WebSocket of the same host and port ({@code ws:}, and {@code wss:} for a node behind
     * a TLS proxy): browsers differ in whether {@code 'self'} covers WebSockets, so the host is named. A Host header
     * that is not a plain host and port is left out rather than quoted into the policy.
     */
    static String contentSecurityPolicy(String host) {
        String sockets = host != null && HOST.matcher(host).matches() ? " ws://" + host + " wss://" + host : "";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'"
                + sockets + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** Whether an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks for GET). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static void error(HttpServerResponse response, String code, String message) {
        response.putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("code", code).put("message", message).encode());
    }

    /** The bundle's files under {@code dashboard/}, by their name below it. */
    private static Map<String, URL> entries(Bundle bundle) {
        Map<String, URL> entries = new LinkedHashMap<>();
        Enumeration<URL> found = bundle.findEntries(FOLDER, "*", true);
        if (found == null) {
            throw new IllegalStateException("bundle " + bundle.getSymbolicName() + " has no " + FOLDER + "/ folder");
        }
        String prefix = "/" + FOLDER + "/";
        while (found.hasMoreElements()) {
            URL url = found.nextElement();
            String path = url.getPath();
            if (!path.endsWith("/") && path.startsWith(prefix)) {
                entries.put(path.substring(prefix.length()), url);
            }
        }
        return entries;
    }
}

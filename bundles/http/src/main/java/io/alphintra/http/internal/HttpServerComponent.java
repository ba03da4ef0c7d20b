package io.alphintra.http.internal;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.http.HttpEndpoint;
import io.alphintra.http.HttpRequestObserver;
import io.alphintra.http.HttpRoutes;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one HTTP server. Routes come from {@link HttpRoutes} services; the route table is rebuilt and swapped
 * atomically when they change, so requests in flight finish on the table they started with. Every answered request is
 * reported to the {@link HttpRequestObserver} services.
 *
 * <p>A new configuration is applied by listening on the new address first and closing the old server only once
 * that succeeded: a bad value, an unusable TLS file or a port already in use leaves the node serving on its last
 * good configuration. A change that keeps the address (TLS on or off, new certificate files, limits) cannot bind a
 * second server there: the old one is closed first, after the new files were checked, and restarted should the new
 * one still fail to listen.
 */
// HttpEndpoint is registered by this code while the server listens, not declared by DS: say so to the resolver, so
// that bundles with a mandatory reference to it resolve against this one.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.alphintra.http.HttpEndpoint",
        uses = HttpEndpoint.class)
@Component(service = {}, configurationPid = HttpConfig.PID, immediate = true)
@Designate(ocd = HttpConfig.class)
public final class HttpServerComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerComponent.class);
    private static final long LISTEN_TIMEOUT_SECONDS = 10;
    private static final Set<HttpMethod> CORS_METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<String> CORS_HEADERS = Set.of("Authorization", "Content-Type");

    private final BundleContext bundleContext;
    private final Path etc;
    private final RequestObservation observation = new RequestObservation();
    private final Vertx vertx;
    private final ConcurrentSkipListMap<ServiceReference<HttpRoutes>, HttpRoutes> providers =
            new ConcurrentSkipListMap<>((a, b) -> b.compareTo(a)); // highest ranking first

    private volatile Router routes;
    private HttpSettings settings;
    private HttpServer server;
    private ServiceRegistration<HttpEndpoint> endpointRegistration;

    @Activate
    public HttpServerComponent(BundleContext bundleContext, HttpConfig config, Map<String, Object> properties) {
        this(bundleContext, config, properties, Path.of(System.getProperty("karaf.etc", "etc")));
    }

    /** For tests: another folder that relative TLS file names are resolved in. */
    HttpServerComponent(BundleContext bundleContext, HttpConfig config, Map<String, Object> properties, Path etc) {
        this.bundleContext = bundleContext;
        this.etc = etc;
        // Class-path file resolution and its cache directory make no sense inside OSGi bundles. The metrics SPI is
        // how request observers learn of each answered request and the route that answered it.
        this.vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(true))
                        .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false)
                                .setFileCachingEnabled(false)))
                .withMetrics(observation)
                .build();
        HttpSettings initial;
        try {
            initial = HttpSettings.from(config, properties, etc);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Starting with the shipped defaults instead.", e.getMessage());
            initial = HttpSettings.from(ConfigReader.defaults(HttpConfig.class), Map.of(), etc);
        }
        try {
            try {
                apply(initial);
            } catch (IllegalArgumentException unusableTlsFile) {
                // As for an invalid configuration: plain HTTP on loopback, reachable only from the node's machine,
                // never plain HTTP on the address that was meant to be served with TLS.
                LOG.error("{}. Starting with the shipped defaults instead until the file is fixed and {}.cfg saved.",
                        unusableTlsFile.getMessage(), HttpConfig.PID);
                apply(HttpSettings.from(ConfigReader.defaults(HttpConfig.class), Map.of(), etc));
            }
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    @Modified
    void modified(HttpConfig config, Map<String, Object> properties) {
        HttpSettings next;
        try {
            next = HttpSettings.from(config, properties, etc);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Keeping the running configuration {}.", e.getMessage(), settings);
            return;
        }
        // With TLS, any update re-reads the files: that is how a renewed certificate is put in force.
        if (next.equals(settings) && !next.tls() && server != null) {
            return;
        }
        try {
            apply(next);
        } catch (RuntimeException e) {
            LOG.error("Could not apply {}: {}. Still serving on {}.", next, e.getMessage(), describe(settings));
        }
    }

    @Deactivate
    void deactivate() {
        unregisterEndpoint();
        await(vertx.close(), "closing the HTTP server");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRoutes(ServiceReference<HttpRoutes> reference, HttpRoutes provider) {
        providers.put(reference, provider);
        rebuildRoutes();
    }

    void removeRoutes(ServiceReference<HttpRoutes> reference) {
        providers.remove(reference);
        rebuildRoutes();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addObserver(HttpRequestObserver observer) {
        observation.add(observer);
    }

    void removeObserver(HttpRequestObserver observer) {
        observation.remove(observer);
    }

    /** The settings in force (for tests). */
    synchronized HttpSettings settings() {
        return settings;
    }

    /**
     * Puts {@code next} in force: routes rebuilt (CORS), the server restarted when its options changed.
     *
     * @throws IllegalArgumentException naming a TLS file that cannot be used; nothing was changed then
     * @throws IllegalStateException when the new server could not listen; the old one still serves then
     */
    private synchronized void apply(HttpSettings next) {
        HttpSettings previous = settings;
        if (server != null && next.sameListener(previous) && !next.tls()) {
            settings = next;
            rebuildRoutes();
            LOG.info("HTTP server settings in force: {}", describe(next));
            return;
        }
        HttpServerOptions options = ServerOptions.of(next, vertx);
        HttpServer old = server;
        boolean sameAddress = old != null && previous.host().equals(next.host()) && previous.port() == next.port();
        if (sameAddress) {
            await(old.close(), "closing the server on " + describe(previous));
            server = null;
        }
        settings = next;
        rebuildRoutes();
        HttpServer started;
        try {
            started = listen(options);
        } catch (RuntimeException e) {
            settings = previous;
            rebuildRoutes();
            if (sameAddress) {
                restart(previous);
            }
            throw e;
        }
        server = started;
        unregisterEndpoint();
        endpointRegistration = bundleContext.registerService(HttpEndpoint.class,
                new Endpoint(next.host(), started.actualPort(), next.tls(), vertx), endpointProperties(next));
        if (old != null && !sameAddress) {
            old.close();
        }
        LOG.info("HTTP server listening on {}", describe(next));
    }

    private HttpServer listen(HttpServerOptions options) {
        HttpServer started = vertx.createHttpServer(options).requestHandler(request -> routes.handle(request));
        try {
            await(started.listen(), "listening on " + options.getHost() + ":" + options.getPort());
            return started;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + options.getHost() + ":" + options.getPort() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Brings the last good server back after a replacement on its address failed to listen. */
    private void restart(HttpSettings previous) {
        try {
            server = listen(ServerOptions.of(previous, vertx));
        } catch (RuntimeException e) {
            LOG.error("The HTTP server on {} could not be restarted either: {}. It is down until its configuration"
                    + " is saved again.", describe(previous), e.getMessage());
            unregisterEndpoint();
        }
    }

    private synchronized void rebuildRoutes() {
        if (vertx == null) {
            return; // references are bound before activation; the table is built once settings are known
        }
        Router router = Router.router(vertx);
        router.route().order(Integer.MIN_VALUE).handler(corsHandler(settings));
        providers.forEach((reference, provider) -> {
            try {
                provider.addTo(router);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Routes of service {} from bundle {} left out: adding them failed",
                        reference.getProperty("service.id"), reference.getBundle(), e);
            }
        });
        router.get("/").handler(context -> context.redirect("/dashboard/"));
        router.route().last().handler(context -> error(context, 404, "NOT_FOUND",
                "no such resource: " + context.request().path()));
        router.route().failureHandler(HttpServerComponent::failed);
        routes = router;
    }

    /**
     * Closed by default: with no origins configured a browser's preflight is refused (and no response carries
     * CORS headers, so other sites' pages cannot read answers). Requests from the node's own pages (same origin)
     * and from non-browser clients, which send no foreign {@code Origin}, pass either way.
     */
    private static Handler<RoutingContext> corsHandler(HttpSettings current) {
        CorsHandler cors = current == null || current.corsOrigins().isEmpty() ? null
                : CorsHandler.create().addOrigins(current.corsOrigins()).allowedMethods(CORS_METHODS)
                        .allowedHeaders(CORS_HEADERS);
        return context -> {
            String origin = context.request().getHeader("Origin");
            if (origin == null || sameOrigin(context, origin)) {
                context.next();
            } else if (cors != null) {
                cors.handle(context);
            } else if (context.request().method() == HttpMethod.OPTIONS
                    && context.request().getHeader("Access-Control-Request-Method") != null) {
                error(context, 403, "FORBIDDEN", "cross-origin requests from " + origin + " are not allowed: "
                        + "the node's corsAllowedOrigins does not name it");
            } else {
                context.next();
            }
        };
    }

    private static boolean sameOrigin(RoutingContext context, String origin) {
        HostAndPort authority = context.request().authority(); // the Host header, or HTTP/2's :authority
        return authority != null && origin.equalsIgnoreCase(context.request().scheme() + "://" + authority.host()
                + (authority.port() >= 0 ? ":" + authority.port() : ""));
    }

    private static void failed(RoutingContext context) {
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (context.response().ended()) {
            return;
        }
        if (status >= 500) {
            String id = UUID.randomUUID().toString();
            LOG.error("Request {} {} failed (error id {})", context.request().method(), context.request().path(), id,
                    context.failure());
            error(context, status, status == 503 ? "UNAVAILABLE" : "INTERNAL",
                    "internal error; the node's log names it with id " + id);
            return;
        }
        String message = context.failure() != null && context.failure().getMessage() != null
                ? context.failure().getMessage() : "request refused";
        error(context, status, code(status), message);
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "VALIDATION_FAILED";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONFLICT";
            case 413 -> "BODY_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            default -> "REQUEST_FAILED";
        };
    }

    private static void error(RoutingContext context, int status, String code, String message) {
        context.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("code", code).put("message", message).encode());
    }

    private void unregisterEndpoint() {
        if (endpointRegistration != null) {
            try {
                endpointRegistration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The bundle is stopping and the framework already removed it.
            }
            endpointRegistration = null;
        }
    }

    private static String describe(HttpSettings settings) {
        return settings == null ? "nothing" : (settings.tls() ? "https" : "http") + "://" + settings.host() + ":"
                + settings.port() + (settings.corsOrigins().isEmpty() ? "" : " (CORS for " + settings.corsOrigins()
                + ")");
    }

    private static Dictionary<String, Object> endpointProperties(HttpSettings settings) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("alphintra.http.host", settings.host());
        properties.put("alphintra.http.port", settings.port());
        properties.put("alphintra.http.scheme", settings.tls() ? "https" : "http");
        return properties;
    }

    private static <T> T await(io.vertx.core.Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(LISTEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("timed out after " + LISTEN_TIMEOUT_SECONDS + " s " + what, e);
        }
    }

    private record Endpoint(String host, int port, boolean tls, Vertx vertx) implements HttpEndpoint {
        @Override
        public String baseUrl() {
            return (tls ? "https" : "http") + "://" + host + ":" + port;
        }
    }
}

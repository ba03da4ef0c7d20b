package io.alphintra.http.internal;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.http.HttpEndpoint;
import io.alphintra.http.HttpRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
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
 * atomically when they change, so requests in flight finish on the table they started with.
 *
 * <p>A new configuration is applied by listening on the new address first and closing the old server only once
 * that succeeded: a bad value or a port already in use leaves the node serving on its last good address.
 */
@Component(service = {}, configurationPid = HttpConfig.PID, immediate = true)
@Designate(ocd = HttpConfig.class)
public final class HttpServerComponent {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerComponent.class);
    private static final long LISTEN_TIMEOUT_SECONDS = 10;

    private final BundleContext bundleContext;
    private final Vertx vertx;
    private final ConcurrentSkipListMap<ServiceReference<HttpRoutes>, HttpRoutes> providers =
            new ConcurrentSkipListMap<>((a, b) -> b.compareTo(a)); // highest ranking first

    private volatile Router routes;
    private HttpSettings settings;
    private HttpServer server;
    private ServiceRegistration<HttpEndpoint> endpointRegistration;

    @Activate
    public HttpServerComponent(BundleContext bundleContext, HttpConfig config, Map<String, Object> properties) {
        this.bundleContext = bundleContext;
        // Class-path file resolution and its cache directory make no sense inside OSGi bundles.
        this.vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false)));
        HttpSettings initial;
        try {
            initial = HttpSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Starting with the shipped defaults instead.", e.getMessage());
            initial = HttpSettings.from(ConfigReader.defaults(HttpConfig.class), Map.of());
        }
        rebuildRoutes();
        try {
            apply(initial);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    @Modified
    void modified(HttpConfig config, Map<String, Object> properties) {
        HttpSettings next;
        try {
            next = HttpSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Keeping the running configuration {}.", e.getMessage(), settings);
            return;
        }
        if (next.equals(settings)) {
            return;
        }
        try {
            apply(next);
        } catch (RuntimeException e) {
            LOG.error("Could not apply {} ({}). Still serving on {}:{}.", next, e.getMessage(), settings.host(),
                    settings.port());
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

    private synchronized void apply(HttpSettings next) {
        HttpServer started = vertx.createHttpServer(new HttpServerOptions().setHost(next.host()).setPort(next.port()))
                .requestHandler(request -> routes.handle(request));
        try {
            await(started.listen(), "listening on " + next.host() + ":" + next.port());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + next.host() + ":" + next.port() + ": "
                    + e.getMessage(), e);
        }
        HttpServer previous = server;
        server = started;
        settings = next;
        unregisterEndpoint();
        endpointRegistration = bundleContext.registerService(HttpEndpoint.class,
                new Endpoint(next.host(), started.actualPort(), vertx), endpointProperties(next));
        if (previous != null) {
            previous.close();
        }
        LOG.info("HTTP server listening on http://{}:{}", next.host(), started.actualPort());
    }

    private synchronized void rebuildRoutes() {
        if (vertx == null) {
            return; // references are bound before activation; the table is built in the constructor
        }
        Router router = Router.router(vertx);
        providers.forEach((reference, provider) -> {
            try {
                provider.addTo(router);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Routes of service {} from bundle {} left out: adding them failed",
                        reference.getProperty("service.id"), reference.getBundle(), e);
            }
        });
        router.route().last().handler(context -> context.response().setStatusCode(404)
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("error", "no such resource").put("path", context.request().path())
                        .encode()));
        router.route().failureHandler(context -> {
            int status = context.statusCode() > 0 ? context.statusCode() : 500;
            if (status >= 500) {
                LOG.error("Request {} {} failed", context.request().method(), context.request().path(),
                        context.failure());
            }
            if (!context.response().ended()) {
                context.response().setStatusCode(status).putHeader("content-type", "application/json")
                        .end(new JsonObject().put("error", status >= 500 ? "internal error"
                                : String.valueOf(context.failure() != null ? context.failure().getMessage()
                                        : "request failed")).encode());
            }
        });
        routes = router;
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

    private static Dictionary<String, Object> endpointProperties(HttpSettings settings) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("alphintra.http.host", settings.host());
        properties.put("alphintra.http.port", settings.port());
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

    private record Endpoint(String host, int port, Vertx vertx) implements HttpEndpoint {
    }
}

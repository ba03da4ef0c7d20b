package io.alphintra.metrics.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.alerts.AlertService;
import io.alphintra.engine.TradingEngine;
import io.alphintra.http.HttpRequestObserver;
import io.alphintra.http.HttpRoutes;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics}: the node's metrics in the Prometheus text format, for any authenticated caller. JVM meters
 * from Micrometer's binders, {@code http.server.requests} from every request the HTTP server answers (this component
 * observes them), and the engine's and alerts' figures read at each scrape.
 */
@Component(service = {HttpRoutes.class, HttpRequestObserver.class}, immediate = true)
public final class MetricsComponent implements HttpRoutes, HttpRequestObserver {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsComponent.class);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final HttpServerMeters http;
    private final EngineMeters engineMeters;
    private final AlertMeters alertMeters;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TradingEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AlertService alerts;

    @Activate
    public MetricsComponent() {
        registry = prometheusRegistry();
        http = new HttpServerMeters(registry); // first: it adds a meter filter, which applies to later meters only
        for (MeterBinder binder : List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), gc,
                new JvmThreadMetrics(), new ProcessorMetrics(), new UptimeMetrics())) {
            binder.bindTo(registry);
        }
        engineMeters = new EngineMeters(registry);
        alertMeters = new AlertMeters(registry);
    }

    @Deactivate
    void deactivate() {
        gc.close();
        registry.close();
    }

    @Override
    public void addTo(Router router) {
        router.get("/metrics").handler(this::serve);
    }

    @Override
    public void completed(String method, String routePattern, int status, long durationNanos) {
        http.completed(method, routePattern, status, durationNanos);
    }

    private void serve(RoutingContext context) {
        Authenticator access = authenticator;
        if (access == null) {
            error(context, 503, "UNAVAILABLE", "no credential can be checked: the access bundle (feature "
                    + "alphintra-access) is not running");
            return;
        }
        String authorization = context.request().getHeader("Authorization");
        if (access.authenticateHeader(authorization).isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            error(context, 401, "UNAUTHENTICATED", authorization == null
                    ? "GET /metrics needs a credential: Authorization: Bearer <API key or session token>"
                    : "the credential in Authorization was refused: unknown, revoked, expired or not a Bearer one");
            return;
        }
        // Reading the engine's statistics and writing a few hundred series is short, but not event-loop short.
        context.vertx().executeBlocking(this::scrape, false).onComplete(scraped -> {
            if (scraped.succeeded()) {
                context.response().putHeader("content-type", CONTENT_TYPE).putHeader("cache-control", "no-store")
                        .end(scraped.result());
            } else {
                LOG.error("Scraping the node's metrics failed", scraped.cause());
                context.fail(500, scraped.cause());
            }
        });
    }

    /** The metrics as Prometheus reads them, the engine's and alerts' read now. */
    String scrape() {
        engineMeters.refresh(engine);
        alertMeters.refresh(alerts);
        return registry.scrape();
    }

    private static void error(RoutingContext context, int status, String code, String message) {
        context.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("code", code).put("message", message).encode());
    }

    /**
     * The Prometheus client looks for an optional {@code prometheus.properties} through the thread's context class
     * loader, which inside OSGi is whatever the activating thread had (often none): give it this bundle's.
     */
    private static PrometheusMeterRegistry prometheusRegistry() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MetricsComponent.class.getClassLoader());
        try {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

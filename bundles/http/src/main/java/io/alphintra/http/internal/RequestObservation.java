package io.alphintra.http.internal;

import io.alphintra.http.HttpRequestObserver;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link HttpRequestObserver} services of every answered request, through Vert.x's metrics SPI: the server
 * reports each request's start, every route the router matched it to (sub-routers included) and its response's end,
 * which no handler added to a router can see for routes of a sub-router.
 */
final class RequestObservation implements VertxMetricsFactory {
    static final String UNMATCHED = "unmatched";
    private static final Logger LOG = LoggerFactory.getLogger(RequestObservation.class);
    private static final Set<HttpMethod> STANDARD_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS, HttpMethod.TRACE,
            HttpMethod.CONNECT);

    private final CopyOnWriteArrayList<HttpRequestObserver> observers = new CopyOnWriteArrayList<>();
    /** Observers whose failure was logged: each is logged once, not at every request. */
    private final Set<HttpRequestObserver> reported = ConcurrentHashMap.newKeySet();

    void add(HttpRequestObserver observer) {
        observers.add(observer);
    }

    void remove(HttpRequestObserver observer) {
        observers.remove(observer);
        reported.remove(observer);
    }

    @Override
    public VertxMetrics metrics(VertxOptions options) {
        return new VertxMetrics() {
            @Override
            public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(HttpServerOptions serverOptions,
                                                                      SocketAddress localAddress) {
                return new ServerMetrics();
            }
        };
    }

    void completed(Exchange exchange, int status) {
        long duration = System.nanoTime() - exchange.started;
        String route = exchange.route == null ? UNMATCHED : exchange.route;
        for (HttpRequestObserver observer : observers) {
            try {
                observer.completed(exchange.method, route, status, duration);
            } catch (Throwable e) { // an observer's bug must not fail the request or silence the others
                if (reported.add(observer)) {
                    LOG.error("HTTP request observer {} failed (logged once; it is still called): {} {} {}",
                            observer.getClass().getName(), exchange.method, route, status, e);
                }
            }
        }
    }

    /** One request in flight; touched only by the connection's event-loop thread. */
    static final class Exchange {
        final String method;
        final long started;
        /** The pattern the routes matched so far make: the last one's, prefixed by the mounts it sits under. */
        String route;
        /** Where the sub-router the last route belongs to is mounted; empty for the server's own router. */
        private String mount = "";

        Exchange(String method, long started) {
            this.method = method;
            this.started = started;
        }

        /**
         * The router matched the request to the route named {@code name}: its path pattern, relative to the mount
         * point for a route of a sub-router, or null for a route without a path (a body or CORS handler). A route
         * whose pattern does not continue the last one's can only be one of a sub-router mounted there
         * ({@code /api/v1} then {@code /orders/:clientOrderId}), since both matched the same request path.
         */
        void routed(String name) {
            if (name == null || name.isEmpty()) {
                return;
            }
            String full = mount + name;
            if (route != null && !full.startsWith(withoutTrailingSlash(route))) {
                mount = withoutTrailingSlash(route);
                full = mount + (name.startsWith("/") ? name : "/" + name);
            }
            route = full;
        }

        private static String withoutTrailingSlash(String path) {
            return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }

    private final class ServerMetrics implements HttpServerMetrics<Exchange, Void, Void> {
        @Override
        public Exchange requestBegin(Void socketMetric, HttpRequest request) {
            if (observers.isEmpty()) {
                return null; // nothing to tell: no allocation, no clock read
            }
            HttpMethod method = request.method();
            return new Exchange(STANDARD_METHODS.contains(method) ? method.name() : "OTHER", System.nanoTime());
        }

        @Override
        public void requestRouted(Exchange exchange, String route) {
            if (exchange != null) {
                exchange.routed(route);
            }
        }

        @Override
        public void responseEnd(Exchange exchange, HttpResponse response, long bytesWritten) {
            if (exchange != null) {
                completed(exchange, response.statusCode());
            }
        }
    }
}

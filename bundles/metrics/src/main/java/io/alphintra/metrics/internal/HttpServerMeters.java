package io.alphintra.metrics.internal;

import io.alphintra.http.HttpRequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests}: a timer per method, route pattern, status and outcome (the status class:
 * {@code SUCCESS}, {@code CLIENT_ERROR}, ...). Route patterns keep the series bounded; should a bundle still register
 * routes without end, the series beyond {@link #MAX_ROUTES} routes are dropped rather than grow the registry.
 */
final class HttpServerMeters implements HttpRequestObserver {
    static final String NAME = "http.server.requests";
    static final int MAX_ROUTES = 256;

    private final io.micrometer.core.instrument.Meter.MeterProvider<Timer> requests;

    HttpServerMeters(MeterRegistry registry) {
        registry.config().meterFilter(MeterFilter.maximumAllowableTags(NAME, "route", MAX_ROUTES, MeterFilter.deny()));
        this.requests = Timer.builder(NAME).description("HTTP requests the node answered").withRegistry(registry);
    }

    @Override
    public void completed(String method, String routePattern, int status, long durationNanos) {
        requests.withTags("method", method, "route", routePattern, "status", Integer.toString(status),
                "outcome", outcome(status)).record(durationNanos, TimeUnit.NANOSECONDS);
    }

    /** The status class, named as Micrometer's own HTTP instrumentation names it. */
    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}

package io.alphintra.metrics.internal;

import io.alphintra.alerts.AlertService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code alphintra.alerts.open}: the alerts nobody has acknowledged, counted at each scrape from the alert service's
 * memory, up to {@link #BOUND} (a node with more has a bigger problem than the exact number). Present while the alert
 * service runs.
 */
final class AlertMeters {
    static final int BOUND = 1000;

    private final MeterRegistry registry;
    private volatile AlertService alerts;
    private Gauge open;

    AlertMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The alert service (null: none running) for the scrape about to be written. */
    synchronized void refresh(AlertService service) {
        alerts = service;
        if (service == null && open != null) {
            registry.remove(open);
            open = null;
        } else if (service != null && open == null) {
            open = Gauge.builder("alphintra.alerts.open", this, AlertMeters::count)
                    .description("Alerts not acknowledged (counted up to " + BOUND + ")").register(registry);
        }
    }

    private double count() {
        AlertService service = alerts;
        return service == null ? Double.NaN : service.list(false, BOUND).size();
    }
}

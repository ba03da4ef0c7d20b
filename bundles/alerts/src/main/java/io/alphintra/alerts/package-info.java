/**
 * Alerts: what the node tells its operators when something needs a person. Any bundle raises an {@link
 * io.alphintra.alerts.Alert} through the {@link io.alphintra.alerts.AlertService} (without blocking, from any thread,
 * the engine's included); the service de-duplicates it by key, keeps it across restarts until an operator
 * acknowledges it, and delivers it to the log, to the configured webhooks and to every {@link
 * io.alphintra.alerts.AlertSubscriber} service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.alphintra.alerts;

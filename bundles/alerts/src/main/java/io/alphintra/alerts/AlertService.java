package io.alphintra.alerts;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's alerts. Provided by the alerts bundle; any bundle may raise, and the shell lists and acknowledges.
 *
 * <p>What happens to a raised alert: it is de-duplicated by {@link Alert#key()} against the open alert of that key
 * (a repeat within the configured window only counts), kept (in memory and in a file that survives a restart), and
 * delivered, normally well within a second, to the log, to the configured webhooks and to every {@link
 * AlertSubscriber}: the first raise at once, repeats at most once per window (at once when the severity rises).
 */
@ProviderType
public interface AlertService {

    /**
     * Hands an alert to the service and returns at once: it never blocks and never throws for a (constructed, hence
     * valid) alert, so it may be called from the engine thread or inside a plugin guard. The alert is queued; if the
     * queue is full (the service is thousands of alerts behind), it is dropped, counted and the drops are logged.
     *
     * @throws NullPointerException when {@code alert} is null
     */
    void raise(Alert alert);

    /**
     * Alerts held, newest first: the open ones, or all with {@code includeAcknowledged}. The service holds the most
     * recent alerts up to its configured number ({@code keep}); older ones are forgotten.
     *
     * @param limit most records returned, at least 1
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<AlertRecord> list(boolean includeAcknowledged, int limit);

    /**
     * Records that {@code user} took alert {@code id} on: it stops de-duplicating (the next raise of its key is a new
     * alert) and is no longer listed as open. The acknowledgement is written to the alerts file before this returns.
     * Acknowledging an acknowledged alert changes nothing and returns it with its first acknowledgement.
     *
     * @param note what the user says about it; null or empty for nothing
     * @return the alert as acknowledged, or empty when no alert with this id is held
     * @throws IllegalArgumentException when {@code user} is blank or the note longer than 1,000 characters
     * @throws java.io.UncheckedIOException when the acknowledgement could not be written; it is then not recorded
     */
    Optional<AlertRecord> acknowledge(long id, String user, String note);
}

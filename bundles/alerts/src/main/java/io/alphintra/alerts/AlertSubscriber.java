package io.alphintra.alerts;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears of alerts: register one as an OSGi service (whiteboard) and the alerts bundle calls it for every alert it
 * delivers: the first raise of an alert, then at most once per de-duplication window while it repeats (with the count
 * so far), and at once when a repeat raises its severity; and once more when a user acknowledges it, with {@link
 * AlertRecord#acknowledgement()} set (since 1.1; acknowledging it again delivers it again with its first
 * acknowledgement).
 *
 * <p>Each subscriber is called on a thread of the alerts bundle of its own, one call at a time, in the order alerts
 * were delivered; never on the raiser's thread. A call that throws is logged and not retried. A call that runs longer
 * than 2 seconds is logged and its thread interrupted; while it runs, alerts wait for this subscriber in a bounded
 * queue (1,024) and beyond that are dropped for it (logged), so a slow or stuck subscriber never holds up the log,
 * the webhooks or the other subscribers.
 */
@ConsumerType
public interface AlertSubscriber {

    /** One alert delivered; should return promptly (hand slow work to a thread of your own). */
    void onAlert(AlertRecord record);
}

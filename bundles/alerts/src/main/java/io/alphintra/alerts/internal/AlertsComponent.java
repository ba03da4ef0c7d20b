package io.alphintra.alerts.internal;

import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertService;
import io.alphintra.alerts.AlertSubscriber;
import io.alphintra.config.support.InvalidConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.ServiceReference;
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
 * The node's {@link AlertService}: alerts kept in {@code <karaf.data>/alerts/alerts.log} and delivered to the log,
 * the configured webhooks and every {@link AlertSubscriber} service.
 *
 * <p>A configuration it cannot use at start is logged and the shipped defaults are used (alerting must not be off
 * because a webhook URL has a typo); a bad change at runtime is logged and the running configuration stays.
 */
@Component(service = AlertService.class, configurationPid = AlertsConfig.PID, immediate = true)
@Designate(ocd = AlertsConfig.class)
public final class AlertsComponent implements AlertService {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsComponent.class);
    /** How long a subscriber's call may run before it is logged and interrupted, as AlertSubscriber's javadoc says. */
    static final Duration SUBSCRIBER_BUDGET = Duration.ofSeconds(2);
    static final int SUBSCRIBER_QUEUE = 1024;
    static final Duration FIRST_WEBHOOK_RETRY = Duration.ofMillis(500);

    private final Subscribers subscribers;
    private final Duration firstWebhookRetry;
    private final AlertCenter center;
    private volatile WebhookSink webhooks;
    private AlertsSettings settings;

    @Activate
    public AlertsComponent(AlertsConfig config, Map<String, Object> properties) {
        this(config, properties, Path.of(System.getProperty("karaf.data", "data")).resolve("alerts"),
                SUBSCRIBER_BUDGET, FIRST_WEBHOOK_RETRY);
    }

    /** For tests: another folder, subscriber budget and first webhook retry. */
    AlertsComponent(AlertsConfig config, Map<String, ?> properties, Path folder, Duration subscriberBudget,
            Duration firstWebhookRetry) {
        this.subscribers = new Subscribers(subscriberBudget, SUBSCRIBER_QUEUE);
        this.firstWebhookRetry = firstWebhookRetry;
        AlertsSettings initial;
        try {
            initial = AlertsSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Starting with the shipped defaults instead (no webhooks) until etc/{}.cfg is fixed.",
                    e.getMessage(), AlertsConfig.PID);
            initial = AlertsSettings.defaults();
        }
        settings = initial;
        webhooks = newWebhooks(initial);
        center = new AlertCenter(folder.resolve("alerts.log"), initial.dedupeWindow(), initial.keep(),
                this::deliver, AlertsComponent::nowEpochNanos);
    }

    @Modified
    void modified(AlertsConfig config, Map<String, Object> properties) {
        reconfigure(config, properties);
    }

    /** Applies a new configuration, or keeps the running one when it is invalid; true when applied. */
    synchronized boolean reconfigure(AlertsConfig config, Map<String, ?> properties) {
        AlertsSettings next;
        try {
            next = AlertsSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Keeping the running configuration {}.", e.getMessage(), settings);
            return false;
        }
        center.reconfigure(next.dedupeWindow(), next.keep());
        if (!next.webhookUrls().equals(settings.webhookUrls())
                || !next.webhookTimeout().equals(settings.webhookTimeout())
                || next.webhookMaxAttempts() != settings.webhookMaxAttempts()) {
            WebhookSink previous = webhooks;
            webhooks = newWebhooks(next);
            if (previous != null) {
                previous.close();
            }
        }
        settings = next;
        LOG.info("Alerts configuration applied: {}", next);
        return true;
    }

    @Deactivate
    void deactivate() {
        center.close();
        subscribers.close();
        WebhookSink last = webhooks;
        if (last != null) {
            last.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSubscriber(ServiceReference<AlertSubscriber> reference, AlertSubscriber subscriber) {
        subscribers.add(reference, subscriber.getClass().getName() + " (bundle "
                + reference.getBundle().getSymbolicName() + ", service " + reference.getProperty("service.id") + ")",
                subscriber);
    }

    void removeSubscriber(ServiceReference<AlertSubscriber> reference) {
        subscribers.remove(reference);
    }

    /** Registers a subscriber without OSGi (tests). */
    void subscribe(Object key, String name, AlertSubscriber subscriber) {
        subscribers.add(key, name, subscriber);
    }

    @Override
    public void raise(Alert alert) {
        center.raise(alert);
    }

    @Override
    public List<AlertRecord> list(boolean includeAcknowledged, int limit) {
        return center.list(includeAcknowledged, limit);
    }

    @Override
    public Optional<AlertRecord> acknowledge(long id, String user, String note) {
        Optional<AlertRecord> acknowledged = center.acknowledge(id, user, note);
        // Subscribers (the streams to dashboards among them) hear that a person took it on; webhooks do not.
        acknowledged.ifPresent(subscribers::dispatch);
        return acknowledged;
    }

    /** Raises dropped because the queue was full. */
    long dropped() {
        return center.dropped();
    }

    /** The webhooks alerts are posted to; null when none is configured. */
    WebhookSink webhooks() {
        return webhooks;
    }

    private void deliver(AlertRecord record) {
        WebhookSink sink = webhooks;
        if (sink != null) {
            sink.send(record);
        }
        subscribers.dispatch(record);
    }

    /** Null without URLs: no HTTP client and no threads for nothing. */
    private WebhookSink newWebhooks(AlertsSettings next) {
        return next.webhookUrls().isEmpty() ? null : new WebhookSink(next.webhookUrls(), next.webhookTimeout(),
                next.webhookMaxAttempts(), firstWebhookRetry);
    }

    private static long nowEpochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}

package io.alphintra.alerts.internal;

import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each delivered alert as JSON to every configured URL, asynchronously: an attempt that fails (no connection,
 * no answer within the timeout, a status other than 2xx) is retried after 0.5 s, 1 s, 2 s and so on (at most 30 s
 * apart) until the attempts are used up, then logged as undelivered. Nothing here ever waits on the alerts thread.
 * At most {@value #MAX_PENDING} deliveries may be under way at once; beyond that an alert is logged as undelivered
 * at once rather than queued without bound behind a dead endpoint.
 */
final class WebhookSink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);
    static final int MAX_PENDING = 1000;
    private static final long MAX_DELAY_MILLIS = 30_000;

    private final List<URI> urls;
    private final Duration timeout;
    private final int maxAttempts;
    private final long firstRetryMillis;
    private final ExecutorService executor;
    private final ScheduledExecutorService retries;
    private final HttpClient client;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong undelivered = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param firstRetry the wait before the second attempt; each later one waits twice the one before
     */
    WebhookSink(List<URI> urls, Duration timeout, int maxAttempts, Duration firstRetry) {
        this.urls = List.copyOf(urls);
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.firstRetryMillis = firstRetry.toMillis();
        this.executor = Executors.newFixedThreadPool(2, task -> daemon(task, "alphintra-alerts-webhook"));
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "alphintra-alerts-retry"));
        this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    List<URI> urls() {
        return urls;
    }

    /** Deliveries a URL answered with 2xx. */
    long delivered() {
        return delivered.get();
    }

    /** Deliveries given up: attempts used up, too many under way, or closed while retrying. */
    long undelivered() {
        return undelivered.get();
    }

    /** Starts posting {@code record} to every URL; returns at once. */
    void send(AlertRecord record) {
        String body = json(record);
        for (URI url : urls) {
            if (pending.incrementAndGet() > MAX_PENDING) {
                pending.decrementAndGet();
                undelivered.incrementAndGet();
                LOG.error("Alert {} ({}) not delivered to webhook {}: {} deliveries are already under way",
                        record.id(), record.alert().key(), url, MAX_PENDING);
                continue;
            }
            attempt(url, record, body, 1);
        }
    }

    /** Stops retrying; deliveries still under way are given up and counted. */
    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        executor.shutdownNow();
        int abandoned = pending.getAndSet(0);
        if (abandoned > 0) {
            undelivered.addAndGet(abandoned);
            LOG.warn("{} webhook deliveries of alerts abandoned as the webhooks were reconfigured or stopped",
                    abandoned);
        }
    }

    private void attempt(URI url, AlertRecord record, String body, int attempt) {
        if (closed) {
            return;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() / 100 == 2) {
                    finished();
                    delivered.incrementAndGet();
                    if (attempt > 1) {
                        LOG.info("Alert {} delivered to webhook {} at attempt {}", record.id(), url, attempt);
                    }
                    return;
                }
                failed(url, record, body, attempt, failure == null ? "answered HTTP " + response.statusCode()
                        : describe(failure));
            });
        } catch (RuntimeException e) {
            // an executor shut down by close() while this attempt was starting, or a URL the client refuses
            failed(url, record, body, attempt, describe(e));
        }
    }

    private void failed(URI url, AlertRecord record, String body, int attempt, String why) {
        if (closed) {
            return; // counted by close()
        }
        if (attempt >= maxAttempts) {
            finished();
            undelivered.incrementAndGet();
            LOG.error("Alert {} ({}) NOT delivered to webhook {} after {} attempts; last: {}", record.id(),
                    record.alert().key(), url, attempt, why);
            return;
        }
        long delay = Math.min(MAX_DELAY_MILLIS, firstRetryMillis << Math.min(attempt - 1, 20));
        LOG.debug("Webhook {} failed for alert {} (attempt {}: {}); retrying in {} ms", url, record.id(), attempt,
                why, delay);
        try {
            retries.schedule(() -> attempt(url, record, body, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // close() is running and counts it
        }
    }

    private void finished() {
        pending.updateAndGet(n -> Math.max(0, n - 1));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        String message = cause.getMessage() != null ? cause.getMessage()
                : cause.getCause() != null ? String.valueOf(cause.getCause()) : "";
        return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** {@code {"id":..,"key":..,"severity":..,"source":..,"message":..,"scope":{..},"count":..,"raisedAt":..}}. */
    static String json(AlertRecord record) {
        Alert alert = record.alert();
        AlertScope scope = alert.scope();
        StringBuilder json = new StringBuilder(256 + alert.message().length());
        json.append("{\"id\":").append(record.id());
        field(json, "key", alert.key());
        field(json, "severity", alert.severity().name());
        field(json, "source", alert.source());
        field(json, "message", alert.message());
        json.append(",\"scope\":{");
        int start = json.length();
        scopeField(json, start, "account", scope.account());
        scopeField(json, start, "strategy", scope.strategy());
        scopeField(json, start, "venue", scope.venue());
        scopeField(json, start, "instrument", scope.instrument());
        json.append('}');
        json.append(",\"count\":").append(record.count());
        field(json, "raisedAt", AlertCenter.instant(record.firstRaisedAtNanos()));
        field(json, "lastRaisedAt", AlertCenter.instant(record.lastRaisedAtNanos()));
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":");
        string(json, value);
    }

    private static void scopeField(StringBuilder json, int start, String name, String value) {
        if (value != null) {
            json.append(json.length() == start ? "\"" : ",\"").append(name).append("\":");
            string(json, value);
        }
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}

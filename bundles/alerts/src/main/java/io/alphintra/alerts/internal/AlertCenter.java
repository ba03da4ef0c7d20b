package io.alphintra.alerts.internal;

import io.alphintra.alerts.Acknowledgement;
import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertScope;
import io.alphintra.alerts.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where raised alerts go: a bounded queue (raisers never wait), and one thread that de-duplicates them, keeps them in
 * memory and in the {@link AlertFile}, logs them and hands each delivery to {@code delivery} (webhooks and
 * subscribers, which must not block it).
 *
 * <p>De-duplication: a raise whose key has an open alert last raised less than the window earlier (by the alerts'
 * own {@code raisedAtNanos}) is a repeat: the count and last-raised time grow and the alert's latest message is kept.
 * A repeat is delivered at once when the alert was not yet delivered in this run or its severity rises above what was
 * last delivered; otherwise at most once per window (measured on this node's monotonic clock), at the end of the
 * window, with the count so far, and only if it repeated meanwhile and is still open.
 *
 * <p>The thread holds the lock while it applies a batch and writes it; {@link #acknowledge} and {@link #list} take the
 * same lock, so the file sees every change of an alert in the order it happened.
 */
final class AlertCenter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertCenter.class);
    /** Raises waiting beyond this are dropped: the service is that far behind, and raisers must never wait. */
    static final int QUEUE_CAPACITY = 4096;
    static final int MAX_NOTE = 1000;
    static final int MAX_USER = 100;
    private static final int BATCH = 256;
    /** Wakes the thread at close; never applied. */
    private static final Alert STOP = new Alert("alerts.stop", Severity.INFO, "alerts", "stop", AlertScope.NONE, 0);

    private final ArrayBlockingQueue<Alert> inbox = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<AlertRecord> delivery;
    private final LongSupplier epochNanos;
    private final Thread worker;
    private volatile boolean running = true;

    private final Object lock = new Object();
    /** Null when the file could not be opened: alerts are then kept in memory only, and that was logged. */
    private final AlertFile file;
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final Map<String, Entry> openByKey = new HashMap<>();
    /** Open alerts that repeated since they were last delivered, waiting for their window to end. */
    private final Set<Entry> reminders = new LinkedHashSet<>();
    private long windowNanos;
    private int keep;
    private long nextId = 1;
    private boolean fileFailing;

    /** Worker thread only. */
    private long dropsReported;

    /**
     * Loads the alerts {@code path} holds (a damaged line is logged and skipped) and starts the delivery thread.
     *
     * @param epochNanos the wall clock, nanoseconds since the epoch, for acknowledgement times
     */
    AlertCenter(Path path, Duration window, int keep, Consumer<AlertRecord> delivery, LongSupplier epochNanos) {
        this.delivery = delivery;
        this.epochNanos = epochNanos;
        this.windowNanos = window.toNanos();
        this.keep = keep;
        this.file = load(path);
        worker = new Thread(this::run, "alphintra-alerts");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues an alert; never blocks. */
    void raise(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        if (!running || !inbox.offer(alert)) {
            dropped.incrementAndGet();
        }
    }

    /** Raises dropped so far because the queue was full or the service stopped. */
    long dropped() {
        return dropped.get();
    }

    List<AlertRecord> list(boolean includeAcknowledged, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit = " + limit + ": must be at least 1");
        }
        List<AlertRecord> shown = new ArrayList<>(Math.min(limit, 256));
        synchronized (lock) {
            for (Entry entry : entries.descendingMap().values()) {
                if (shown.size() == limit) {
                    break;
                }
                if (includeAcknowledged || entry.ack == null) {
                    shown.add(entry.toRecord());
                }
            }
        }
        return shown;
    }

    Optional<AlertRecord> acknowledge(long id, String user, String note) {
        if (user == null || user.isBlank() || user.length() > MAX_USER) {
            throw new IllegalArgumentException("user = '" + user + "': must be 1 to " + MAX_USER + " characters");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note of " + text.length() + " characters: at most " + MAX_NOTE);
        }
        synchronized (lock) {
            Entry entry = entries.get(id);
            if (entry == null) {
                return Optional.empty();
            }
            if (entry.ack != null) {
                return Optional.of(entry.toRecord());
            }
            entry.ack = new Acknowledgement(user.strip(), epochNanos.getAsLong(), text);
            try {
                persist(List.of(entry.toRecord()));
            } catch (IOException e) {
                entry.ack = null;
                throw new UncheckedIOException("acknowledgement of alert " + id + " not recorded: " + e.getMessage(),
                        e);
            }
            openByKey.remove(entry.alert.key(), entry);
            reminders.remove(entry);
            LOG.info("Alert {} ({}) acknowledged by {}{}", id, entry.alert.key(), entry.ack.user(),
                    text.isEmpty() ? "" : ": " + oneLine(text));
            return Optional.of(entry.toRecord());
        }
    }

    /** Applies a new window and number kept; alerts beyond the number are forgotten (and leave the file later). */
    void reconfigure(Duration window, int newKeep) {
        synchronized (lock) {
            windowNanos = window.toNanos();
            keep = newKeep;
            evict();
        }
    }

    /** Delivers what is queued, then stops the thread and closes the file. */
    @Override
    public void close() {
        running = false;
        inbox.offer(STOP);
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("The alerts thread did not stop within 10 s; {} alerts still queued", inbox.size());
        }
        synchronized (lock) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    LOG.warn("Closing the alerts file {} failed: {}", file.path(), e.getMessage());
                }
            }
        }
    }

    private AlertFile load(Path path) {
        AlertFile opened;
        TreeMap<Long, AlertRecord> records;
        List<String> skipped = new ArrayList<>();
        try {
            opened = new AlertFile(path);
            records = opened.load(skipped);
        } catch (IOException e) {
            LOG.error("Cannot open the alerts file {} ({}): alerts are kept in memory only and will not survive a"
                    + " restart. Fix the folder's permissions or space and restart the alerts bundle.", path,
                    e.getMessage());
            return null;
        }
        skipped.forEach(LOG::warn);
        synchronized (lock) {
            for (AlertRecord record : records.values()) {
                Entry entry = new Entry(record);
                entries.put(record.id(), entry);
                if (entry.ack == null) {
                    openByKey.put(record.alert().key(), entry);
                }
                nextId = record.id() + 1;
            }
            evict();
            if (!records.isEmpty()) {
                LOG.info("Loaded {} alerts ({} open) from {}", entries.size(), openByKey.size(), opened.path());
            }
            try {
                if (opened.lines() > compactAbove()) {
                    opened.rewrite(records());
                }
            } catch (IOException e) {
                LOG.warn("Could not rewrite the alerts file {}: {}; appending to it as it is", opened.path(),
                        e.getMessage());
            }
        }
        return opened;
    }

    private void run() {
        List<Alert> batch = new ArrayList<>(BATCH);
        List<AlertRecord> deliveries = new ArrayList<>();
        while (true) {
            Alert first;
            try {
                first = running ? inbox.poll(nanosToNextReminder(), TimeUnit.NANOSECONDS) : inbox.poll();
            } catch (InterruptedException e) {
                continue; // only close() stops the thread, through running and STOP
            }
            if (first == null && !running) {
                break;
            }
            batch.clear();
            deliveries.clear();
            if (first != null) {
                batch.add(first);
                inbox.drainTo(batch, BATCH - 1);
            }
            synchronized (lock) {
                apply(batch, deliveries);
            }
            reportDrops();
            for (AlertRecord record : deliveries) {
                deliver(record);
            }
        }
    }

    private void apply(List<Alert> batch, List<AlertRecord> deliveries) {
        long now = System.nanoTime();
        Set<Entry> changed = new LinkedHashSet<>();
        for (Alert alert : batch) {
            if (alert == STOP) {
                continue;
            }
            Entry open = openByKey.get(alert.key());
            if (open != null && windowNanos > 0 && alert.raisedAtNanos() - open.lastRaised < windowNanos) {
                open.count++;
                open.lastRaised = Math.max(open.lastRaised, alert.raisedAtNanos());
                open.alert = alert;
                changed.add(open);
                if (!open.deliveredThisRun || alert.severity().compareTo(open.deliveredSeverity) > 0
                        || now - open.deliveredAt >= windowNanos) {
                    reminders.remove(open);
                    deliveries.add(open.delivered(now));
                } else {
                    reminders.add(open);
                }
                continue;
            }
            Entry entry = new Entry(nextId++, alert);
            entries.put(entry.id, entry);
            openByKey.put(alert.key(), entry);
            changed.add(entry);
            deliveries.add(entry.delivered(now));
            evict();
        }
        Iterator<Entry> waiting = reminders.iterator();
        while (waiting.hasNext()) {
            Entry entry = waiting.next();
            if (now - entry.deliveredAt >= windowNanos) {
                waiting.remove();
                if (entry.ack == null && entry.count > entry.deliveredCount) {
                    deliveries.add(entry.delivered(now));
                }
            }
        }
        if (!changed.isEmpty()) {
            List<AlertRecord> lines = new ArrayList<>(changed.size());
            changed.forEach(entry -> lines.add(entry.toRecord()));
            try {
                persist(lines);
            } catch (IOException e) {
                // reported by persist; delivering the alerts matters more than keeping them
            }
        }
    }

    /**
     * Writes changed records; after a failed write, the whole set instead (what failed is then on disk too). Logs a
     * failure once per streak and the recovery.
     */
    private void persist(Collection<AlertRecord> changed) throws IOException {
        if (file == null) {
            return;
        }
        try {
            if (fileFailing) {
                file.rewrite(records());
                LOG.info("The alerts file {} is written again; it holds every alert kept", file.path());
                fileFailing = false;
            } else {
                file.append(changed);
            }
        } catch (IOException e) {
            if (!fileFailing) {
                LOG.error("Writing the alerts file failed: {}. Alerts are still delivered and kept in memory;"
                        + " those since will be lost at a restart unless a later write succeeds", e.getMessage());
            }
            fileFailing = true;
            throw e;
        }
        if (file.lines() > compactAbove()) {
            try {
                file.rewrite(records());
            } catch (IOException e) {
                // What was asked is written; the file is only longer than it need be. The next write tries again.
                LOG.warn("Could not rewrite the alerts file {} shorter: {}", file.path(), e.getMessage());
            }
        }
    }

    private long compactAbove() {
        return Math.max(2L * keep, keep + 1000L);
    }

    private List<AlertRecord> records() {
        List<AlertRecord> all = new ArrayList<>(entries.size());
        entries.values().forEach(entry -> all.add(entry.toRecord()));
        return all;
    }

    private void evict() {
        while (entries.size() > keep) {
            Entry oldest = entries.pollFirstEntry().getValue();
            openByKey.remove(oldest.alert.key(), oldest);
            reminders.remove(oldest);
        }
    }

    private long nanosToNextReminder() {
        long wait = TimeUnit.HOURS.toNanos(1);
        synchronized (lock) {
            long now = System.nanoTime();
            for (Entry entry : reminders) {
                wait = Math.min(wait, Math.max(0, entry.deliveredAt + windowNanos - now));
            }
        }
        return wait;
    }

    private void reportDrops() {
        long total = dropped.get();
        if (total != dropsReported) {
            LOG.error("{} alerts were dropped ({} since the start): more than {} were waiting to be handled",
                    total - dropsReported, total, QUEUE_CAPACITY);
            dropsReported = total;
        }
    }

    private void deliver(AlertRecord record) {
        Alert alert = record.alert();
        String scope = alert.scope().isEmpty() ? "" : " [" + alert.scope() + "]";
        String repeats = record.count() == 1 ? ""
                : " (raised " + record.count() + " times since " + instant(record.firstRaisedAtNanos()) + ")";
        String text = "ALERT " + record.id() + " " + alert.severity() + " " + alert.key() + " from " + alert.source()
                + scope + ": " + oneLine(alert.message()) + repeats;
        switch (alert.severity()) {
            case CRITICAL -> LOG.error(text);
            case WARNING -> LOG.warn(text);
            default -> LOG.info(text);
        }
        try {
            delivery.accept(record);
        } catch (Throwable t) {
            // Webhooks and subscribers guard themselves; whatever still escapes must not end alerting itself.
            LOG.error("Delivering alert {} failed", record.id(), t);
        }
    }

    static String instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)).toString();
    }

    /** The text on one line: a message cannot forge a second log line. */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append(' ');
                default -> line.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c));
            }
        }
        return line.toString();
    }

    /** An alert as this service holds it, and when it was last delivered; guarded by the lock. */
    private static final class Entry {
        final long id;
        final long firstRaised;
        Alert alert;
        long count;
        long lastRaised;
        Acknowledgement ack;
        boolean deliveredThisRun;
        long deliveredAt;
        long deliveredCount;
        Severity deliveredSeverity;

        Entry(long id, Alert alert) {
            this.id = id;
            this.alert = alert;
            this.count = 1;
            this.firstRaised = alert.raisedAtNanos();
            this.lastRaised = alert.raisedAtNanos();
        }

        Entry(AlertRecord record) {
            this.id = record.id();
            this.alert = record.alert();
            this.count = record.count();
            this.firstRaised = record.firstRaisedAtNanos();
            this.lastRaised = record.lastRaisedAtNanos();
            this.ack = record.acknowledgement();
        }

        AlertRecord delivered(long now) {
            deliveredThisRun = true;
            deliveredAt = now;
            deliveredCount = count;
            deliveredSeverity = alert.severity();
            return toRecord();
        }

        AlertRecord toRecord() {
            return new AlertRecord(id, alert, count, firstRaised, lastRaised, ack);
        }
    }
}

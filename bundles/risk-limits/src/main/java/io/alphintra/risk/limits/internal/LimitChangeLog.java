package io.alphintra.risk.limits.internal;

import io.alphintra.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of every change to the risk limits: what was put in force, refused or removed, by whom and when, one
 * line each in {@code <karaf.data>/risk-limits/changes.log} (owner-only, appended and forced to disk before the change
 * is reported done). Limits change rarely, so a line per change costs nothing and an auditor reads it as it is.
 *
 * <p>Who made a change travels with the configuration: the {@code RiskLimits} service ({@code alphintra:risk-limits-set},
 * the HTTP API) writes the user ({@code changedBy}) and a fresh {@code changeId} into it. A change whose id this
 * journal has already recorded (a file edited afterwards keeps the id the service wrote) or that has none came from a file or another ConfigAdmin client,
 * and is recorded as such: ConfigAdmin does not say who wrote it.
 */
@Component(service = LimitChangeLog.class)
public final class LimitChangeLog {
    /** Who a change is recorded as when it did not come through the shell or the HTTP API. */
    public static final String OUTSIDE_SHELL = "(a file or ConfigAdmin; no user recorded)";
    static final String CHANGED_BY = "changedBy";
    static final String CHANGE_ID = "changeId";
    private static final Logger LOG = LoggerFactory.getLogger(LimitChangeLog.class);
    private static final int FIELDS = 7;

    private final Path file;
    private final Clock clock;
    private final Set<String> recordedChangeIds = new HashSet<>();
    private FileChannel channel;

    @Activate
    public LimitChangeLog() {
        this(Path.of(System.getProperty("karaf.data", "data"), "risk-limits", "changes.log"), Clock.systemUTC());
    }

    LimitChangeLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t", -1);
                    if (fields.length == FIELDS && !fields[4].isEmpty()) {
                        recordedChangeIds.add(fields[4]);
                    }
                }
            }
            channel = OwnerOnlyFiles.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The limits must still apply: a journal that cannot be written is an ERROR on every change, not a stop.
            LOG.error("The risk limit change journal {} cannot be opened ({}); changes are only logged", file,
                    e.toString());
        }
    }

    /**
     * Records a change: {@code event} (e.g. {@code in force}, {@code refused}, {@code removed}) of the configuration
     * {@code source} for {@code scope}, with what it set or why it was refused.
     *
     * @param properties the configuration's properties, which say who changed it when it came through the shell
     * @return who the change is recorded as made by
     */
    public synchronized String record(String event, String source, String scope, String detail,
            java.util.Map<String, ?> properties) {
        Object changeId = properties == null ? null : properties.get(CHANGE_ID);
        Object changedBy = properties == null ? null : properties.get(CHANGED_BY);
        String id = changeId == null ? "" : changeId.toString();
        String who = !id.isEmpty() && changedBy != null && !recordedChangeIds.contains(id) ? changedBy.toString()
                : OUTSIDE_SHELL;
        append(event, who, source, recordedChangeIds.contains(id) ? "" : id, scope, detail);
        return who;
    }

    /** Records what a user asked for before ConfigAdmin acts on it (a deletion says no more than that it happened). */
    public synchronized void recordRequest(String event, String user, String source, String scope, String detail) {
        append(event, user, source, "", scope, detail);
    }

    /** Whether a change with this id was journaled (put in force or refused by its component). */
    public synchronized boolean isRecorded(String changeId) {
        return recordedChangeIds.contains(changeId);
    }

    /** The newest {@code limit} lines, oldest first. */
    public synchronized List<String> history(int limit) throws IOException {
        Deque<String> last = new ArrayDeque<>(limit);
        if (!Files.exists(file)) {
            return List.of();
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (last.size() == limit) {
                last.removeFirst();
            }
            last.addLast(line);
        }
        return List.copyOf(last);
    }

    private void append(String event, String who, String source, String changeId, String scope, String detail) {
        if (!changeId.isEmpty()) {
            recordedChangeIds.add(changeId);
        }
        String line = String.join("\t", Instant.now(clock).toString(), clean(event), clean(who), clean(source),
                clean(changeId), clean(scope), clean(detail)) + "\n";
        LOG.info("Risk limit change: {} {} by {}: {} ({})", scope, event, who, detail, source);
        if (channel == null) {
            LOG.error("Not journaled (the change journal {} could not be opened): {}", file, line.strip());
            return;
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            LOG.error("Not journaled ({} could not be written: {}): {}", file, e.toString(), line.strip());
        }
    }

    /** One field of one line: no tab or line break inside it can split or forge a record. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
        }
        return out.toString();
    }

    @Deactivate
    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("Closing {}: {}", file, e.toString());
            }
        }
    }
}

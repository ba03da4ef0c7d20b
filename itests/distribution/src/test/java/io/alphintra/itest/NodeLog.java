package io.alphintra.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.ops4j.pax.logging.spi.PaxAppender;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The log of the node a test runs in. Live: the Alphintra bundles' events from the moment a test listens, as a
 * {@link PaxAppender} service (the distribution's logging hands every event to them), so a test can wait for the line
 * a bundle logs at the moment something happened instead of sleeping. Whole: {@code karaf.log} as it stands, for
 * what was logged before the test listened.
 */
final class NodeLog implements AutoCloseable {
    /** The loggers of every Alphintra bundle; {@link Line#logger()} tells them apart. */
    private static final String ALPHINTRA_LOGGERS = "io.alphintra.";

    /** One event: the logger that logged it and its message with the arguments in. */
    record Line(String logger, String message) {
        @Override
        public String toString() {
            return logger + ": " + message;
        }
    }

    private final BlockingQueue<Line> heard = new LinkedBlockingQueue<>();
    private final ServiceRegistration<PaxAppender> appender;

    private NodeLog(BundleContext context, String name) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("org.ops4j.pax.logging.appender.name", name);
        appender = context.registerService(PaxAppender.class, event -> {
            String logger = event.getLoggerName();
            if (logger != null && logger.startsWith(ALPHINTRA_LOGGERS)) {
                heard.add(new Line(logger, event.getRenderedMessage()));
            }
        }, properties);
    }

    /** Starts listening to the Alphintra bundles' log; {@code name} names the appender (the test's class). */
    static NodeLog listen(BundleContext context, String name) {
        return new NodeLog(context, name);
    }

    /** Forgets what was heard so far: the next {@link #await} sees only what is logged after this call. */
    void clear() {
        heard.clear();
    }

    /**
     * The first line heard (since the last {@link #clear}) that {@code wanted} matches, taking the lines off as it
     * reads them; fails naming {@code what} if none comes within {@code timeout}.
     */
    Line await(String what, Duration timeout, Predicate<Line> wanted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Line line;
            try {
                line = heard.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until the node logs " + what, e);
            }
            if (line == null) {
                throw new AssertionError("the node did not log " + what + " within " + timeout.toSeconds() + " s");
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    @Override
    public void close() {
        appender.unregister();
    }

    /** The node's {@code karaf.log} as it stands; empty while it cannot be read. */
    static String file() {
        try {
            return Files.readString(path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Where the node writes {@code karaf.log}. */
    static Path path() {
        return Path.of(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "karaf.log");
    }

    /** How many times {@code text} stands in {@code karaf.log} now. */
    static long occurrences(String text) {
        String log = file();
        long count = 0;
        for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }
}

package io.alphintra.itest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Configurations a test makes through ConfigAdmin while the node runs, each change returned only once the bundle that
 * takes it has logged it in force, and deleted again by {@link #close()}.
 *
 * <p>ConfigAdmin hands a change to the bundle on its own thread, later, and nothing answers {@code update}. Each bundle
 * logs a line right after it has put a change in force (or logs why it refused it), which is the moment its README
 * promises the change applies from. Waiting for that line, rather than sending orders until one is decided
 * differently, leaves the claim to be proved by the one order the test sends next; the wait is bounded, and no sleep
 * stands in for it.
 */
final class ConfigChanges implements AutoCloseable {
    /**
     * How a bundle answers a change in its log: the logger, the start of the line saying the change is in force, and
     * text that only a line refusing it holds (checked after the first, so it may be part of it).
     */
    record Answer(String logger, String inForce, String refused) {
        /** The risk limits bundle's answer to a configuration {@code pid} of {@code scope}. */
        static Answer riskLimits(String scope, String pid) {
            return new Answer("io.alphintra.risk.limits.", "Risk limits for " + scope + " (" + pid + "): ",
                    "(" + pid + ")");
        }

        /** The engine's answer to the loss threshold {@code pid}. */
        static Answer lossThreshold(String pid) {
            return new Answer("io.alphintra.engine.internal.", "Loss threshold " + pid + " in force",
                    "Loss threshold " + pid + " is invalid");
        }

        /**
         * The engine's answer to the account {@code id} ({@code kind}: added, changed), logged on its own thread after
         * journaling it and before it decides any order sent after.
         */
        static Answer account(String id, String kind) {
            return new Answer("io.alphintra.engine.internal.core.", "Account reference data in force: account " + id
                    + " " + kind + " ", "Account reference data refused: account " + id + " ");
        }
    }

    private final ConfigurationAdmin admin;
    private final NodeLog log;
    private final Duration timeout;
    private final List<Configuration> made = new ArrayList<>();

    /** Listens to the node's log from now on; {@code name} names the listener (the test's class). */
    ConfigChanges(BundleContext context, ConfigurationAdmin admin, String name, Duration timeout) {
        this.admin = admin;
        this.log = NodeLog.listen(context, name);
        this.timeout = timeout;
    }

    /**
     * A new configuration {@code name} of {@code factoryPid} with {@code properties}, returned once the bundle gave
     * the answer {@code answerFor} expects for its pid; fails if it refused it or said nothing in time.
     */
    Configuration create(String factoryPid, String name, Map<String, ?> properties,
                         Function<String, Answer> answerFor) throws IOException {
        Configuration configuration = admin.getFactoryConfiguration(factoryPid, name, "?");
        made.add(configuration);
        update(configuration, properties, answerFor.apply(configuration.getPid()));
        return configuration;
    }

    /** Replaces the properties of {@code configuration} and returns once the bundle logged {@code answer}. */
    void update(Configuration configuration, Map<String, ?> properties, Answer answer) throws IOException {
        log.clear();
        configuration.update(new Hashtable<String, Object>(properties));
        NodeLog.Line line = log.await("'" + answer.inForce() + "...' for " + properties, timeout,
                heard -> heard.logger().startsWith(answer.logger()) && (heard.message().startsWith(answer.inForce())
                        || heard.message().contains(answer.refused())));
        if (!line.message().startsWith(answer.inForce())) {
            throw new AssertionError("refused, not put in force: " + line);
        }
    }

    /** The properties {@code keysAndValues} (a key, its value, the next key...) added to {@code base}. */
    static Map<String, Object> with(Map<String, ?> base, String... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    /** Deletes every configuration made here, then stops listening. */
    @Override
    public void close() throws IOException {
        try {
            for (Configuration configuration : made) {
                configuration.delete();
            }
        } finally {
            log.close();
        }
    }
}

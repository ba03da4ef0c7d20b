package io.alphintra.itest;

import java.io.File;
import java.io.IOException;
import java.util.Hashtable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Plugins a test adds to the running node as an operator would: a bundle installed from its built jar, and a strategy
 * instance started by a configuration of the strategy host's factory.
 */
final class Plugins {
    /** The strategy host's factory: one configuration per strategy instance. */
    private static final String STRATEGY_FACTORY_PID = "io.alphintra.strategy";

    private Plugins() {
    }

    /** Installs and starts the bundle built at the jar the system property {@code jarProperty} names. */
    static Bundle install(BundleContext context, String jarProperty) throws BundleException {
        String jar = System.getProperty(jarProperty);
        if (jar == null || !new File(jar).isFile()) {
            throw new AssertionError(jarProperty + " does not name a built jar: " + jar);
        }
        Bundle bundle = context.installBundle(new File(jar).toURI().toString());
        bundle.start();
        return bundle;
    }

    /**
     * Starts strategy instance {@code instanceId} of {@code type} on {@code instruments} for {@code accountId} and
     * {@code traderId}, with the further keys {@code keysAndValues} (a key, its value, the next key...), and returns
     * its configuration: deleting it stops the instance.
     */
    static Configuration startStrategy(ConfigurationAdmin admin, String instanceId, String type, String instruments,
                                       String accountId, String traderId, String... keysAndValues)
            throws IOException {
        Configuration instance = admin.createFactoryConfiguration(STRATEGY_FACTORY_PID, "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("instanceId", instanceId);
        properties.put("type", type);
        properties.put("instruments", instruments);
        properties.put("accountId", accountId);
        properties.put("traderId", traderId);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        instance.update(properties);
        return instance;
    }
}

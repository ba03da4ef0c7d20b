package io.alphintra.service.guard.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.service.cm.ManagedService;

/**
 * Registers the {@link ServiceGuardHooks} for as long as the bundle runs (PT10, no bypass;
 * docs/decisions/0016-no-bypass-service-hooks.md), and takes their allow-lists from Configuration Admin.
 *
 * <p>The hooks are registered in {@link #start}, with the shipped defaults, before this bundle is even asked for its
 * configuration: from the moment the bundle is active nothing guarded is ever shown to a plugin, whenever the
 * configuration arrives. A configuration that is unusable is logged and the running settings kept (at start: the
 * defaults). A good one applies to every later lookup and service event at once, without unregistering the hooks
 * (which would show everything for a moment); services bundles already hold are not taken back, and each bundle
 * holding one it may no longer obtain is logged.
 *
 * <p>Logging goes through {@code java.util.logging} (Karaf's pax-logging takes it into karaf.log) rather than SLF4J:
 * an import of {@code org.slf4j} would wire the guard to pax-logging, which Karaf refreshes, stopping the guard
 * with it.
 */
public final class ServiceGuard implements BundleActivator, ManagedService {
    private static final Logger LOG = Logger.getLogger(ServiceGuard.class.getName());

    private BundleContext bundleContext;
    private ServiceGuardHooks hooks;
    private ServiceRegistration<?> hookRegistration;
    private ServiceRegistration<ManagedService> configRegistration;

    @Override
    public synchronized void start(BundleContext context) {
        bundleContext = context;
        GuardSettings settings = GuardSettings.defaults();
        hooks = new ServiceGuardHooks(context.getBundle().getBundleId(), settings);
        Dictionary<String, Object> hookProperties = new Hashtable<>();
        hookProperties.put("alphintra.guard", "PT10 no bypass");
        hookRegistration = context.registerService(
                new String[] {FindHook.class.getName(), EventListenerHook.class.getName()}, hooks, hookProperties);
        LOG.info("Service guard active with the shipped defaults until its configuration is read: " + settings);
        reportHolders();
        Dictionary<String, Object> configProperties = new Hashtable<>();
        configProperties.put(Constants.SERVICE_PID, ServiceGuardConfig.PID);
        configRegistration = context.registerService(ManagedService.class, this, configProperties);
    }

    @Override
    public synchronized void stop(BundleContext context) {
        configRegistration.unregister();
        hookRegistration.unregister();
        hooks = null;
        if (context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.STOPPING) {
            LOG.info("Service guard stopped with the framework");
        } else {
            LOG.warning("Service guard stopped: until it starts again, any bundle can obtain exchange adapters and"
                    + " the trading engine (PT10)");
        }
    }

    /** A configuration from Configuration Admin; {@code null} when there is none (the defaults then apply). */
    @Override
    public synchronized void updated(Dictionary<String, ?> properties) {
        if (hooks == null) {
            return;
        }
        GuardSettings next;
        try {
            next = properties == null ? GuardSettings.defaults() : GuardSettings.from(properties);
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage() + ". Keeping the running settings: " + hooks.settings());
            return;
        }
        if (next.equals(hooks.settings())) {
            return;
        }
        hooks.apply(next);
        LOG.info("Service guard changed, for every later lookup: " + next);
        reportHolders();
    }

    /** The settings in force, or null when stopped. */
    synchronized GuardSettings settings() {
        return hooks == null ? null : hooks.settings();
    }

    private void reportHolders() {
        for (String holder : hooks.heldWithoutPermission(bundleContext.getBundles())) {
            LOG.log(Level.WARNING, "PT10 no bypass: " + holder + ", which it could not obtain now (it got it before"
                    + " the guard started or its allow-list changed); stop or refresh that bundle to take it back");
        }
    }
}

package io.alphintra.service.guard.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Hides exchange adapters and the trading engine from the bundles that must not reach them (PT10, no bypass):
 * the {@link FindHook} takes them out of {@code getServiceReference(s)} and {@code getAllServiceReferences}, the
 * {@link EventListenerHook} keeps their service events from those bundles' listeners, so neither a lookup, a
 * {@code ServiceTracker} nor a Declarative Services reference of such a bundle ever sees them.
 *
 * <p>Who may obtain what ({@link #mayObtain}):
 * <ul>
 *   <li>an {@code ExchangeAdapter}: the bundles of {@link GuardSettings#adapterAllowList()} only;</li>
 *   <li>the {@code TradingEngine}: the bundles of {@link GuardSettings#engineAllowList()}, and every other bundle
 *       that is neither a plugin ({@link #isPlugin}) nor on {@link GuardSettings#engineDenyList()};</li>
 *   <li>always: the system bundle and this guard (the service layer must keep working for the framework and for
 *       the hook itself), and the bundle that registered the service (a bundle always sees its own).</li>
 * </ul>
 * A registration that carries a guarded interface among others (the engine registers one object as
 * {@code TradingEngine} and its internal interfaces) is hidden whole, whichever name it is looked up by.
 *
 * <p>A bundle that already holds a guarded service keeps it: hooks filter lookups and events, they cannot take an
 * object back. Such a bundle still hears the service's events, so that it learns when it changes or goes; the guard
 * reports it ({@link #heldWithoutPermission}). Hooks run on the caller's thread for every lookup and service event in
 * the framework; anything that is not a guarded service costs one look at its {@code objectClass}.
 */
final class ServiceGuardHooks implements FindHook, EventListenerHook {
    static final String EXCHANGE_ADAPTER = "io.alphintra.sdk.venue.ExchangeAdapter";
    static final String TRADING_ENGINE = "io.alphintra.engine.TradingEngine";

    private static final Logger LOG = Logger.getLogger(ServiceGuardHooks.class.getName());
    private static final int NOT_GUARDED = 0;
    private static final int ADAPTER = 1;
    private static final int ENGINE = 2;

    private final long guardBundleId;
    private volatile GuardSettings settings;
    /** Bundle id times 4 plus the kind refused, so each refusal is logged once per bundle, not per lookup. */
    private final Set<Long> refusalsLogged = ConcurrentHashMap.newKeySet();

    ServiceGuardHooks(long guardBundleId, GuardSettings settings) {
        this.guardBundleId = guardBundleId;
        this.settings = settings;
    }

    GuardSettings settings() {
        return settings;
    }

    /** Applies to every lookup and event from now on; what bundles already hold stays with them. */
    void apply(GuardSettings next) {
        settings = next;
        refusalsLogged.clear();
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
                     Collection<ServiceReference<?>> references) {
        Bundle requester = null;
        boolean requesterKnown = false;
        GuardSettings current = settings;
        for (Iterator<ServiceReference<?>> i = references.iterator(); i.hasNext(); ) {
            ServiceReference<?> reference = i.next();
            int kind = kind(reference);
            if (kind == NOT_GUARDED) {
                continue;
            }
            if (!requesterKnown) {
                requester = bundleOf(context);
                requesterKnown = true;
            }
            if (!mayObtain(requester, reference, kind, current)) {
                i.remove();
                logRefusal(requester, kind, name != null ? name : filter);
            }
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        int kind = kind(reference);
        if (kind == NOT_GUARDED) {
            return;
        }
        GuardSettings current = settings;
        Bundle[] users = null;
        boolean usersRead = false;
        for (Iterator<BundleContext> i = listeners.keySet().iterator(); i.hasNext(); ) {
            Bundle listener = bundleOf(i.next());
            if (mayObtain(listener, reference, kind, current)) {
                continue;
            }
            if (!usersRead) {
                users = reference.getUsingBundles();
                usersRead = true;
            }
            if (!holds(users, listener)) {
                i.remove();
            }
        }
    }

    /** Whether {@code requester} may see {@code reference}; {@code kind} says which guarded interfaces it has. */
    boolean mayObtain(Bundle requester, ServiceReference<?> reference, int kind, GuardSettings current) {
        if (kind == NOT_GUARDED) {
            return true;
        }
        if (requester == null) {
            return false;
        }
        long id = requester.getBundleId();
        if (id == Constants.SYSTEM_BUNDLE_ID || id == guardBundleId) {
            return true;
        }
        Bundle owner = reference.getBundle();
        if (owner != null && owner.getBundleId() == id) {
            return true;
        }
        String name = requester.getSymbolicName();
        if (name == null) {
            return false;
        }
        if ((kind & ADAPTER) != 0 && !current.adapterAllowList().contains(name)) {
            return false;
        }
        if ((kind & ENGINE) != 0 && !current.engineAllowList().contains(name)
                && (current.engineDenyList().contains(name) || isPlugin(requester, current))) {
            return false;
        }
        return true;
    }

    /**
     * Bundles that hold a guarded service they could not obtain now, one line each: those that got it before the
     * guard started or before its allow-lists were narrowed. Hooks cannot take it back; stopping or refreshing the
     * bundle does.
     */
    List<String> heldWithoutPermission(Bundle[] bundles) {
        GuardSettings current = settings;
        List<String> holders = new ArrayList<>();
        for (Bundle bundle : bundles) {
            ServiceReference<?>[] inUse = bundle.getServicesInUse();
            if (inUse == null) {
                continue;
            }
            for (ServiceReference<?> reference : inUse) {
                int kind = kind(reference);
                if (!mayObtain(bundle, reference, kind, current)) {
                    holders.add(describe(bundle) + " holds " + String.join("/", objectClass(reference))
                            + " (service.id " + reference.getProperty(Constants.SERVICE_ID) + ")");
                }
            }
        }
        return holders;
    }

    /**
     * A plugin: a bundle wired to one of {@link GuardSettings#pluginPackages()} (imported, dynamically too, or
     * through Require-Bundle of a bundle that exports it), or registering a service whose interface lives in one.
     * A bundle that is not resolved cannot be told apart, so it counts as one.
     */
    static boolean isPlugin(Bundle bundle, GuardSettings current) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return true;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (current.pluginPackages().contains(
                    wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        for (BundleWire wire : wiring.getRequiredWires(BundleNamespace.BUNDLE_NAMESPACE)) {
            BundleWiring provider = wire.getProviderWiring();
            if (provider == null) {
                continue;
            }
            for (BundleCapability export : provider.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (current.pluginPackages().contains(export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                    return true;
                }
            }
        }
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> reference : registered) {
                for (String type : objectClass(reference)) {
                    int dot = type.lastIndexOf('.');
                    if (dot > 0 && current.pluginPackages().contains(type.substring(0, dot))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int kind(ServiceReference<?> reference) {
        int kind = NOT_GUARDED;
        for (String type : objectClass(reference)) {
            if (EXCHANGE_ADAPTER.equals(type)) {
                kind |= ADAPTER;
            } else if (TRADING_ENGINE.equals(type)) {
                kind |= ENGINE;
            }
        }
        return kind;
    }

    private static String[] objectClass(ServiceReference<?> reference) {
        Object types = reference.getProperty(Constants.OBJECTCLASS);
        return types instanceof String[] names ? names : new String[0];
    }

    private static boolean holds(Bundle[] users, Bundle bundle) {
        if (users == null || bundle == null) {
            return false;
        }
        for (Bundle user : users) {
            if (user.getBundleId() == bundle.getBundleId()) {
                return true;
            }
        }
        return false;
    }

    /** The context's bundle, or null when the context is no longer valid (its bundle stopped). */
    private static Bundle bundleOf(BundleContext context) {
        try {
            return context.getBundle();
        } catch (IllegalStateException stopped) {
            return null;
        }
    }

    /**
     * Logs a refusal once per bundle and kind, when the lookup asked for the guarded interface by name or filter: a
     * bundle that lists every service (JMX, the shell) is not looking for a way round the gate.
     */
    private void logRefusal(Bundle requester, int kind, String asked) {
        if (requester == null || asked == null
                || !asked.contains((kind & ADAPTER) != 0 ? EXCHANGE_ADAPTER : TRADING_ENGINE)) {
            return;
        }
        if (refusalsLogged.add(requester.getBundleId() * 4 + kind)) {
            LOG.warning("PT10 no bypass: " + describe(requester) + " looked for "
                    + ((kind & ADAPTER) != 0 ? EXCHANGE_ADAPTER + " services" : "the " + TRADING_ENGINE + " service")
                    + " and was not shown it; only the order path may reach it (etc/" + ServiceGuardConfig.PID
                    + ".cfg)");
        }
    }

    private static String describe(Bundle bundle) {
        return "bundle " + bundle.getSymbolicName() + " (id " + bundle.getBundleId() + ")";
    }
}

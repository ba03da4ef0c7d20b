package io.alphintra.itest.bypass;

import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.strategy.StrategyFactory;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Tries every way the service layer gives a bundle to reach an {@link ExchangeAdapter} or the {@link TradingEngine}
 * from this strategy plugin's bundle, and answers what each found as a {@code Supplier} service (property
 * {@code alphintra.itest.probe=bypass}), so a test in another bundle can read it through {@code java.util.function}.
 *
 * <p>Lookups run when asked; trackers, Declarative Services references, a service listener and an Event Admin
 * handler for framework service events run from activation on and keep everything they ever saw. Keys starting
 * {@code attempt:} list what reached a guarded service (one line per service: id, interfaces, registering bundle);
 * keys starting {@code control:} count what the same means found of everything else, so that an empty attempt
 * means "hidden" and not "this way does not work".
 */
@Component(service = Supplier.class, property = "alphintra.itest.probe=bypass", immediate = true)
public final class BypassAttempts implements Supplier<Map<String, List<String>>> {
    private static final String ADAPTER = ExchangeAdapter.class.getName();
    private static final String ENGINE = TradingEngine.class.getName();

    private final BundleContext context;
    private final ServiceTracker<ExchangeAdapter, ExchangeAdapter> adapterTracker;
    private final ServiceTracker<Object, Object> engineTracker;
    private final List<String> adapterBinds = new CopyOnWriteArrayList<>();
    private final List<String> engineBinds = new CopyOnWriteArrayList<>();
    private final List<String> guardedServiceEvents = new CopyOnWriteArrayList<>();
    private final AtomicLong otherServiceEvents = new AtomicLong();
    private final List<String> guardedAdminEvents = new CopyOnWriteArrayList<>();
    private final AtomicLong otherAdminEvents = new AtomicLong();
    private final ServiceListener listener = this::serviceChanged;
    private final ServiceRegistration<EventHandler> handler;

    @Activate
    public BypassAttempts(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        adapterTracker = new ServiceTracker<>(context, ExchangeAdapter.class, null);
        adapterTracker.open(true);
        engineTracker = new ServiceTracker<>(context, context.createFilter(objectClassIs(ENGINE)), null);
        engineTracker.open(true);
        context.addServiceListener(listener);
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "org/osgi/framework/ServiceEvent/*");
        handler = context.registerService(EventHandler.class, this::handleEvent, topics);
    }

    @Deactivate
    void deactivate() {
        handler.unregister();
        context.removeServiceListener(listener);
        engineTracker.close();
        adapterTracker.close();
    }

    @Reference(name = "adapter", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindAdapter")
    void bindAdapter(ServiceReference<ExchangeAdapter> reference) {
        adapterBinds.add("bound " + describe(reference));
    }

    void unbindAdapter(ServiceReference<ExchangeAdapter> reference) {
        adapterBinds.add("unbound " + describe(reference));
    }

    @Reference(name = "engine", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindEngine")
    void bindEngine(ServiceReference<TradingEngine> reference) {
        engineBinds.add("bound " + describe(reference));
    }

    void unbindEngine(ServiceReference<TradingEngine> reference) {
        engineBinds.add("unbound " + describe(reference));
    }

    @Override
    public Map<String, List<String>> get() {
        try {
            Map<String, List<String>> found = new LinkedHashMap<>();
            found.put("attempt: getServiceReferences(ExchangeAdapter.class, null)",
                    lines(context.getServiceReferences(ExchangeAdapter.class, null)));
            found.put("attempt: getServiceReferences(\"" + ADAPTER + "\", null)",
                    lines(context.getServiceReferences(ADAPTER, null)));
            found.put("attempt: getAllServiceReferences(\"" + ADAPTER + "\", null)",
                    lines(context.getAllServiceReferences(ADAPTER, null)));
            found.put("attempt: getAllServiceReferences(null, objectClass filter) ExchangeAdapter",
                    lines(context.getAllServiceReferences(null, objectClassIs(ADAPTER))));
            found.put("attempt: getServiceReference(ExchangeAdapter.class)",
                    lines(context.getServiceReference(ExchangeAdapter.class)));
            found.put("attempt: getServiceReferences(TradingEngine.class, null)",
                    lines(context.getServiceReferences(TradingEngine.class, null)));
            found.put("attempt: getServiceReferences(\"" + ENGINE + "\", null)",
                    lines(context.getServiceReferences(ENGINE, null)));
            found.put("attempt: getAllServiceReferences(\"" + ENGINE + "\", null)",
                    lines(context.getAllServiceReferences(ENGINE, null)));
            found.put("attempt: getAllServiceReferences(null, objectClass filter) TradingEngine",
                    lines(context.getAllServiceReferences(null, objectClassIs(ENGINE))));
            found.put("attempt: getServiceReference(TradingEngine.class)",
                    lines(context.getServiceReference(TradingEngine.class)));
            ServiceReference<?>[] everything = context.getAllServiceReferences(null, null);
            found.put("attempt: getAllServiceReferences(null, null), the guarded ones",
                    lines(guarded(everything)));
            found.put("attempt: ServiceTracker ExchangeAdapter, all services",
                    lines(adapterTracker.getServiceReferences()));
            found.put("attempt: ServiceTracker TradingEngine filter, all services",
                    lines(engineTracker.getServiceReferences()));
            found.put("attempt: DS reference ExchangeAdapter (optional, dynamic), every bind",
                    List.copyOf(adapterBinds));
            found.put("attempt: DS reference TradingEngine (optional, dynamic), every bind",
                    List.copyOf(engineBinds));
            found.put("attempt: ServiceListener, every event of a guarded service",
                    List.copyOf(guardedServiceEvents));
            found.put("attempt: Event Admin org/osgi/framework/ServiceEvent, every event of a guarded service",
                    List.copyOf(guardedAdminEvents));

            found.put("control: services getAllServiceReferences(null, null) found",
                    List.of(String.valueOf(everything == null ? 0 : everything.length)));
            found.put("control: own StrategyFactory services found",
                    List.of(String.valueOf(context.getServiceReferences(StrategyFactory.class,
                            "(service.bundleid=" + context.getBundle().getBundleId() + ")").size())));
            found.put("control: ServiceListener events of other services", List.of(otherServiceEvents.toString()));
            found.put("control: Event Admin ServiceEvents of other services", List.of(otherAdminEvents.toString()));
            return found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a constant filter did not parse", e);
        }
    }

    private void serviceChanged(ServiceEvent event) {
        if (isGuarded(event.getServiceReference())) {
            guardedServiceEvents.add("event " + event.getType() + " " + describe(event.getServiceReference()));
        } else {
            otherServiceEvents.incrementAndGet();
        }
    }

    private void handleEvent(Event event) {
        Object reference = event.getProperty(EventConstants.SERVICE);
        if (reference instanceof ServiceReference<?> service && isGuarded(service)) {
            guardedAdminEvents.add(event.getTopic() + " " + describe(service));
        } else {
            otherAdminEvents.incrementAndGet();
        }
    }

    private static String objectClassIs(String name) {
        return "(" + Constants.OBJECTCLASS + "=" + name + ")";
    }

    private static boolean isGuarded(ServiceReference<?> reference) {
        List<String> types = Arrays.asList((String[]) reference.getProperty(Constants.OBJECTCLASS));
        return types.contains(ADAPTER) || types.contains(ENGINE);
    }

    private static ServiceReference<?>[] guarded(ServiceReference<?>[] references) {
        return references == null ? null
                : Arrays.stream(references).filter(BypassAttempts::isGuarded).toArray(ServiceReference<?>[]::new);
    }

    private static List<String> lines(ServiceReference<?>... references) {
        List<String> lines = new ArrayList<>();
        if (references != null) {
            for (ServiceReference<?> reference : references) {
                if (reference != null) {
                    lines.add(describe(reference));
                }
            }
        }
        return lines;
    }

    private static List<String> lines(Collection<? extends ServiceReference<?>> references) {
        return lines(references.toArray(new ServiceReference<?>[0]));
    }

    private static String describe(ServiceReference<?> reference) {
        return "service.id " + reference.getProperty(Constants.SERVICE_ID) + " "
                + Arrays.toString((String[]) reference.getProperty(Constants.OBJECTCLASS)) + " of "
                + (reference.getBundle() == null ? "(gone)" : reference.getBundle().getSymbolicName());
    }
}

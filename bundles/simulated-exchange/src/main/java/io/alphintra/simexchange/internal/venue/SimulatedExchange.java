package io.alphintra.simexchange.internal.venue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.sdk.venue.ExchangeAdapter;

/**
 * One simulated venue per factory configuration {@code io.alphintra.venue.simulated-NAME}: validates the
 * configuration, starts the venue (its own venue thread) and registers it as an {@link ExchangeAdapter} service.
 *
 * <p>A changed configuration is validated completely and the new venue built (replay files loaded) before the
 * running one is touched; a bad one is logged with every key and value at fault and the running venue keeps
 * going. A good one replaces the venue: the old session ends with {@code onDisconnected("venue reconfigured")},
 * its service goes, and the new venue's service comes, so the host reconnects and reconciles.
 */
@Component(service = {}, configurationPid = VenueConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = VenueConfig.class, factory = true)
public final class SimulatedExchange {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedExchange.class);

    /** Service property: the venue id ({@code SIMX_US}). */
    public static final String VENUE_ID_PROPERTY = "alphintra.venue.id";
    public static final String JURISDICTION_PROPERTY = "alphintra.venue.jurisdiction";
    public static final String CURRENCY_PROPERTY = "alphintra.venue.currency";
    public static final String SIMULATED_PROPERTY = "alphintra.venue.simulated";

    private final BundleContext bundleContext;
    private SimulatedVenue venue;
    private ServiceRegistration<ExchangeAdapter> registration;

    @Activate
    public SimulatedExchange(BundleContext bundleContext, VenueConfig config, Map<String, Object> properties) {
        this.bundleContext = bundleContext;
        try {
            apply(build(config, properties));
        } catch (IllegalArgumentException e) {
            LOG.error("{}. The venue is not started; fix the configuration and it starts.", e.getMessage());
        }
    }

    @Modified
    void modified(VenueConfig config, Map<String, Object> properties) {
        SimulatedVenue next;
        try {
            next = build(config, properties);
        } catch (IllegalArgumentException e) {
            LOG.error("{}. Keeping the running venue {}.", e.getMessage(),
                    venue == null ? "(none)" : venue.venue().id());
            return;
        }
        if (venue != null && next.settings().equals(venue.settings())) {
            return;
        }
        apply(next);
    }

    @Deactivate
    synchronized void deactivate() {
        unregister();
        if (venue != null) {
            venue.stop("venue stopped");
            venue = null;
        }
    }

    /** Validates the configuration and builds the venue (replay files included) without starting it. */
    static SimulatedVenue build(VenueConfig config, Map<String, ?> properties) {
        VenueSettings settings = VenueSettings.from(config, properties);
        try {
            return SimulatedVenue.create(settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(VenueConfig.PID, java.util.List.of("instruments = '"
                    + "(replay)': " + e.getMessage()));
        }
    }

    private synchronized void apply(SimulatedVenue next) {
        unregister();
        if (venue != null) {
            venue.stop("venue reconfigured");
        }
        venue = next;
        next.start();
        registration = bundleContext.registerService(ExchangeAdapter.class, next, properties(next));
    }

    private void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The bundle is stopping and the framework already removed it.
            }
            registration = null;
        }
    }

    private static Dictionary<String, Object> properties(SimulatedVenue venue) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(VENUE_ID_PROPERTY, venue.venue().id());
        properties.put(JURISDICTION_PROPERTY, venue.venue().jurisdiction().code());
        properties.put(CURRENCY_PROPERTY, venue.venue().currency().code());
        properties.put(SIMULATED_PROPERTY, Boolean.TRUE);
        return properties;
    }
}

package io.alphintra.simexchange.internal.venue;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.simexchange.SimulatedVenueControl;

/**
 * The node's {@link SimulatedVenueControl}: finds the venue of an instrument among the simulated venues this bundle
 * registered ({@link SimulatedExchange}, one per configuration) and hands it the halt or resumption. A venue replaced
 * by a new configuration is swapped here as its services come and go.
 */
@Component(service = SimulatedVenueControl.class)
public final class VenueControl implements SimulatedVenueControl {

    private final Map<String, SimulatedVenue> venues = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + SimulatedExchange.SIMULATED_PROPERTY + "=true)", unbind = "removeVenue")
    void addVenue(ExchangeAdapter adapter) {
        if (adapter instanceof SimulatedVenue venue) {
            venues.put(venue.venue().id(), venue);
        }
    }

    void removeVenue(ExchangeAdapter adapter) {
        if (adapter instanceof SimulatedVenue venue) {
            venues.remove(venue.venue().id(), venue);
        }
    }

    @Override
    public CompletionStage<Void> halt(InstrumentId instrument, String reason) {
        SimulatedVenue venue = venueOf(instrument);
        return venue == null ? notRunning(instrument) : venue.halt(instrument, reason);
    }

    @Override
    public CompletionStage<Void> resume(InstrumentId instrument) {
        SimulatedVenue venue = venueOf(instrument);
        return venue == null ? notRunning(instrument) : venue.resume(instrument);
    }

    private SimulatedVenue venueOf(InstrumentId instrument) {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument: required (was null)");
        }
        return venues.get(instrument.venueId());
    }

    private CompletionStage<Void> notRunning(InstrumentId instrument) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("instrument " + instrument
                + ": no simulated venue " + instrument.venueId() + " runs on this node (running: "
                + new TreeSet<>(venues.keySet()) + ")"));
    }
}

package io.alphintra.simexchange.internal.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.venue.InstrumentStatus;
import io.alphintra.simexchange.internal.venue.RecordingListener.StatusChange;

/** The operators' service routes a halt to the venue the instrument names, and follows venues as they come and go. */
class VenueControlTest {
    private final VenueControl control = new VenueControl();
    private SimulatedVenue us;
    private SimulatedVenue eu;

    private static SimulatedVenue start(String venueId) {
        Map<String, Object> config = TestConfigs.usVenue();
        config.put("venueId", venueId);
        SimulatedVenue venue = SimulatedVenue.create(TestConfigs.settings(config));
        venue.start();
        return venue;
    }

    @AfterEach
    void stop() {
        us.stop("test over");
        eu.stop("test over");
    }

    @Test
    void haltsAndResumesOnTheVenueTheInstrumentNames() throws Exception {
        us = start("TEST_US");
        eu = start("TEST_EU");
        control.addVenue(us);
        control.addVenue(eu);
        RecordingListener host = new RecordingListener();
        eu.connect(host);
        host.awaitText("connected");

        InstrumentId aapl = InstrumentId.of("AAPL", "TEST_EU");
        control.halt(aapl, "news pending").toCompletableFuture().get(5, TimeUnit.SECONDS);
        control.resume(aapl).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(host.statuses()).endsWith(new StatusChange(aapl, InstrumentStatus.HALTED, "news pending"),
                new StatusChange(aapl, InstrumentStatus.TRADING, "halt lifted"));

        control.removeVenue(eu);
        assertThatThrownBy(() -> control.halt(aapl, "again").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instrument AAPL@TEST_EU: no simulated venue TEST_EU runs on this node"
                        + " (running: [TEST_US])");
    }
}

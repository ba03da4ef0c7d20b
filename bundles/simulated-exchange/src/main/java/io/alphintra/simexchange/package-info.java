/**
 * Simulated venues for tests and backtests outside a running node: {@link io.alphintra.simexchange.SimulatedVenues}
 * builds a venue that replays {@linkplain io.alphintra.simexchange.Recording recorded trades or bars} as its market
 * and answers through the SDK's {@link io.alphintra.sdk.venue.ExchangeAdapter}, exactly as the venues the server
 * runs do; a {@link io.alphintra.simexchange.ManualVenue} moves in virtual time only when its owner says so, on its
 * owner's thread, so a run is deterministic. {@link io.alphintra.simexchange.SimulatedVenueControl} halts and
 * resumes the instruments of the venues a node runs.
 *
 * <p>1.1: {@code ManualVenue.halt} and {@code resume}; {@code SimulatedVenueControl}.
 *
 * <p>The matching engine, the twin and the server's venue components stay private ({@code .internal}).
 */
@Export
@Version("1.1.0")
package io.alphintra.simexchange;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

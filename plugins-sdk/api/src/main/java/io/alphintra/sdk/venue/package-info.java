/**
 * The exchange adapter plugin contract: an {@link io.alphintra.sdk.venue.ExchangeAdapter} connects one venue,
 * reports through the host's {@link io.alphintra.sdk.venue.VenueListener}, and describes itself with
 * {@link io.alphintra.sdk.venue.VenueCapabilities}.
 *
 * <p>Adapters never see strategies and strategies never see adapters: the only caller of an adapter is the
 * host's order gateway, after the pre-trade gate. Adapters must not block their caller; everything the venue
 * says comes back asynchronously.
 */
@Export
@Version("1.1.0")
package io.alphintra.sdk.venue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

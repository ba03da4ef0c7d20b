/**
 * Conformance tests for exchange adapters: extend {@link io.alphintra.sdk.testkit.venue.ExchangeAdapterConformanceSuite}.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.testkit.venue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

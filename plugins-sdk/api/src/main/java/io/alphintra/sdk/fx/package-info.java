/**
 * FX hedging plugin contract: a {@link io.alphintra.sdk.fx.HedgingPolicy} looks at an account's
 * {@link io.alphintra.sdk.fx.CurrencyExposure} and proposes FX orders, which the host gates like any other order.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.fx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

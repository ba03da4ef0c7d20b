/**
 * Unit-test support for strategies: {@link io.alphintra.sdk.testkit.strategy.FakeStrategyContext}, a fake of the host's context with a virtual clock. Fakes are for unit tests only.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.testkit.strategy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

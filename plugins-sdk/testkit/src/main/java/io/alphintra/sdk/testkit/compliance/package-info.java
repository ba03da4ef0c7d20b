/**
 * Fixture files for compliance rule sets and the runner that checks a {@link io.alphintra.sdk.compliance.RuleSet} against them: {@link io.alphintra.sdk.testkit.compliance.RuleSetFixtures}.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.testkit.compliance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * Positions, cash and account snapshots, as the host books them from fills. Read-only to plugins: strategies
 * and risk checks receive snapshots; only the host's booking changes them. All types are immutable records, so a
 * snapshot can be kept, shared between threads and compared.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.portfolio;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * Compute backend plugin contract: batch analytics kernels over {@code double} arrays that a CPU or accelerator
 * implementation provides ({@link io.alphintra.sdk.compute.ComputeBackend}). Results are analytics and never
 * order prices; exact money stays in {@code io.alphintra.sdk.money}.
 */
@Export
@Version("1.0.0")
package io.alphintra.sdk.compute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

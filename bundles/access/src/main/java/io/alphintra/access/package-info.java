/**
 * Who is calling the node over HTTP and what they may do: API keys and login sessions, resolved to a {@link
 * io.alphintra.access.Caller} with the same five roles that govern the Karaf shell (decision 13).
 */
@Version("1.0.0")
@Export
package io.alphintra.access;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

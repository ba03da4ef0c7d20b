/**
 * The node's HTTP server. Bundles add endpoints by registering a {@link io.alphintra.http.HttpRoutes} service
 * (whiteboard) and observe the requests answered through {@link io.alphintra.http.HttpRequestObserver} services; they
 * never start servers of their own, so every endpoint shares one port, one TLS setup and one access policy.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.alphintra.http;

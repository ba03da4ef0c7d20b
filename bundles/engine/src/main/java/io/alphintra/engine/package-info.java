/**
 * The trading engine as other server bundles (shell, HTTP API, strategy host) use it: one gated order path for
 * every source, and views of orders. Plugins never see this package; strategies reach the engine only through
 * their {@code StrategyContext}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package io.alphintra.engine;

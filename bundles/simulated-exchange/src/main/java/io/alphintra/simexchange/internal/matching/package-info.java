/**
 * The matching engine of the simulated exchange: one single-threaded, allocation-free limit order book per
 * instrument. Private to the bundle; the venue adapter wraps it. The matching rules are in the bundle's README.md.
 */
package io.alphintra.simexchange.internal.matching;

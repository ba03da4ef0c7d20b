/**
 * Orders and their life cycle: requests a strategy submits, the cancel and replace requests the host sends to
 * venues, and the execution reports and fills that come back.
 *
 * <p>Requests validate themselves against the instrument's grid when built, so bad input fails at the boundary
 * with an {@link java.lang.IllegalArgumentException} naming the field and the value. Everything that needs live
 * state (risk limits, compliance, venue capabilities, kill switches) is decided by the host's pre-trade gate and
 * comes back as an {@link io.alphintra.sdk.order.ExecutionReport} with
 * {@link io.alphintra.sdk.order.ExecType#REJECTED} and a {@link io.alphintra.sdk.order.RejectReason}.
 *
 * <p>Prices are in price units and quantities in quantity units of the instrument; averages are kept exactly as
 * cumulative price × quantity and rounded only on request.
 */
@Export
@Version("1.1.0")
package io.alphintra.sdk.order;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

package io.alphintra.sdk.fx;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import io.alphintra.sdk.order.OrderRequest;

/**
 * Turns currency exposures into proposed hedge orders. Register it as an OSGi service. The host calls it off the
 * engine thread when exposures change or on a schedule, and sends each proposed order through the same pre-trade
 * gate as any strategy's; the policy never trades itself.
 */
@ConsumerType
public interface HedgingPolicy {

    /** Stable id, e.g. {@code threshold-hedge}. */
    String id();

    /** Version of the policy's logic, recorded with the orders it proposes. */
    String version();

    /**
     * Proposes orders that bring {@code exposure} within the policy's limits; an empty list when nothing needs
     * doing. Use {@code context} for instruments, ids and attribution.
     */
    List<OrderRequest> proposeHedges(CurrencyExposure exposure, HedgingContext context);
}

package io.alphintra.risk.limits.internal;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.risk.CheckResult;

/** The texts of this bundle's rejections, shared by its checks; built only on the rejection path. */
final class Rejections {

    private Rejections() {
    }

    static CheckResult reject(String checkId, String text) {
        return CheckResult.reject(RejectReason.RISK_LIMIT, checkId + ": " + text);
    }

    /** The deciding scope's limits are not in force (see {@link ScopeLimits#broken}). */
    static CheckResult broken(String checkId, ScopeLimits limits) {
        return reject(checkId, "the limits configured for " + limits.scope() + " (" + limits.source()
                + ") are not in force: " + limits.problem() + "; its orders are rejected until that is fixed");
    }

    /** A configured quantity that the instrument cannot trade: an error of the configuration, named. */
    static CheckResult offQuantityGrid(String checkId, LimitKind kind, DecimalLimit limit, ScopeLimits limits,
            Instrument instrument) {
        return reject(checkId, kind.key() + " = '" + limit.text() + "' for " + limits.scope() + " ("
                + limits.source() + ") is off the quantity grid of " + instrument.id() + " (" + instrument.quantityScale()
                + " decimals, lots of " + instrument.formatQuantity(instrument.lotSize())
                + "); the limit cannot be applied, fix the configuration");
    }

    /**
     * A quantity limit in the instrument's quantity units: {@link DecimalLimit#OFF_GRID} when the instrument cannot
     * trade that quantity (more decimals than its quantity scale, or not a whole number of lots), so that a limit of
     * 150 for a stock traded in lots of 100 is named as the error it is rather than silently read as 100. Allocates
     * nothing.
     */
    static long quantityUnits(DecimalLimit limit, Instrument instrument) {
        long units = limit.units(instrument.quantityScale());
        if (units == DecimalLimit.OFF_GRID || units == Long.MAX_VALUE) {
            return units;
        }
        return units % instrument.lotSize() == 0 ? units : DecimalLimit.OFF_GRID;
    }
}

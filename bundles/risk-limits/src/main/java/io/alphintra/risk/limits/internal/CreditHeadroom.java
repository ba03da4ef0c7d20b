package io.alphintra.risk.limits.internal;

import io.alphintra.engine.CreditUsage;
import io.alphintra.sdk.money.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One account's, trader's or strategy's credit as operators read it: what it uses, the limit that applies to it and
 * what is left.
 *
 * @param usage    the engine's figures
 * @param limit    the limit in the usage's currency ({@code none}: lifted), or empty when none is set
 * @param scope    the configured scope the limit comes from, empty with no limit
 * @param headroom the limit less what is used (negative: beyond it), empty without a limit or when lifted
 */
public record CreditHeadroom(CreditUsage usage, Optional<String> limit, Optional<String> scope,
        Optional<Money> headroom) {

    static CreditHeadroom of(CreditUsage usage, ScopeLimits deciding, DecimalLimit limit) {
        if (limit == null) {
            return new CreditHeadroom(usage, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<Money> headroom = Optional.empty();
        if (!limit.isNone()) {
            Money used = usage.used();
            BigDecimal left = BigDecimal.valueOf(limit.mantissa(), limit.scale())
                    .subtract(BigDecimal.valueOf(used.mantissa(), used.scale()));
            int scale = Math.max(left.scale(), used.scale());
            headroom = Optional.of(Money.of(used.currency(), left.setScale(scale).unscaledValue().longValueExact(),
                    scale));
        }
        return new CreditHeadroom(usage, Optional.of(usage.working().currency().code() + " " + limit),
                Optional.of(deciding.scope().toString()), headroom);
    }
}

package io.alphintra.risk.limits;

import io.alphintra.engine.CreditUsage;
import io.alphintra.sdk.money.Money;
import java.util.Optional;

/**
 * One account's, trader's or strategy's credit: what it uses, the limit that applies and what is left.
 *
 * @param usage      the engine's figures
 * @param limit      the limit in the usage's currency ({@code none}: lifted), empty when none is set
 * @param limitScope the configured scope the limit comes from, empty with no limit
 * @param headroom   the limit less what is used (negative: beyond it), empty without a limit or when lifted
 */
public record CreditLine(CreditUsage usage, Optional<String> limit, Optional<String> limitScope,
                         Optional<Money> headroom) {
}

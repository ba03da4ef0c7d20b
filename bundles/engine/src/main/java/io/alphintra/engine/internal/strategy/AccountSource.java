package io.alphintra.engine.internal.strategy;

import io.alphintra.sdk.portfolio.AccountSnapshot;
import java.util.concurrent.CompletionStage;

/**
 * What the strategy host needs of the engine's books for {@code StrategyContext.account()}. The engine registers
 * it as a service beside {@code TradingEngine}; until one is bound, strategies asking for their account get an
 * {@code IllegalStateException}, never a snapshot without cash.
 */
public interface AccountSource {

    /**
     * The account as booked, taken on the engine thread at one point of its event sequence (so cash and positions
     * agree about every fill). The engine publishes a report only once its fill is booked, and a query is sequenced
     * after everything published before it, so the snapshot includes every fill the asking strategy has been told
     * about, and possibly later ones whose reports are still on their way to it.
     *
     * @return completed on the engine thread; callers must not block inside the completion
     */
    CompletionStage<AccountSnapshot> account(String accountId);
}

package io.alphintra.sdk.order;

import io.alphintra.sdk.internal.Checks;

/**
 * Who an order is for and who is responsible for it. MiFID II RTS 6 Art 12 (kill functionality per algorithm,
 * trader, client) and RTS 22 (who made the investment and execution decision) need every order attributed, so
 * all five ids are required. For proprietary trading, {@code clientId} is the firm's own account id.
 *
 * <p>The host stamps a strategy instance's attribution from its configuration and checks that orders carry it;
 * a strategy cannot trade under someone else's name.
 *
 * @param strategyId the algorithm (strategy instance id)
 * @param traderId the person responsible for the algorithm or the order
 * @param accountId the account the order books to
 * @param deskId the trading desk
 * @param clientId the client the order is for
 */
public record Attribution(String strategyId, String traderId, String accountId, String deskId, String clientId) {

    public Attribution {
        Checks.id("strategyId", strategyId);
        Checks.id("traderId", traderId);
        Checks.id("accountId", accountId);
        Checks.id("deskId", deskId);
        Checks.id("clientId", clientId);
    }
}

package io.alphintra.risk.limits;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The risk limits as the shell and the HTTP API change them. Every change is journaled with who made it
 * ({@code <karaf.data>/risk-limits/changes.log}) and decides the very next order.
 */
@ProviderType
public interface RiskLimits {

    /** Every scope's limits, most specific first. */
    List<LimitSet> inForce();

    /**
     * Sets and removes keys of a scope's limits, creating its configuration when there is none.
     *
     * @return the scope's limits once in force
     * @throws IllegalArgumentException naming the scope, key or value that is wrong; nothing changed then
     * @throws IOException when the configuration could not be stored
     */
    LimitSet change(String scope, Map<String, String> set, List<String> unset, String changedBy) throws IOException;

    /**
     * Deletes a scope's configuration; orders in it fall back to the wider scopes' limits.
     *
     * @throws IllegalArgumentException when no configuration has the scope
     * @throws IOException when ConfigAdmin could not delete it
     */
    void delete(String scope, String deletedBy) throws IOException;

    /** The credit used, limit and headroom of every account, trader and strategy that used any today. */
    CompletionStage<List<CreditLine>> credit();

    /** The newest lines of the change journal, newest last. */
    List<String> history(int limit) throws IOException;
}

package io.alphintra.api.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The risk limits as the API shows and changes them, registered by {@code limits.RiskLimitsComponent} only while the
 * risk-limits bundle's {@code RiskLimits} service is there: the API itself does not need that bundle, and answers
 * its routes 503 without it.
 */
public interface LimitsApi {

    /** Every scope's limits, most specific first. */
    JsonArray inForce();

    /**
     * @throws IllegalArgumentException naming the scope, key or value that is wrong; nothing changed then
     * @throws IOException when the configuration could not be stored
     */
    JsonObject change(String scope, Map<String, String> set, List<String> unset, String changedBy) throws IOException;

    /**
     * @throws IllegalArgumentException when no configuration has the scope
     * @throws IOException when it could not be deleted
     */
    void delete(String scope, String deletedBy) throws IOException;

    CompletionStage<JsonArray> credit();

    List<String> history(int limit) throws IOException;
}

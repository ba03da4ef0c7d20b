package io.alphintra.api.internal.limits;

import io.alphintra.api.internal.LimitsApi;
import io.alphintra.engine.CreditUsage;
import io.alphintra.risk.limits.CreditLine;
import io.alphintra.risk.limits.LimitSet;
import io.alphintra.risk.limits.RiskLimits;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The API's view of {@link RiskLimits}: a component of its own, satisfied only while the risk-limits bundle is
 * installed, so that the API bundle resolves and serves without it (its import of the package is optional).
 */
@Component(service = LimitsApi.class)
public final class RiskLimitsComponent implements LimitsApi {
    private final RiskLimits limits;

    @Activate
    public RiskLimitsComponent(@Reference RiskLimits limits) {
        this.limits = limits;
    }

    @Override
    public JsonArray inForce() {
        JsonArray sets = new JsonArray();
        limits.inForce().forEach(set -> sets.add(limitSet(set)));
        return sets;
    }

    @Override
    public JsonObject change(String scope, Map<String, String> set, List<String> unset, String changedBy)
            throws IOException {
        return limitSet(limits.change(scope, set, unset, changedBy));
    }

    @Override
    public void delete(String scope, String deletedBy) throws IOException {
        limits.delete(scope, deletedBy);
    }

    @Override
    public CompletionStage<JsonArray> credit() {
        return limits.credit().thenApply(lines -> {
            JsonArray credit = new JsonArray();
            lines.forEach(line -> credit.add(creditLine(line)));
            return credit;
        });
    }

    @Override
    public List<String> history(int limit) throws IOException {
        return limits.history(limit);
    }

    static JsonObject limitSet(LimitSet set) {
        JsonObject json = new JsonObject().put("scope", set.scope()).put("source", set.source())
                .put("limits", new JsonObject(new TreeMap<String, Object>(set.limits())))
                .put("description", set.description()).put("broken", set.broken());
        if (set.changedBy() != null) {
            json.put("changedBy", set.changedBy());
        }
        return json;
    }

    static JsonObject creditLine(CreditLine line) {
        CreditUsage usage = line.usage();
        JsonObject json = new JsonObject().put("scope", usage.scope().name().toLowerCase(Locale.ROOT))
                .put("id", usage.id()).put("currency", usage.working().currency().code())
                .put("working", amount(usage.working())).put("executed", amount(usage.executed()))
                .put("used", amount(usage.used()));
        line.limit().ifPresent(limit -> json.put("limit", limit));
        line.limitScope().ifPresent(scope -> json.put("limitScope", scope));
        line.headroom().ifPresent(headroom -> json.put("headroom", amount(headroom)));
        return json;
    }

    private static String amount(Money money) {
        return Decimals.format(money.mantissa(), money.scale());
    }
}

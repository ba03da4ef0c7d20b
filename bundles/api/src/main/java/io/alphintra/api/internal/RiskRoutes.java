package io.alphintra.api.internal;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.TradingEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /risk}: the engine's live figures and kill switches, and the risk limits and credit of the risk-limits
 * bundle (503 while it is not installed).
 */
final class RiskRoutes {
    static final int DEFAULT_HISTORY = 50;

    private final Services services;
    private final Replies replies;

    RiskRoutes(Services services, Replies replies) {
        this.services = services;
        this.replies = replies;
    }

    void mount(RouterBuilder builder) {
        TradingEngine engine = services.engine();
        builder.getRoute("riskMonitor").addHandler(context -> replies.await(context, "risk monitor",
                engine.riskMonitor(), figures -> {
                    JsonArray json = new JsonArray();
                    figures.forEach(line -> json.add(Views.riskFigures(line)));
                    Replies.json(context, 200, new JsonObject().put("figures", json));
                }));
        builder.getRoute("listKillSwitches").addHandler(context -> replies.await(context, "kill switches",
                engine.killSwitches(), switches -> {
                    JsonArray json = new JsonArray();
                    switches.forEach(state -> json.add(Views.killSwitch(state)));
                    Replies.json(context, 200, new JsonObject().put("killSwitches", json));
                }));
        builder.getRoute("engageKillSwitch").addHandler(context -> {
            JsonObject body = Params.body(context);
            KillScope scope = scope("/scope", body.getString("scope"));
            replies.await(context, "kill switch " + scope, engine.engageKillSwitch(scope,
                    Gate.caller(context).orderSource(), body.getString("reason", "")),
                    cancels -> Replies.json(context, 201, new JsonObject().put("scope", scope.toString())
                            .put("cancelsSent", cancels)));
        });
        builder.getRoute("resetKillSwitch").addHandler(context -> {
            KillScope scope = scope("scope", Params.path(context, "scope"));
            replies.await(context, "kill switch reset " + scope, engine.resetKillSwitch(scope,
                    Gate.caller(context).orderSource()), reset -> {
                        if (!reset) {
                            throw ApiError.notFound("no kill switch is engaged on " + scope);
                        }
                        Replies.noContent(context);
                    });
        });
        builder.getRoute("listLimits").addHandler(context -> {
            LimitsApi limits = services.requireLimits();
            replies.blocking(context, "risk limits", limits::inForce,
                    sets -> Replies.json(context, 200, new JsonObject().put("limits", sets)), failure -> null);
        });
        builder.getRoute("limitHistory").addHandler(context -> {
            LimitsApi limits = services.requireLimits();
            int limit = Params.queryInt(context, "limit", DEFAULT_HISTORY);
            replies.blocking(context, "risk limit history", () -> limits.history(limit),
                    lines -> Replies.json(context, 200, new JsonObject().put("history", new JsonArray(lines))),
                    failure -> null);
        });
        builder.getRoute("changeLimits").addHandler(context -> {
            LimitsApi limits = services.requireLimits();
            String scope = Params.path(context, "scope");
            JsonObject body = Params.body(context);
            Map<String, String> set = new LinkedHashMap<>();
            body.getJsonObject("set", new JsonObject()).forEach(entry ->
                    set.put(entry.getKey(), (String) entry.getValue()));
            List<String> unset = new ArrayList<>();
            body.getJsonArray("unset", new JsonArray()).forEach(key -> unset.add((String) key));
            String by = Gate.caller(context).orderSource();
            replies.blocking(context, "change risk limits " + scope, () -> limits.change(scope, set, unset, by),
                    changed -> Replies.json(context, 200, changed),
                    failure -> failure instanceof IllegalArgumentException bad
                            ? ApiError.validation(null, bad.getMessage()) : null);
        });
        builder.getRoute("deleteLimits").addHandler(context -> {
            LimitsApi limits = services.requireLimits();
            String scope = Params.path(context, "scope");
            String by = Gate.caller(context).orderSource();
            replies.blocking(context, "delete risk limits " + scope, () -> {
                limits.delete(scope, by);
                return scope;
            }, deleted -> Replies.noContent(context), failure -> failure instanceof IllegalArgumentException bad
                    ? ApiError.notFound(bad.getMessage()) : null);
        });
        builder.getRoute("credit").addHandler(context -> replies.await(context, "credit",
                services.requireLimits().credit(),
                lines -> Replies.json(context, 200, new JsonObject().put("credit", lines))));
    }

    private static KillScope scope(String field, String text) {
        try {
            return KillScope.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.validation(field, field + ": " + e.getMessage());
        }
    }
}

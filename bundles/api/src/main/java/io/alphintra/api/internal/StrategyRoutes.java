package io.alphintra.api.internal;

import io.alphintra.engine.StrategyControl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /strategies}: types and instances, created, started, stopped and removed through {@link StrategyControl},
 * which writes configurations (ConfigAdmin): every call runs off the event loop.
 */
final class StrategyRoutes {
    private final Services services;
    private final Replies replies;

    StrategyRoutes(Services services, Replies replies) {
        this.services = services;
        this.replies = replies;
    }

    void mount(RouterBuilder builder) {
        StrategyControl control = services.strategies();
        builder.getRoute("listStrategyTypes").addHandler(context -> replies.blocking(context, "strategy types",
                control::types, types -> {
                    JsonArray json = new JsonArray();
                    types.forEach(type -> json.add(Views.strategyType(type)));
                    Replies.json(context, 200, new JsonObject().put("types", json));
                }, failure -> null));
        builder.getRoute("listStrategies").addHandler(context -> replies.blocking(context, "strategies",
                control::instances, instances -> {
                    JsonArray json = new JsonArray();
                    instances.forEach(instance -> json.add(Views.strategy(instance)));
                    Replies.json(context, 200, new JsonObject().put("strategies", json));
                }, failure -> null));
        builder.getRoute("createStrategy").addHandler(context -> {
            JsonObject body = Params.body(context);
            String id = body.getString("id");
            Map<String, String> settings = new LinkedHashMap<>();
            body.getJsonObject("settings").forEach(entry -> settings.put(entry.getKey(), (String) entry.getValue()));
            String by = Gate.caller(context).orderSource();
            replies.blocking(context, "create strategy " + id,
                    () -> control.create(id, body.getString("type"), settings, by),
                    instance -> Replies.json(context, 201, Views.strategy(instance)),
                    failure -> failure instanceof IllegalArgumentException bad
                            ? ApiError.validation(null, bad.getMessage()) : null);
        });
        builder.getRoute("startStrategy").addHandler(context -> {
            String id = Params.path(context, "id");
            String by = Gate.caller(context).orderSource();
            replies.blocking(context, "start strategy " + id, () -> control.start(id, by),
                    message -> Replies.json(context, 200, new JsonObject().put("message", message)),
                    failure -> failure instanceof IllegalArgumentException bad ? ApiError.notFound(bad.getMessage())
                            : null);
        });
        builder.getRoute("stopStrategy").addHandler(context -> {
            String id = Params.path(context, "id");
            String by = Gate.caller(context).orderSource();
            replies.blocking(context, "stop strategy " + id, () -> control.stop(id, by),
                    message -> Replies.json(context, 200, new JsonObject().put("message", message)),
                    failure -> failure instanceof IllegalArgumentException bad ? ApiError.notFound(bad.getMessage())
                            : null);
        });
        builder.getRoute("removeStrategy").addHandler(context -> {
            String id = Params.path(context, "id");
            String by = Gate.caller(context).orderSource();
            replies.blocking(context, "remove strategy " + id, () -> control.remove(id, by), removed -> {
                if (!removed) {
                    throw ApiError.notFound("no strategy instance " + id);
                }
                Replies.noContent(context);
            }, failure -> null);
        });
    }
}

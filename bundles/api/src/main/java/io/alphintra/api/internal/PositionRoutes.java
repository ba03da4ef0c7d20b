package io.alphintra.api.internal;

import io.alphintra.engine.PositionView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Optional;

/** {@code GET /positions}, with realised and unrealised P&amp;L as the engine books them. */
final class PositionRoutes {
    private final Services services;
    private final Replies replies;

    PositionRoutes(Services services, Replies replies) {
        this.services = services;
        this.replies = replies;
    }

    void mount(RouterBuilder builder) {
        builder.getRoute("listPositions").addHandler(context -> {
            Optional<String> account = Params.query(context, "account");
            Optional<String> strategy = Params.query(context, "strategy");
            replies.await(context, "positions", services.engine().positions(), views -> {
                JsonArray positions = new JsonArray();
                for (PositionView view : views) {
                    if (account.map(view.position().accountId()::equals).orElse(true)
                            && strategy.map(view.position().strategyId()::equals).orElse(true)) {
                        positions.add(Views.position(view, services.engine().instrument(
                                view.position().instrumentId())));
                    }
                }
                Replies.json(context, 200, new JsonObject().put("positions", positions));
            });
        });
    }
}

package io.alphintra.api.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code /alerts}: listed from the alert service's memory, acknowledged (written to its file) off the event loop. */
final class AlertRoutes {
    static final int DEFAULT_LIMIT = 100;

    private final Services services;
    private final Replies replies;

    AlertRoutes(Services services, Replies replies) {
        this.services = services;
        this.replies = replies;
    }

    void mount(RouterBuilder builder) {
        builder.getRoute("listAlerts").addHandler(context -> {
            JsonArray alerts = new JsonArray();
            services.alerts().list(Params.queryFlag(context, "all"), Params.queryInt(context, "limit", DEFAULT_LIMIT))
                    .forEach(record -> alerts.add(Views.alert(record)));
            Replies.json(context, 200, new JsonObject().put("alerts", alerts));
        });
        builder.getRoute("acknowledgeAlert").addHandler(context -> {
            long id = Long.parseLong(Params.path(context, "id"));
            String note = Params.body(context).getString("note");
            String user = Gate.caller(context).user();
            replies.blocking(context, "acknowledge alert " + id, () -> services.alerts().acknowledge(id, user, note),
                    acknowledged -> Replies.json(context, 200, Views.alert(acknowledged.orElseThrow(
                            () -> ApiError.notFound("no alert " + id + " is held")))),
                    failure -> failure instanceof IllegalArgumentException bad
                            ? ApiError.validation("/note", bad.getMessage()) : null);
        });
    }
}

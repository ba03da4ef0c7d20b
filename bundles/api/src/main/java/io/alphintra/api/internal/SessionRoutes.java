package io.alphintra.api.internal;

import io.alphintra.access.Caller;
import io.alphintra.access.LoginRefusedException;
import io.alphintra.access.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code POST/DELETE /session}, {@code GET /me}: logins against the node's users, and who a credential is. */
final class SessionRoutes {
    private final Services services;
    private final Replies replies;

    SessionRoutes(Services services, Replies replies) {
        this.services = services;
        this.replies = replies;
    }

    void mount(RouterBuilder builder) {
        builder.getRoute("login").addHandler(context -> {
            JsonObject body = Params.body(context);
            String user = body.getString("user");
            char[] password = body.getString("password").toCharArray();
            // JAAS may read files: off the event loop.
            replies.blocking(context, "login", () -> services.authenticator().login(user, password),
                    session -> Replies.json(context, 201, new JsonObject().put("token", session.token())
                            .put("user", session.caller().user()).put("roles", roles(session.caller()))
                            .put("expires", session.expires().toString())),
                    failure -> failure instanceof LoginRefusedException refused
                            ? new ApiError(401, "LOGIN_REFUSED", refused.getMessage(), null) : null);
        });
        builder.getRoute("logout").addHandler(context -> {
            String header = context.request().getHeader("authorization");
            services.authenticator().logout(header.trim().substring("Bearer ".length()).trim());
            Replies.noContent(context);
        });
        builder.getRoute("me").addHandler(context -> {
            Caller caller = Gate.caller(context);
            Replies.json(context, 200, new JsonObject().put("user", caller.user()).put("roles", roles(caller))
                    .put("credential", caller.credential()));
        });
    }

    static JsonArray roles(Caller caller) {
        return new JsonArray(caller.roles().stream().sorted().map(Role::id).toList());
    }
}

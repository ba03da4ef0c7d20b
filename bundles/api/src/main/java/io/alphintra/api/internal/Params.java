package io.alphintra.api.internal;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Optional;

/** The parameters and body of a request as the contract validated them. */
final class Params {
    private Params() {
    }

    static String path(RoutingContext context, String name) {
        RequestParameter parameter = request(context).getPathParameters().get(name);
        if (parameter == null || parameter.isNull()) {
            throw new IllegalStateException("the contract declares no path parameter " + name);
        }
        return String.valueOf(parameter.get());
    }

    static Optional<String> query(RoutingContext context, String name) {
        RequestParameter parameter = request(context).getQuery().get(name);
        return parameter == null || parameter.isNull() ? Optional.empty() : Optional.of(parameter.getString());
    }

    static int queryInt(RoutingContext context, String name, int fallback) {
        RequestParameter parameter = request(context).getQuery().get(name);
        return parameter == null || parameter.isNull() ? fallback : parameter.getInteger();
    }

    static boolean queryFlag(RoutingContext context, String name) {
        RequestParameter parameter = request(context).getQuery().get(name);
        return parameter != null && !parameter.isNull() && parameter.getBoolean();
    }

    /** The JSON body; an empty object when the operation's body is optional and none came. */
    static JsonObject body(RoutingContext context) {
        RequestParameter body = request(context).getBody();
        return body == null || body.isNull() || body.isEmpty() ? new JsonObject() : body.getJsonObject();
    }

    private static ValidatedRequest request(RoutingContext context) {
        ValidatedRequest request = context.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
        if (request == null) {
            throw new IllegalStateException("request to " + context.request().path() + " was not validated");
        }
        return request;
    }
}

package io.alphintra.api.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.alphintra.access.Role;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.InputTrustHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.openapi.contract.Operation;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every API request passes before its body is read or validated: it is for an operation of the contract (else
 * 404 or 405), the caller is authenticated (401) and holds the role the operation's {@code x-alphintra-role} names
 * (403), and the caller's credential has a token left (429). Runs on the event loop: authentication never blocks.
 * A {@link PlatformHandler}, as Vert.x orders handlers by kind: it runs before the body is read.
 */
final class Gate implements PlatformHandler {
    static final String CALLER = "alphintra.caller";
    static final String OPERATION = "alphintra.operation";

    private final Contract contract;
    private final Supplier<Authenticator> authenticator;
    private final RateLimiter limiter;

    Gate(Contract contract, Supplier<Authenticator> authenticator, RateLimiter limiter) {
        this.contract = contract;
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    @Override
    public void handle(RoutingContext context) {
        try {
            context.queryParams(); // decoded once here, so a bad escape is the caller's 400, not a handler's 500
        } catch (IllegalArgumentException e) {
            Errors.send(context, new ApiError(400, "VALIDATION_FAILED", "the query string is not valid"
                    + " percent-encoding: " + firstLine(e.getMessage()), "query"));
            return;
        }
        String path = context.request().path();
        Optional<Operation> found = contract.operation(path, context.request().method());
        if (found.isEmpty()) {
            Errors.send(context, contract.hasPath(path)
                    ? new ApiError(405, "METHOD_NOT_ALLOWED", context.request().method() + " is not allowed on "
                            + path, null)
                    : ApiError.notFound("no such resource: " + path));
            return;
        }
        Operation operation = found.get();
        context.put(OPERATION, operation.getOperationId());
        Optional<Role> needed = contract.role(operation);
        if (needed.isEmpty()) {
            context.next();
            return;
        }
        Optional<Caller> caller = authenticator.get().authenticateHeader(context.request().getHeader("authorization"));
        if (caller.isEmpty()) {
            Errors.send(context, new ApiError(401, "UNAUTHENTICATED", "send Authorization: Bearer <API key or"
                    + " session token>; the credential given is missing, unknown, expired or revoked", null));
            return;
        }
        if (!caller.get().has(needed.get())) {
            Errors.send(context, new ApiError(403, "FORBIDDEN", operation.getOperationId() + " needs the role "
                    + needed.get().id() + "; " + caller.get().user() + " holds " + roles(caller.get()), null));
            return;
        }
        long retryAfter = limiter.acquire(caller.get().credential());
        if (retryAfter > 0) {
            context.response().putHeader("retry-after", String.valueOf(retryAfter));
            Errors.send(context, new ApiError(429, "RATE_LIMITED", "too many requests with this credential; retry"
                    + " after " + retryAfter + " s", null));
            return;
        }
        context.put(CALLER, caller.get());
        context.next();
    }

    /** After the body is read: a JSON body that does not parse is refused as such, before schema validation. */
    static final InputTrustHandler REQUIRE_PARSABLE_JSON = Gate::requireParsableJson;

    private static void requireParsableJson(RoutingContext context) {
        String type = context.request().getHeader("content-type");
        if (context.body() != null && context.body().length() > 0 && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            try {
                Json.decodeValue(context.body().buffer());
            } catch (DecodeException e) {
                Errors.send(context, new ApiError(400, "MALFORMED_JSON", "the body is not JSON: "
                        + firstLine(e.getMessage()), null));
                return;
            }
        }
        context.next();
    }

    static Caller caller(RoutingContext context) {
        Caller caller = context.get(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller on " + context.request().path()); // a public operation
        }
        return caller;
    }

    private static String roles(Caller caller) {
        return caller.roles().stream().map(Role::id).sorted().toList().toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be decoded";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}

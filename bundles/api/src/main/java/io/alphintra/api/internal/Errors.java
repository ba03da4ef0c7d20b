package io.alphintra.api.internal;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a request as the JSON error of the API's contract: validation failures of Vert.x named by field,
 * the API's own {@link ApiError}s, and anything else as 500 {@code INTERNAL} with an incident id that the log holds
 * with the stack trace, which the caller never sees.
 */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    /** How vertx-openapi names a parameter in its messages: {@code ... of query parameter limit ...}. */
    private static final Pattern PARAMETER = Pattern.compile("(?:path|query|header|cookie) parameter (\\S+?)[ .]");

    private Errors() {
    }

    /** The failure handler of every API route. */
    static void handle(RoutingContext context) {
        send(context, toApiError(context.failure(), context.statusCode(), context.request().method() + " "
                + context.request().path()));
    }

    static void send(RoutingContext context, ApiError error) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset(); // a body already begun cannot become an error; close the stream instead
            return;
        }
        response.setStatusCode(error.status()).putHeader("content-type", Replies.JSON)
                .putHeader("cache-control", "no-store");
        if (error.status() == 401) {
            response.putHeader("www-authenticate", "Bearer");
        }
        response.end(error.toJson().encode());
    }

    /**
     * What a failure means to the caller.
     *
     * @param status the status Vert.x failed the request with, or -1
     * @param what   the request, for the log of an internal error
     */
    static ApiError toApiError(Throwable failure, int status, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpException http) {
            // Vert.x Web wraps what its handlers refuse (validation, body size) with the status it chose.
            status = http.getStatusCode();
            cause = http.getCause();
        }
        if (cause instanceof ApiError error) {
            return error;
        }
        if (cause instanceof SchemaValidationException invalid) {
            return schemaError(invalid);
        }
        if (cause instanceof ValidatorException invalid) {
            return validatorError(invalid);
        }
        if (cause instanceof TimeoutException || cause instanceof io.vertx.core.VertxException vertx
                && vertx.getMessage() != null && vertx.getMessage().startsWith("Timeout")) {
            return ApiError.unavailable("no answer in time: " + what + " timed out; try again");
        }
        if (cause == null || status > 0 && status != 500) {
            return byStatus(status, what);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {}: {} failed", incident, what, cause);
        return new ApiError(500, "INTERNAL", "internal error, incident " + incident + " (the node's log has it)",
                null);
    }

    private static ApiError byStatus(int status, String what) {
        return switch (status) {
            case 400 -> new ApiError(400, "VALIDATION_FAILED", "bad request: " + what, null);
            case 401 -> new ApiError(401, "UNAUTHENTICATED", "no valid credential", null);
            case 403 -> new ApiError(403, "FORBIDDEN", "not allowed: " + what, null);
            case 404 -> ApiError.notFound("no such resource: " + what);
            case 405 -> new ApiError(405, "METHOD_NOT_ALLOWED", "method not allowed: " + what, null);
            case 413 -> new ApiError(413, "BODY_TOO_LARGE", "request body too large", null);
            case 415 -> new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "send application/json", null);
            case 503 -> ApiError.unavailable("unavailable: " + what);
            default -> {
                String incident = UUID.randomUUID().toString();
                LOG.error("Incident {}: {} failed with status {}", incident, what, status);
                yield new ApiError(500, "INTERNAL", "internal error, incident " + incident
                        + " (the node's log has it)", null);
            }
        };
    }

    private static ApiError validatorError(ValidatorException invalid) {
        String message = invalid.getMessage();
        if (invalid.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT && message.contains("request body")) {
            return new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "the body must be application/json", null);
        }
        if (invalid.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER && message.contains("body")) {
            return new ApiError(400, "VALIDATION_FAILED", "a JSON body is required", "/");
        }
        if (message.contains("request body") && invalid.type() == ValidatorErrorType.INVALID_VALUE_FORMAT) {
            return new ApiError(400, "MALFORMED_JSON", "the body is not JSON", null);
        }
        return new ApiError(400, "VALIDATION_FAILED", message, parameter(message));
    }

    private static ApiError schemaError(SchemaValidationException invalid) {
        OutputUnit deepest = deepest(invalid.getOutputUnit());
        String parameter = parameter(invalid.getMessage());
        if (parameter != null) {
            return new ApiError(400, "VALIDATION_FAILED", parameter + ": " + describe(deepest, invalid), parameter);
        }
        if (invalid.getMessage() != null && invalid.getMessage().contains("request body is missing")) {
            return new ApiError(400, "VALIDATION_FAILED", "a JSON body is required", "/");
        }
        String field = pointer(deepest);
        String unknown = unknownProperty(deepest);
        if (unknown != null) {
            String pointer = field.endsWith("/" + unknown) ? field : ("/".equals(field) ? "" : field) + "/" + unknown;
            return new ApiError(400, "VALIDATION_FAILED", pointer + ": unknown field", pointer);
        }
        return new ApiError(400, "VALIDATION_FAILED", field + ": " + describe(deepest, invalid), field);
    }

    /** A JSON pointer into the body: json-schema writes {@code #/quantity}, the whole body {@code #}. */
    private static String pointer(OutputUnit unit) {
        String location = unit == null || unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
        if (location.startsWith("#")) {
            location = location.substring(1);
        }
        return location.isEmpty() ? "/" : location;
    }

    /** The innermost error: the one that names the field that is wrong rather than the object holding it. */
    static OutputUnit deepest(OutputUnit unit) {
        if (unit == null) {
            return null;
        }
        OutputUnit best = unit.getError() != null ? unit : null;
        List<OutputUnit> errors = unit.getErrors();
        if (errors != null) {
            for (OutputUnit error : errors) {
                OutputUnit candidate = deepest(error);
                if (candidate != null && (best == null || depth(candidate) > depth(best))) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static int depth(OutputUnit unit) {
        String location = unit.getInstanceLocation();
        return location == null ? 0 : (int) location.chars().filter(c -> c == '/').count();
    }

    private static String describe(OutputUnit unit, ValidatorException fallback) {
        return unit != null && unit.getError() != null ? unit.getError() : fallback.getMessage();
    }

    /** The name json-schema gives a property that {@code additionalProperties: false} refused, if that is the error. */
    private static String unknownProperty(OutputUnit unit) {
        if (unit == null || unit.getError() == null || unit.getKeywordLocation() == null
                || !unit.getKeywordLocation().endsWith("additionalProperties")) {
            return null;
        }
        Matcher matcher = Pattern.compile("[Pp]roperty \"?'?([^\"' ]+)").matcher(unit.getError());
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String parameter(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = PARAMETER.matcher(message + " ");
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

package io.alphintra.api.internal;

import io.vertx.core.json.JsonObject;

/**
 * A request the API refuses, as its callers see it: an HTTP status, a stable code, a message naming what was wrong
 * and, where one field was, that field (a JSON pointer into the body or a parameter's name). Handlers throw or fail
 * with it; {@link Errors} writes it.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiError validation(String field, String message) {
        return new ApiError(400, "VALIDATION_FAILED", message, field);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", message, null);
    }

    static ApiError conflict(String code, String message) {
        return new ApiError(409, code, message, null);
    }

    static ApiError unavailable(String message) {
        return new ApiError(503, "UNAVAILABLE", message, null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("code", code).put("message", getMessage());
        if (field != null) {
            json.put("field", field);
        }
        return json;
    }
}

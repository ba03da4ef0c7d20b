package io.alphintra.api.internal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers of the API's handlers: JSON with a status, from a value at hand, an engine stage or blocking work. A
 * stage's answer is written on the request's Vert.x context, never on the thread that completed it (the engine's),
 * and a stage or blocking call that takes longer than the configured time is answered 503.
 */
final class Replies {
    static final String JSON = "application/json; charset=utf-8";

    private final Vertx vertx;
    private final long timeoutMillis;
    private final Supplier<Optional<String>> haltReason;

    /**
     * @param haltReason why the engine refuses everything, when it has halted: a stage that fails meanwhile is
     *                   answered 503 with it rather than as an internal error
     */
    Replies(Vertx vertx, long timeoutMillis, Supplier<Optional<String>> haltReason) {
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
        this.haltReason = haltReason;
    }

    static void json(RoutingContext context, int status, Object body) {
        context.response().setStatusCode(status).putHeader("content-type", JSON)
                .putHeader("cache-control", "no-store").end(io.vertx.core.json.Json.encode(body));
    }

    static void noContent(RoutingContext context) {
        context.response().setStatusCode(204).putHeader("cache-control", "no-store").end();
    }

    /** Waits for {@code stage} on the request's context and answers with what {@code then} makes of it. */
    <T> void await(RoutingContext context, String what, CompletionStage<T> stage, Consumer<T> then) {
        await(context, what, stage, then, failure -> null);
    }

    /**
     * As {@link #await(RoutingContext, String, CompletionStage, Consumer)}, with {@code refusal} turning the failures
     * the service documents (an unknown id, a refused release) into the caller's error; null for the others.
     */
    <T> void await(RoutingContext context, String what, CompletionStage<T> stage, Consumer<T> then,
                   Function<Throwable, ApiError> refusal) {
        Future<T> future;
        try {
            future = Future.fromCompletionStage(stage, vertx.getOrCreateContext());
        } catch (RuntimeException e) {
            future = Future.failedFuture(e);
        }
        future.timeout(timeoutMillis, TimeUnit.MILLISECONDS).onComplete(result -> respond(context, what,
                result.succeeded(), result.result(), result.cause(), then, refusal));
    }

    /** Runs {@code work} on a worker thread (it blocks: files, ConfigAdmin, JAAS) and answers on the context. */
    <T> void blocking(RoutingContext context, String what, Callable<T> work, Consumer<T> then,
                      Function<Throwable, ApiError> refusal) {
        vertx.executeBlocking(work, false)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .onComplete(result -> respond(context, what, result.succeeded(), result.result(), result.cause(),
                        then, refusal));
    }

    private <T> void respond(RoutingContext context, String what, boolean succeeded, T value, Throwable failure,
                             Consumer<T> then, Function<Throwable, ApiError> refusal) {
        if (context.response().ended()) {
            return;
        }
        if (!succeeded) {
            Errors.send(context, failed(what, failure, refusal));
            return;
        }
        try {
            then.accept(value);
        } catch (RuntimeException e) {
            Errors.send(context, failed(what, e, refusal));
        }
    }

    private ApiError failed(String what, Throwable failure, Function<Throwable, ApiError> refusal) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        ApiError refused = cause instanceof ApiError error ? error : refusal.apply(cause);
        if (refused != null) {
            return refused;
        }
        Optional<String> halted = haltReason.get();
        if (halted.isPresent()) {
            return ApiError.unavailable("the engine has halted and takes no orders or queries: " + halted.get());
        }
        if (cause instanceof UnsupportedOperationException) {
            return ApiError.unavailable(what + ": not supported by the installed engine");
        }
        return Errors.toApiError(cause, -1, what);
    }
}

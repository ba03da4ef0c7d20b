package io.alphintra.streams.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/stream}: checks an upgrade request (the client limit, an {@code Authorization} header if it
 * carries one) and turns it into a {@link StreamSession}. Refusals are HTTP answers with the API's error body.
 */
final class StreamEndpoint {
    static final String PATH = "/api/v1/stream";
    private static final Logger LOG = LoggerFactory.getLogger(StreamEndpoint.class);
    /** The scheme {@link Authenticator#authenticateHeader} accepts (in any case), before the credential. */
    private static final String BEARER = "Bearer ";

    private final Authenticator authenticator;
    private final StreamHub hub;
    private final Supplier<StreamsSettings> settings;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong cannotKeepUp = new AtomicLong();

    StreamEndpoint(Authenticator authenticator, StreamHub hub, Supplier<StreamsSettings> settings) {
        this.authenticator = authenticator;
        this.hub = hub;
        this.settings = settings;
    }

    /** Streams open now, authenticated or not. */
    int open() {
        return open.get();
    }

    /** Streams closed with 4008 since the start. */
    long closedForFallingBehind() {
        return cannotKeepUp.get();
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        StreamsSettings current = settings.get();
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            refuse(context, 400, "VALIDATION_FAILED", PATH + " is a WebSocket: connect with Upgrade: websocket");
            return;
        }
        Caller caller = null;
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            caller = authenticator.authenticateHeader(authorization).orElse(null);
            if (caller == null) {
                context.response().putHeader("WWW-Authenticate", "Bearer");
                refuse(context, 401, "UNAUTHENTICATED", "the Authorization header was refused: send Bearer and an API"
                        + " key or session token that is live");
                return;
            }
        }
        if (!reserve(current.maxClients())) {
            refuse(context, 503, "UNAVAILABLE", "too many streams open: at most " + current.maxClients()
                    + " (maxClients in etc/" + StreamsConfig.PID + ".cfg); try again later");
            return;
        }
        Caller authenticated = caller;
        String token = caller == null ? null : authorization.trim().substring(BEARER.length()).trim();
        request.toWebSocket().onComplete(upgrade -> {
            if (upgrade.failed()) {
                open.decrementAndGet();
                LOG.debug("Upgrade of {} from {} failed: {}", PATH, request.remoteAddress(),
                        upgrade.cause().toString());
                return;
            }
            new StreamSession(context.vertx(), upgrade.result(), ids.incrementAndGet(), authenticated, token,
                    authenticator, hub, current, open::decrementAndGet, cannotKeepUp::incrementAndGet).start();
        });
    }

    private boolean reserve(int limit) {
        while (true) {
            int now = open.get();
            if (now >= limit) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private static void refuse(RoutingContext context, int status, String code, String message) {
        StringBuilder body = new StringBuilder("{\"code\":");
        MessageEncoder.quoted(body, code);
        body.append(",\"message\":");
        MessageEncoder.quoted(body, message);
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.append('}').toString());
    }
}

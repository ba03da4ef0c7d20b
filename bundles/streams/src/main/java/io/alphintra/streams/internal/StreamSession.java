package io.alphintra.streams.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's stream, on its event loop: authentication, the messages it sends, and their limits. Subscriptions go
 * to the {@link StreamHub}, which acknowledges them; what cannot be understood is answered here with an error.
 */
final class StreamSession {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);
    /** Not authenticated in time, or with a credential that was refused (401, in the private range). */
    static final short UNAUTHENTICATED = 4401;
    /** Policy violation: too many messages that could not be understood. */
    static final short POLICY_VIOLATION = 1008;
    /** A message larger than {@code maxFrameBytes}. */
    static final short TOO_BIG = 1009;
    /** Messages not understood before the stream is closed: a client that gets them wrong this often is broken. */
    static final int MAX_ERRORS = 20;

    private final Vertx vertx;
    private final ServerWebSocket socket;
    private final Authenticator authenticator;
    private final StreamHub hub;
    private final StreamsSettings settings;
    private final Runnable onClosed;
    private final StreamClient client;
    /** The message being received, across its continuation frames. */
    private Buffer message = Buffer.buffer();
    private boolean messageIsText;
    private Caller caller;
    /** The credential the stream authenticated with, checked again every {@code credentialCheck}. */
    private String token;
    private long authTimer = -1;
    private long credentialTimer = -1;
    private int errors;

    /**
     * @param caller who the upgrade's {@code Authorization} header authenticated, with {@code token} its bearer
     *               credential; both null when the client is to authenticate with its first message
     */
    StreamSession(Vertx vertx, ServerWebSocket socket, long id, Caller caller, String token,
            Authenticator authenticator, StreamHub hub, StreamsSettings settings, Runnable onClosed,
            Runnable onCannotKeepUp) {
        this.vertx = vertx;
        this.socket = socket;
        this.authenticator = authenticator;
        this.hub = hub;
        this.settings = settings;
        this.onClosed = onClosed;
        this.caller = caller;
        this.token = token;
        String name = "stream " + id + " from " + socket.remoteAddress();
        this.client = new StreamClient(name, new ClientOutbox(name, new WebSocketSink(socket),
                settings.clientBufferMessages(), onCannotKeepUp));
    }

    /** Starts serving the stream; called once, on its event loop, right after the upgrade. */
    void start() {
        socket.frameHandler(this::onFrame);
        socket.exceptionHandler(e -> LOG.debug("{}: {}", client, e.toString()));
        socket.closeHandler(ignored -> closed());
        if (caller != null) {
            authenticated(caller, token);
        } else {
            long timeout = settings.authTimeout().toMillis();
            authTimer = vertx.setTimer(timeout, ignored -> {
                authTimer = -1;
                if (caller == null) {
                    client.outbox.close(UNAUTHENTICATED, "not authenticated within " + timeout
                            + " ms: send {\"op\":\"auth\",\"token\":...} first");
                }
            });
        }
    }

    private void onFrame(WebSocketFrame frame) {
        if (frame.isClose() || frame.isPing() || client.outbox.isClosed()) {
            return; // control frames are answered by Vert.x itself
        }
        if (!frame.isText() && !frame.isBinary() && !frame.isContinuation()) {
            return; // a pong
        }
        if (!frame.isContinuation()) {
            messageIsText = frame.isText();
            message = Buffer.buffer();
        }
        Buffer data = frame.binaryData();
        if (message.length() + data.length() > settings.maxFrameBytes()) {
            message = Buffer.buffer();
            client.outbox.close(TOO_BIG, "message over " + settings.maxFrameBytes() + " bytes (maxFrameBytes)");
            return;
        }
        message.appendBuffer(data);
        if (!frame.isFinal()) {
            return;
        }
        String text = messageIsText ? message.toString(StandardCharsets.UTF_8) : null;
        message = Buffer.buffer();
        if (text == null) {
            error(RequestParser.VALIDATION_FAILED, "binary messages are not part of the protocol: send JSON text",
                    null);
        } else {
            onMessage(text);
        }
    }

    private void onMessage(String text) {
        ClientRequest request = RequestParser.parse(text);
        if (request instanceof ClientRequest.Invalid invalid) {
            error(invalid.code(), invalid.message(), invalid.field());
        } else if (request instanceof ClientRequest.Auth auth) {
            if (caller != null) {
                error(RequestParser.VALIDATION_FAILED, "already authenticated as " + caller.user(), "/op");
                return;
            }
            Optional<Caller> who = authenticator.authenticate(auth.token());
            if (who.isEmpty()) {
                client.outbox.close(UNAUTHENTICATED, "the token was refused: unknown, revoked, expired or malformed");
                return;
            }
            authenticated(who.get(), auth.token());
        } else if (request instanceof ClientRequest.Subscription subscription) {
            if (caller == null) {
                error("UNAUTHENTICATED", "authenticate first: {\"op\":\"auth\",\"token\":...}", "/op");
                return;
            }
            hub.request(client, subscription);
        }
    }

    private void authenticated(Caller who, String credential) {
        caller = who;
        token = credential;
        if (authTimer >= 0) {
            vertx.cancelTimer(authTimer);
            authTimer = -1;
        }
        // A stream lives no longer than its credential: a revoked key or an ended session stops the data too.
        credentialTimer = vertx.setPeriodic(settings.credentialCheck().toMillis(), ignored -> {
            if (authenticator.authenticate(token).isEmpty()) {
                vertx.cancelTimer(credentialTimer);
                credentialTimer = -1;
                LOG.info("{}: the credential of {} ({}) was revoked or expired; closing", client, caller.user(),
                        caller.credential());
                client.outbox.close(UNAUTHENTICATED, "the credential was revoked, logged out or expired");
            }
        });
        LOG.debug("{} authenticated as {} ({})", client, who.user(), who.credential());
        hub.open(client);
        client.outbox.send(MessageEncoder.authenticated(who));
    }

    private void error(String code, String text, String field) {
        errors++;
        client.outbox.send(MessageEncoder.error(code, text, field));
        if (errors >= MAX_ERRORS) {
            client.outbox.close(POLICY_VIOLATION, "too many messages that could not be understood: " + MAX_ERRORS);
        }
    }

    private void closed() {
        client.outbox.closed();
        if (authTimer >= 0) {
            vertx.cancelTimer(authTimer);
        }
        if (credentialTimer >= 0) {
            vertx.cancelTimer(credentialTimer);
        }
        hub.remove(client);
        onClosed.run();
        LOG.debug("{} closed ({} {})", client, socket.closeStatusCode(), socket.closeReason());
    }
}

package io.alphintra.itest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of the node's WebSocket streams ({@code /api/v1/stream}), as a program would use them: the JDK's
 * WebSocket, reading one message at a time into a queue, or not reading at all once {@link #pause paused} (its
 * socket then fills up as a stuck client's does).
 */
final class StreamClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> close = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean paused;
    private WebSocket socket;

    private StreamClient() {
    }

    /**
     * Opens a stream at {@code baseUrl} (the node's {@code http://host:port}); with {@code authorization} as the
     * upgrade's {@code Authorization} header unless it is null.
     *
     * @throws CompletionException when the upgrade is refused (its cause a {@code WebSocketHandshakeException})
     */
    static StreamClient open(String baseUrl, String authorization) {
        StreamClient client = new StreamClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        client.socket = builder.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/api/v1/stream"),
                client).join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletableFuture<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        if (!paused) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletableFuture<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        close.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        close.complete("error " + error);
    }

    /** Sends one text message. */
    void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** The next message {@code wanted} matches, skipping others; fails naming {@code what} after {@code timeout}. */
    String await(String what, Duration timeout, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            String message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no " + what + " on the stream within " + timeout.toSeconds() + " s; last"
                        + " message: " + last + (close.isDone() ? "; closed: " + close.getNow(null) : ""));
            }
            if (wanted.test(message)) {
                return message;
            }
            last = message;
        }
    }

    /** How the server closed the stream, {@code <code> <reason>}; fails after {@code timeout}. */
    String closed(Duration timeout) throws Exception {
        try {
            return close.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the stream was not closed within " + timeout.toSeconds() + " s", e);
        }
    }

    /** Stops reading: what the server sends piles up in the sockets, then in the server's buffer for this client. */
    void pause() {
        paused = true;
    }

    /** Reads again, everything that comes. */
    void resume() {
        paused = false;
        socket.request(Long.MAX_VALUE);
    }

    @Override
    public void close() {
        socket.abort();
    }
}

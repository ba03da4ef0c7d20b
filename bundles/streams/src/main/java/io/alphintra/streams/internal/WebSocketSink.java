package io.alphintra.streams.internal;

import io.vertx.core.http.ServerWebSocket;

/** A client's frames written to its Vert.x WebSocket, which queues writes from any thread on its event loop. */
final class WebSocketSink implements FrameSink {
    private final ServerWebSocket socket;

    WebSocketSink(ServerWebSocket socket) {
        this.socket = socket;
    }

    @Override
    public void write(String frame, Runnable written) {
        // Completes once Netty has handed the frame to the socket, or failed (the stream closed): it is then no
        // longer buffered for this client either way.
        socket.writeTextMessage(frame).onComplete(result -> written.run());
    }

    @Override
    public void close(short code, String reason) {
        socket.close(code, reason);
    }
}

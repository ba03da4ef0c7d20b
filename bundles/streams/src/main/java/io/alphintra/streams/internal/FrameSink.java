package io.alphintra.streams.internal;

/** Where a client's frames go: its WebSocket, or a fake in tests. Called from any thread. */
interface FrameSink {

    /** Queues one text frame; calls {@code written} once, when it has been written to the network or failed. */
    void write(String frame, Runnable written);

    /** Closes the stream with a WebSocket close code and reason. */
    void close(short code, String reason);
}

package io.alphintra.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientOutboxTest {
    private final AtomicInteger slowClosures = new AtomicInteger();

    /** Records what it is given; writes only when told to. */
    private static final class FakeSink implements FrameSink {
        final List<String> frames = new ArrayList<>();
        final List<Runnable> unwritten = new ArrayList<>();
        final List<String> closes = new ArrayList<>();
        final boolean drains;

        FakeSink(boolean drains) {
            this.drains = drains;
        }

        @Override
        public void write(String frame, Runnable written) {
            frames.add(frame);
            if (drains) {
                written.run();
            } else {
                unwritten.add(written);
            }
        }

        @Override
        public void close(short code, String reason) {
            closes.add(code + " " + reason);
        }
    }

    @Test
    void aClientThatNeverDrainsIsClosedWith4008AfterExactlyTheConfiguredNumber() {
        FakeSink sink = new FakeSink(false);
        ClientOutbox outbox = new ClientOutbox("stream 1", sink, 100, slowClosures::incrementAndGet);
        for (int i = 0; i < 100; i++) {
            assertThat(outbox.send("m" + i)).as("message %d", i).isTrue();
        }
        assertThat(sink.closes).isEmpty();

        assertThat(outbox.send("m100")).isFalse();

        assertThat(sink.frames).hasSize(100);
        assertThat(sink.closes).containsExactly("4008 client cannot keep up: 100 messages buffered");
        assertThat(slowClosures).hasValue(1);
        assertThat(outbox.send("m101")).as("nothing more once closed").isFalse();
        assertThat(sink.closes).as("closed once").hasSize(1);
        assertThat(sink.frames).hasSize(100);
    }

    @Test
    void theDefaultReasonIsTheOneTheProtocolNames() {
        FakeSink sink = new FakeSink(false);
        ClientOutbox outbox = new ClientOutbox("stream 1", sink, 10_000, slowClosures::incrementAndGet);
        for (int i = 0; i <= 10_000; i++) {
            outbox.send("m");
        }
        assertThat(sink.closes).containsExactly("4008 client cannot keep up: 10000 messages buffered");
    }

    @Test
    void aFastClientGetsEveryMessageInOrder() {
        FakeSink sink = new FakeSink(true);
        ClientOutbox outbox = new ClientOutbox("stream 1", sink, 10, slowClosures::incrementAndGet);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            sent.add("m" + i);
            assertThat(outbox.send("m" + i)).isTrue();
        }
        assertThat(sink.frames).isEqualTo(sent);
        assertThat(sink.closes).isEmpty();
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void framesWrittenMakeRoomAgain() {
        FakeSink sink = new FakeSink(false);
        ClientOutbox outbox = new ClientOutbox("stream 1", sink, 3, slowClosures::incrementAndGet);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 3; i++) {
                assertThat(outbox.send("m")).isTrue();
            }
            assertThat(outbox.pending()).isEqualTo(3);
            sink.unwritten.forEach(Runnable::run);
            sink.unwritten.clear();
            assertThat(outbox.pending()).isZero();
        }
        assertThat(sink.closes).isEmpty();
    }

    @Test
    void aCloseHappensOnce() {
        FakeSink sink = new FakeSink(true);
        ClientOutbox outbox = new ClientOutbox("stream 1", sink, 3, slowClosures::incrementAndGet);
        assertThat(outbox.close((short) 4401, "not authenticated")).isTrue();
        assertThat(outbox.close((short) 1008, "again")).isFalse();
        assertThat(outbox.send("m")).isFalse();
        assertThat(sink.closes).containsExactly("4401 not authenticated");
    }
}

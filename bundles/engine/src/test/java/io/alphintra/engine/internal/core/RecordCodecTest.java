package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.GateDecision;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.engine.internal.journal.JournalCorruptedException;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCodecTest {
    private static final InstrumentId AAPL = InstrumentId.of("AAPL", "SIMX");
    private static final Attribution WHO = new Attribution("momentum-1", "alice", "ACC-1", "desk-eq", "client-7");
    private static final List<GateDecision> ACCEPTED = List.of(
            new GateDecision("ENGINE", "engine", "1.0.0", GateDecision.ACCEPT, null, null),
            new GateDecision("COMPLIANCE", "us-baseline", "2.1.0", GateDecision.ACCEPT, null, null));
    /** Latin-1, a CJK character, an emoji (a surrogate pair), and lone surrogates, which UTF-8 cannot carry. */
    private static final String AWKWARD = "café 東京 \uD83D\uDE80 lone \uD800 and \uDC00.";

    @TempDir
    Path directory;

    @Test
    void orderRoundTripsWithTextAsUtf8WouldHaveIt() {
        RecordCodec codec = new RecordCodec(64 * 1024);
        List<GateDecision> warned = List.of(ACCEPTED.get(0),
                new GateDecision("RISK", "collar", "3.0.0", GateDecision.WARN, null, AWKWARD));
        OrderState order = order(7, "c7", "shell:" + AWKWARD, warned);

        OrderState read = RecordCodec.readOrder(codec.order(order), OrderStatus.PENDING_NEW);

        String asUtf8 = new String(AWKWARD.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(asUtf8).as("lone surrogates become '?'").contains("lone ? and ?.");
        assertThat(read.source).isEqualTo("shell:" + asUtf8);
        assertThat(read.decisions.get(1).text()).isEqualTo(asUtf8);
        assertThat(read.decisions.get(1)).usingRecursiveComparison().ignoringFields("text")
                .isEqualTo(warned.get(1));
        assertThat(read).usingRecursiveComparison().ignoringFields("source", "decisions").isEqualTo(order);
    }

    @Test
    void ordersReadWithOneSharedTableHoldOneInstanceOfEachEqualValue() {
        RecordCodec codec = new RecordCodec(64 * 1024);
        RecordCodec.Shared shared = new RecordCodec.Shared();
        Attribution other = new Attribution("mm-2", "bob", "ACC-2", "desk-fx", "client-8");
        OrderState first = RecordCodec.readOrder(codec.order(order(1, "c1", "api", ACCEPTED)), OrderStatus.PENDING_NEW,
                shared);
        OrderState second = RecordCodec.readOrder(codec.order(order(2, "c2", "api", ACCEPTED)), OrderStatus.PENDING_NEW,
                shared);
        OrderState third = RecordCodec.readOrder(codec.order(order(3, "c3", "api", other, ACCEPTED)),
                OrderStatus.PENDING_NEW, shared);

        assertThat(second.attribution).isSameAs(first.attribution);
        assertThat(second.decisions).isSameAs(first.decisions).isEqualTo(ACCEPTED);
        assertThat(second.source).isSameAs(first.source);
        assertThat(second.instrumentId).isSameAs(first.instrumentId);
        assertThat(third.attribution).isEqualTo(other).isNotSameAs(first.attribution);
        assertThat(third.decisions).isSameAs(first.decisions);
    }

    @Test
    void repeatedAttributionAndDecisionsEncodeAsAFreshCodecWould() {
        RecordCodec reused = new RecordCodec(64 * 1024);
        Attribution other = new Attribution("mm-2", "bob", "ACC-2", "desk-fx", "client-8");
        List<GateDecision> rejected = List.of(ACCEPTED.get(0), new GateDecision("COMPLIANCE", "us-baseline/SSR",
                "2.1.0", GateDecision.REJECT, RejectReason.COMPLIANCE, "short sale restriction"));
        List<OrderState> orders = List.of(order(1, "c1", "api", ACCEPTED), order(2, "c2", "api", ACCEPTED),
                order(3, "c3", "api", other, rejected), order(4, "c4", "api", ACCEPTED));
        for (OrderState order : orders) {
            assertThat(bytes(reused.order(order))).as("order %s", order.orderId)
                    .isEqualTo(bytes(new RecordCodec(64 * 1024).order(order)));
        }
        OrderState third = RecordCodec.readOrder(reused.order(orders.get(2)), OrderStatus.REJECTED);
        assertThat(third.attribution).isEqualTo(other);
        assertThat(third.decisions).isEqualTo(rejected);
    }

    @Test
    void executionRoundTripsWithAndWithoutFee() {
        RecordCodec codec = new RecordCodec(64 * 1024);
        Money fee = Money.of(Currency.of("USD"), -12, 4);
        RecordCodec.Execution fill = RecordCodec.readExecution(codec.execution(9, ExecType.TRADE,
                OrderStatus.PARTIALLY_FILLED, ClientOrderId.of("c9"), "V-9", "X-9-1", 10, 15000, 0, 3, 15000, 3, 45000,
                Liquidity.MAKER, fee, null, null, 123L));
        assertThat(fill).isEqualTo(new RecordCodec.Execution(9, ExecType.TRADE, OrderStatus.PARTIALLY_FILLED,
                ClientOrderId.of("c9"), "V-9", "X-9-1", 10, 15000, 0, 3, 15000, 3, 45000, Liquidity.MAKER, fee, null,
                null, 123L));
        RecordCodec.Execution rejected = RecordCodec.readExecution(codec.execution(9, ExecType.REJECTED,
                OrderStatus.REJECTED, ClientOrderId.of("c9"), null, "X-9-2", 10, 15000, 0, 0, 0, 3, 45000,
                Liquidity.UNKNOWN, null, RejectReason.VENUE_CLOSED, AWKWARD, 124L));
        assertThat(rejected.fee()).isNull();
        assertThat(rejected.venueOrderId()).isNull();
        assertThat(rejected.rejectReason()).isEqualTo(RejectReason.VENUE_CLOSED);
        assertThat(rejected.text()).isEqualTo(new String(AWKWARD.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
    }

    @Test
    void journaledOrdersSurviveATornFinalWriteAndRefuseADamagedOne() throws IOException {
        RecordCodec codec = new RecordCodec(64 * 1024);
        long[] ends = new long[4];
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            for (int id = 1; id <= 3; id++) {
                journal.append(RecordCodec.ORDER_ACCEPTED, id, codec.order(order(id, "c" + id, "api", ACCEPTED)));
                journal.commit();
                ends[id] = Files.size(onlySegment());
            }
        }
        Path segment = onlySegment();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(ends[3] - 5); // the last order's write, cut short by a crash
        }
        try (Journal journal = Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE)) {
            assertThat(replayedClientOrderIds(journal)).containsExactly("c1", "c2");
        }

        // Inside the now last order's payload, a write that had completed: storage damage, not a torn write, and
        // that order was acknowledged, so the journal refuses to start rather than drop it.
        flipByte(segment, ends[2] - 12);
        assertThatThrownBy(() -> Journal.open(directory, 1 << 20, 64 * 1024, Durability.WRITE))
                .isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("truncate -s " + ends[1]);
    }

    private static List<String> replayedClientOrderIds(Journal journal) throws IOException {
        List<String> ids = new ArrayList<>();
        journal.replay(1, (sequence, timestamp, type, payload) ->
                ids.add(RecordCodec.readOrder(payload, OrderStatus.PENDING_NEW).clientOrderId.value()));
        return ids;
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.reduce((a, b) -> {
                throw new IllegalStateException("more than one segment");
            }).orElseThrow();
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A));
            channel.write(one.rewind(), position);
        }
    }

    private static byte[] bytes(ByteBuffer record) {
        byte[] copy = new byte[record.remaining()];
        record.duplicate().get(copy);
        return copy;
    }

    private static OrderState order(long id, String clientOrderId, String source, List<GateDecision> decisions) {
        return order(id, clientOrderId, source, WHO, decisions);
    }

    private static OrderState order(long id, String clientOrderId, String source, Attribution attribution,
                                    List<GateDecision> decisions) {
        return new OrderState(id, ClientOrderId.of(clientOrderId), AAPL, AAPL.venueId(), Side.SELL_SHORT,
                OrderType.STOP_LIMIT, TimeInForce.DAY, 100, 15000, 14900, attribution, source, decisions, 42L + id);
    }
}

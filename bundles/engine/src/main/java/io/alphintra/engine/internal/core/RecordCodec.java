package io.alphintra.engine.internal.core;

import io.alphintra.engine.GateDecision;

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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary encoding of the engine's journal records. Enums are written by name, not ordinal, so that adding a constant
 * to an SDK enum never changes the meaning of an old journal.
 */
final class RecordCodec {
    static final int ORDER_ACCEPTED = 1;
    static final int ORDER_REJECTED = 2;
    static final int EXECUTION = 3;
    static final int CANCEL_REQUESTED = 4;
    static final int REPLACE_REQUESTED = 5;
    static final int REQUEST_REJECTED = 6;
    static final int INSTRUMENT = 7;
    /** The strategy host took an instance out of trading; an audit fact that changes no order or position. */
    static final int STRATEGY_QUARANTINED = 8;
    /** An order an operator must reconcile with its venue, and why (a report the engine could not book). */
    static final int RECONCILIATION_FLAG = 9;
    /** A kill switch engaged: scope, who, why. The cancels it caused follow as their own records. */
    static final int KILL_ENGAGED = 10;
    /** A kill switch reset: scope, who. */
    static final int KILL_RESET = 11;
    /**
     * A change to the account reference data the engine took (added, changed, removed, refused): an audit fact. The
     * accounts in force come from configuration at every start, never from the journal, so replay skips it.
     */
    static final int ACCOUNT_REFERENCE = 12;
    /**
     * An order the gate accepted with a hold among its decisions (as {@link #ORDER_ACCEPTED}, which the decisions tell
     * apart): kept from its venue until released. Its own type, so that no engine that cannot hold orders ever reads
     * it as sent.
     */
    static final int ORDER_HELD = 20;
    /** An authorised user's override of a held order: order id, who, why, when, the engine's version. */
    static final int HOLD_RELEASED = 21;

    /** Longer reasons are cut: the record must fit the buffer whatever a plugin's exception message says. */
    static final int MAX_REASON_CHARS = 4096;

    /** The record being written; strings go straight into its array, the rest through the buffer. */
    private final byte[] bytes;
    private final ByteBuffer buffer;

    // A source's orders carry the same attribution and, while the gate's chain is unchanged, the same decisions:
    // the same immutable instances, whose bytes are copied rather than encoded again.
    private final Memo attributions = new Memo();
    /** Enum constants are journaled by name; each name is encoded once. */
    private static final ClassValue<byte[][]> ENUM_NAMES = new ClassValue<>() {
        @Override
        protected byte[][] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            byte[][] names = new byte[constants.length][];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().getBytes(StandardCharsets.UTF_8);
            }
            return names;
        }
    };
    private final Memo decisionLists = new Memo();
    private final Memo sources = new Memo();

    RecordCodec(int capacity) {
        bytes = new byte[capacity];
        buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The bytes one immutable value was last encoded to. */
    private final class Memo {
        private final byte[] encoded = new byte[1024];
        private Object value;
        private int length;

        /** Writes the remembered bytes if {@code candidate} is the very instance they encode. */
        boolean copy(Object candidate) {
            if (candidate != value || candidate == null) {
                return false;
            }
            int at = buffer.position();
            System.arraycopy(encoded, 0, bytes, at, length);
            buffer.position(at + length);
            return true;
        }

        /** Remembers the bytes from {@code start} to the buffer's position as the encoding of {@code encodedValue}. */
        void remember(Object encodedValue, int start) {
            int encodedLength = buffer.position() - start;
            if (encodedLength <= encoded.length) {
                System.arraycopy(bytes, start, encoded, 0, encodedLength);
                value = encodedValue;
                length = encodedLength;
            }
        }
    }

    /** An order the gate accepted or rejected, with every decision made about it. */
    ByteBuffer order(OrderState order) {
        buffer.clear();
        buffer.putLong(order.orderId);
        putId(order.originalClientOrderId);
        putInstrumentId(order.instrumentId);
        putEnum(order.side);
        putEnum(order.type);
        putEnum(order.timeInForce);
        buffer.putLong(order.quantity).putLong(order.limitPrice).putLong(order.stopPrice);
        Attribution a = order.attribution;
        if (!attributions.copy(a)) {
            int start = buffer.position();
            putString(a.strategyId());
            putString(a.traderId());
            putString(a.accountId());
            putString(a.deskId());
            putString(a.clientId());
            attributions.remember(a, start);
        }
        if (!sources.copy(order.source)) {
            int start = buffer.position();
            putString(order.source);
            sources.remember(order.source, start);
        }
        buffer.putLong(order.acceptedAtNanos);
        if (!decisionLists.copy(order.decisions)) {
            int start = buffer.position();
            buffer.putInt(order.decisions.size());
            for (GateDecision decision : order.decisions) {
                putString(decision.stage());
                putString(decision.checkId());
                putString(decision.version());
                putString(decision.outcome());
                putEnum(decision.reason());
                putString(decision.text());
            }
            decisionLists.remember(order.decisions, start);
        }
        return buffer.flip();
    }

    static OrderState readOrder(ByteBuffer in, OrderStatus status) {
        return readOrder(in, status, new Shared());
    }

    /**
     * Equal values that many records carry — an instance's attribution and source, the gate's decisions while its
     * chain is unchanged — as one instance each, as the engine that wrote them held them: a replay that made new ones
     * for every order would hold hundreds of bytes more per order than the engine it rebuilds.
     */
    static final class Shared {
        private final Map<Object, Object> values = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T of(T value) {
            if (value == null) {
                return null;
            }
            Object known = values.putIfAbsent(value, value);
            return known == null ? value : (T) known;
        }
    }

    /** As {@link #readOrder(ByteBuffer, OrderStatus)}, sharing equal values through {@code shared}. */
    static OrderState readOrder(ByteBuffer in, OrderStatus status, Shared shared) {
        long orderId = in.getLong();
        ClientOrderId clientOrderId = ClientOrderId.of(getString(in));
        InstrumentId instrumentId = InstrumentId.parse(getString(in));
        Side side = getEnum(in, Side.class);
        OrderType type = getEnum(in, OrderType.class);
        TimeInForce tif = getEnum(in, TimeInForce.class);
        long quantity = in.getLong();
        long limitPrice = in.getLong();
        long stopPrice = in.getLong();
        Attribution attribution = shared.of(new Attribution(getString(in), getString(in), getString(in),
                getString(in), getString(in)));
        String source = shared.of(getString(in));
        long acceptedAt = in.getLong();
        int count = in.getInt();
        List<GateDecision> decisions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            decisions.add(new GateDecision(getString(in), getString(in), getString(in), getString(in),
                    getEnum(in, RejectReason.class), getString(in)));
        }
        // List.copyOf, as the order keeps it: the shared instance is then the one the order holds.
        List<GateDecision> sharedDecisions = shared.of(List.copyOf(decisions));
        instrumentId = shared.of(instrumentId);
        OrderState order = new OrderState(orderId, clientOrderId, instrumentId, instrumentId.venueId(), side, type, tif,
                quantity, limitPrice, stopPrice, attribution, source, sharedDecisions, acceptedAt);
        order.status = status;
        return order;
    }

    /** An instrument's definition, journaled before the first order in it. */
    ByteBuffer instrument(io.alphintra.sdk.instrument.Instrument instrument) {
        buffer.clear();
        InstrumentCodec.write(instrument, buffer);
        return buffer.flip();
    }

    ByteBuffer strategyQuarantined(String instanceId, String reason, long epochNanos) {
        buffer.clear();
        putString(instanceId);
        putString(reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason);
        buffer.putLong(epochNanos);
        return buffer.flip();
    }

    record StrategyQuarantine(String instanceId, String reason, long epochNanos) {
    }

    static StrategyQuarantine readStrategyQuarantine(ByteBuffer in) {
        return new StrategyQuarantine(getString(in), getString(in), in.getLong());
    }

    /**
     * A venue's execution report as the engine applied it: {@code status} is the report's (journals written before
     * 2026-11-26 hold the order's status after applying it, which replays to the same state except while a cancel or
     * replace was pending); quantities, prices and cumulative values are the order's after applying it.
     */
    ByteBuffer execution(long orderId, ExecType execType, OrderStatus status, ClientOrderId clientOrderId,
                         String venueOrderId, String execId, long orderQuantity, long limitPrice, long stopPrice,
                         long lastQuantity, long lastPrice, long cumQuantity, long cumPriceQuantity,
                         Liquidity liquidity, Money fee, RejectReason rejectReason, String text, long transactTime) {
        buffer.clear();
        buffer.putLong(orderId);
        putEnum(execType);
        putEnum(status);
        putId(clientOrderId);
        putString(venueOrderId);
        putString(execId);
        buffer.putLong(orderQuantity).putLong(limitPrice).putLong(stopPrice);
        buffer.putLong(lastQuantity).putLong(lastPrice).putLong(cumQuantity).putLong(cumPriceQuantity);
        putEnum(liquidity);
        if (fee == null) {
            buffer.put((byte) 0);
        } else {
            buffer.put((byte) 1);
            putString(fee.currency().code());
            buffer.putLong(fee.mantissa()).putInt(fee.scale());
        }
        putEnum(rejectReason);
        putString(text);
        buffer.putLong(transactTime);
        return buffer.flip();
    }

    ByteBuffer reconciliationFlag(long orderId, String reason) {
        buffer.clear();
        buffer.putLong(orderId);
        putString(reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason);
        return buffer.flip();
    }

    record ReconciliationFlag(long orderId, String reason) {
    }

    ByteBuffer kill(io.alphintra.engine.KillScope scope, String who, String reason, long atNanos) {
        return kill(scope, who, reason, atNanos, io.alphintra.engine.KillSwitchState.Mode.HALT);
    }

    /**
     * A kill switch engaged or reset: scope kind, value, who, why, when, then (from engine 1.5) one byte of mode, 0 halt
     * or 1 reduce-only. A record without it (older journals) is a halt; an older engine reading a newer record
     * ignores the byte and halts, which blocks more, never less.
     */
    ByteBuffer kill(io.alphintra.engine.KillScope scope, String who, String reason, long atNanos,
                    io.alphintra.engine.KillSwitchState.Mode mode) {
        buffer.clear();
        putEnum(scope.kind());
        putString(scope.value());
        putString(who);
        putString(reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason);
        buffer.putLong(atNanos);
        buffer.put((byte) (mode == io.alphintra.engine.KillSwitchState.Mode.REDUCE_ONLY ? 1 : 0));
        return buffer.flip();
    }

    static io.alphintra.engine.KillSwitchState readKill(ByteBuffer in) {
        io.alphintra.engine.KillScope.Kind kind = getEnum(in, io.alphintra.engine.KillScope.Kind.class);
        io.alphintra.engine.KillScope scope = new io.alphintra.engine.KillScope(kind, getString(in));
        String who = getString(in);
        String reason = getString(in);
        long atNanos = in.getLong();
        io.alphintra.engine.KillSwitchState.Mode mode = io.alphintra.engine.KillSwitchState.Mode.HALT;
        if (in.hasRemaining()) {
            byte code = in.get();
            if (code == 1) {
                mode = io.alphintra.engine.KillSwitchState.Mode.REDUCE_ONLY;
            } else if (code != 0) {
                throw new IllegalStateException("kill switch " + scope + ": mode byte " + code
                        + " is neither 0 (halt) nor 1 (reduce-only); this journal was written by a newer engine");
            }
        }
        return new io.alphintra.engine.KillSwitchState(scope, who, reason, atNanos, mode);
    }

    ByteBuffer release(long orderId, String releasedBy, String reason, long atNanos, String engineVersion) {
        buffer.clear();
        buffer.putLong(orderId);
        putString(releasedBy);
        putString(reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason);
        buffer.putLong(atNanos);
        putString(engineVersion);
        return buffer.flip();
    }

    record Release(long orderId, String releasedBy, String reason, long atNanos, String engineVersion) {
    }

    static Release readRelease(ByteBuffer in) {
        return new Release(in.getLong(), getString(in), getString(in), in.getLong(), getString(in));
    }

    ByteBuffer accountReference(io.alphintra.engine.internal.account.AccountChange change, long atNanos) {
        buffer.clear();
        putEnum(change.kind());
        putString(change.accountId());
        putString(change.source());
        String detail = change.detail();
        putString(detail.length() > MAX_REASON_CHARS ? detail.substring(0, MAX_REASON_CHARS) : detail);
        buffer.putLong(atNanos);
        return buffer.flip();
    }

    record AccountReference(io.alphintra.engine.internal.account.AccountChange change, long atNanos) {
    }

    static AccountReference readAccountReference(ByteBuffer in) {
        return new AccountReference(new io.alphintra.engine.internal.account.AccountChange(
                getEnum(in, io.alphintra.engine.internal.account.AccountChange.Kind.class), getString(in),
                getString(in), getString(in)), in.getLong());
    }

    static ReconciliationFlag readReconciliationFlag(ByteBuffer in) {
        return new ReconciliationFlag(in.getLong(), getString(in));
    }

    /** A cancel or replace the engine sent (or refused) for an order. */
    ByteBuffer request(long orderId, ClientOrderId requestId, long quantity, long limitPrice, long stopPrice,
                       RejectReason rejectReason, String text) {
        buffer.clear();
        buffer.putLong(orderId);
        putId(requestId);
        buffer.putLong(quantity).putLong(limitPrice).putLong(stopPrice);
        putEnum(rejectReason);
        putString(text);
        return buffer.flip();
    }

    /** The decoded form of {@link #execution}. */
    record Execution(long orderId, ExecType execType, OrderStatus status, ClientOrderId clientOrderId,
                     String venueOrderId, String execId, long orderQuantity, long limitPrice, long stopPrice,
                     long lastQuantity, long lastPrice, long cumQuantity, long cumPriceQuantity, Liquidity liquidity,
                     Money fee, RejectReason rejectReason, String text, long transactTime) {
    }

    static Execution readExecution(ByteBuffer in) {
        long orderId = in.getLong();
        ExecType execType = getEnum(in, ExecType.class);
        OrderStatus status = getEnum(in, OrderStatus.class);
        ClientOrderId clientOrderId = ClientOrderId.of(getString(in));
        String venueOrderId = getString(in);
        String execId = getString(in);
        long orderQuantity = in.getLong();
        long limitPrice = in.getLong();
        long stopPrice = in.getLong();
        long lastQuantity = in.getLong();
        long lastPrice = in.getLong();
        long cumQuantity = in.getLong();
        long cumPriceQuantity = in.getLong();
        Liquidity liquidity = getEnum(in, Liquidity.class);
        Money fee = null;
        if (in.get() == 1) {
            fee = Money.of(Currency.of(getString(in)), in.getLong(), in.getInt());
        }
        return new Execution(orderId, execType, status, clientOrderId, venueOrderId, execId, orderQuantity,
                limitPrice, stopPrice, lastQuantity, lastPrice, cumQuantity, cumPriceQuantity, liquidity, fee,
                getEnum(in, RejectReason.class), getString(in), in.getLong());
    }

    /** The decoded form of {@link #request}. */
    record Request(long orderId, ClientOrderId requestId, long quantity, long limitPrice, long stopPrice,
                   RejectReason rejectReason, String text) {
    }

    static Request readRequest(ByteBuffer in) {
        return new Request(in.getLong(), ClientOrderId.of(getString(in)), in.getLong(), in.getLong(), in.getLong(),
                getEnum(in, RejectReason.class), getString(in));
    }

    /**
     * Writes {@code value} as its length and UTF-8 bytes, exactly as {@code getBytes(UTF_8)} would (a lone surrogate
     * becomes {@code '?'}), but encoded in place: every order carries a dozen strings, and copying each into a new
     * array first was most of the garbage the engine made per order.
     */
    private void putString(String value) {
        if (value == null) {
            buffer.putInt(-1);
            return;
        }
        int lengthAt = buffer.position();
        int end = putUtf8(value, lengthAt + Integer.BYTES);
        buffer.putInt(lengthAt, end - lengthAt - Integer.BYTES).position(end);
    }

    /**
     * As {@code putString(id.value())}. A client order id is printable ASCII (the SDK refuses anything else), so its
     * UTF-8 bytes are its chars' low bytes, which the JDK copies as a block instead of char by char.
     */
    @SuppressWarnings("deprecation")
    private void putId(ClientOrderId id) {
        String value = id.value();
        int length = value.length();
        int at = buffer.putInt(length).position();
        value.getBytes(0, length, bytes, at);
        buffer.position(at + length);
    }

    /** As {@code putString(id.toString())}, without building that string. */
    private void putInstrumentId(InstrumentId id) {
        int lengthAt = buffer.position();
        int at = putUtf8(id.symbol(), lengthAt + Integer.BYTES);
        bytes[at++] = '@';
        int end = putUtf8(id.venueId(), at);
        buffer.putInt(lengthAt, end - lengthAt - Integer.BYTES).position(end);
    }

    /** Encodes {@code value} into the record's array from {@code at}; returns where it ended. */
    private int putUtf8(String value, int at) {
        byte[] out = bytes;
        int length = value.length();
        if (at + 3 * length > out.length) {
            throw new java.nio.BufferOverflowException();
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }

    private void putEnum(Enum<?> value) {
        if (value == null) {
            buffer.putInt(-1);
            return;
        }
        byte[] name = ENUM_NAMES.get(value.getDeclaringClass())[value.ordinal()];
        int at = buffer.putInt(name.length).position();
        System.arraycopy(name, 0, bytes, at, name.length);
        buffer.position(at + name.length);
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static <E extends Enum<E>> E getEnum(ByteBuffer in, Class<E> type) {
        String name = getString(in);
        return name == null ? null : Enum.valueOf(type, name);
    }
}

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
import java.util.List;

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

    private final ByteBuffer buffer;

    RecordCodec(int capacity) {
        buffer = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** An order the gate accepted or rejected, with every decision made about it. */
    ByteBuffer order(OrderState order) {
        buffer.clear();
        buffer.putLong(order.orderId);
        putString(order.originalClientOrderId.value());
        putString(order.instrumentId.toString());
        putEnum(order.side);
        putEnum(order.type);
        putEnum(order.timeInForce);
        buffer.putLong(order.quantity).putLong(order.limitPrice).putLong(order.stopPrice);
        Attribution a = order.attribution;
        putString(a.strategyId());
        putString(a.traderId());
        putString(a.accountId());
        putString(a.deskId());
        putString(a.clientId());
        putString(order.source);
        buffer.putLong(order.acceptedAtNanos);
        buffer.putInt(order.decisions.size());
        for (GateDecision decision : order.decisions) {
            putString(decision.stage());
            putString(decision.checkId());
            putString(decision.version());
            putString(decision.outcome());
            putEnum(decision.reason());
            putString(decision.text());
        }
        return buffer.flip();
    }

    static OrderState readOrder(ByteBuffer in, OrderStatus status) {
        long orderId = in.getLong();
        ClientOrderId clientOrderId = ClientOrderId.of(getString(in));
        InstrumentId instrumentId = InstrumentId.parse(getString(in));
        Side side = getEnum(in, Side.class);
        OrderType type = getEnum(in, OrderType.class);
        TimeInForce tif = getEnum(in, TimeInForce.class);
        long quantity = in.getLong();
        long limitPrice = in.getLong();
        long stopPrice = in.getLong();
        Attribution attribution = new Attribution(getString(in), getString(in), getString(in), getString(in),
                getString(in));
        String source = getString(in);
        long acceptedAt = in.getLong();
        int count = in.getInt();
        List<GateDecision> decisions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            decisions.add(new GateDecision(getString(in), getString(in), getString(in), getString(in),
                    getEnum(in, RejectReason.class), getString(in)));
        }
        OrderState order = new OrderState(orderId, clientOrderId, instrumentId, instrumentId.venueId(), side, type, tif,
                quantity, limitPrice, stopPrice, attribution, source, decisions, acceptedAt);
        order.status = status;
        return order;
    }

    /** An instrument's definition, journaled before the first order in it. */
    ByteBuffer instrument(io.alphintra.sdk.instrument.Instrument instrument) {
        buffer.clear();
        InstrumentCodec.write(instrument, buffer);
        return buffer.flip();
    }

    /** A venue's execution report as the engine applied it. */
    ByteBuffer execution(long orderId, ExecType execType, OrderStatus status, ClientOrderId clientOrderId,
                         String venueOrderId, String execId, long orderQuantity, long limitPrice, long stopPrice,
                         long lastQuantity, long lastPrice, long cumQuantity, long cumPriceQuantity,
                         Liquidity liquidity, Money fee, RejectReason rejectReason, String text, long transactTime) {
        buffer.clear();
        buffer.putLong(orderId);
        putEnum(execType);
        putEnum(status);
        putString(clientOrderId.value());
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

    /** A cancel or replace the engine sent (or refused) for an order. */
    ByteBuffer request(long orderId, ClientOrderId requestId, long quantity, long limitPrice, long stopPrice,
                       RejectReason rejectReason, String text) {
        buffer.clear();
        buffer.putLong(orderId);
        putString(requestId.value());
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

    private void putString(String value) {
        if (value == null) {
            buffer.putInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(bytes.length).put(bytes);
    }

    private void putEnum(Enum<?> value) {
        putString(value == null ? null : value.name());
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

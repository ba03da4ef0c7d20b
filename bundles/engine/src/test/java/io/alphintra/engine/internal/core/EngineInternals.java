package io.alphintra.engine.internal.core;

import io.alphintra.collections.OpenAddressingMap;
import io.alphintra.sdk.order.ClientOrderId;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an engine holds, read from its private fields, for tests that compare engines field by field. */
final class EngineInternals {
    private EngineInternals() {
    }

    /** The orders held, by id. */
    static List<OrderState> orders(EngineCore engine) {
        return ((OrderSlots) field(engine, "ordersById")).stream().toList();
    }

    /** Each client order id the index holds, with the id of the order it finds. */
    @SuppressWarnings("unchecked")
    static Map<ClientOrderId, Long> clientIds(EngineCore engine) {
        Map<ClientOrderId, Long> ids = new HashMap<>();
        ((OpenAddressingMap<ClientOrderId, OrderState>) field(engine, "ordersByClientId"))
                .forEach((id, order) -> ids.put(id, order.orderId));
        return ids;
    }

    /** The ids of the finished orders held, in the order they finished, checked against the count kept. */
    static List<Long> finished(EngineCore engine) {
        List<Long> ids = new ArrayList<>();
        OrderState previous = null;
        for (OrderState order = (OrderState) field(engine, "oldestFinished"); order != null;
             order = order.nextFinished) {
            if (order.previousFinished != previous) {
                throw new AssertionError("order " + order.orderId + " links back to the wrong order");
            }
            ids.add(order.orderId);
            previous = order;
        }
        if (field(engine, "newestFinished") != previous || (int) field(engine, "finishedCount") != ids.size()) {
            throw new AssertionError("the list of finished orders ends elsewhere or counts otherwise than it links");
        }
        return ids;
    }

    /** The account book's digest: every position and balance. */
    static String accounts(EngineCore engine) {
        return java.util.HexFormat.of().formatHex(((AccountBook) field(engine, "accounts")).stateHash());
    }

    static long counter(EngineCore engine, String name) {
        return (long) field(engine, name);
    }

    private static Object field(EngineCore engine, String name) {
        try {
            Field field = EngineCore.class.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(engine);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

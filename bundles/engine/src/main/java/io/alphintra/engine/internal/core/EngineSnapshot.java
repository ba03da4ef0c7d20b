package io.alphintra.engine.internal.core;

import io.alphintra.collections.OpenAddressingMap;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.internal.snapshot.SnapshotInput;
import io.alphintra.engine.internal.snapshot.SnapshotOutput;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.risk.CreditScope;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of an engine snapshot (its frame, checksum and file handling are {@code internal.snapshot}'s): everything
 * the journal's records up to the snapshot's sequence built, so that recovery replays only the records after it.
 *
 * <pre>
 * "ENGN" long nextOrderId, long engineExecIds
 * "ENUM" for Side, OrderType, TimeInForce, OrderStatus: int count, str name per constant in this version's order
 * "INST" int count, then per journaled instrument, in journal order: int length, its InstrumentCodec bytes
 * "ORDR" long first (the lowest order id held; when none is, any), int slots, then per id from first:
 *        byte 0 (an order forgotten, or an id whose journal append failed), or
 *        byte 1 (its first client order id finds it) or 2 (it does not: a request id of another order took it
 *        over, and may have been forgotten with that order since), str originalClientOrderId,
 *        byte 0 or (1, str clientOrderId) when a replace changed it,
 *        ref instrumentId, byte side, byte type, byte timeInForce, byte status, byte statusBeforePending (-1: none),
 *        ref attribution, ref source, ref decisions, long acceptedAtNanos, quantity, limitPrice, stopPrice,
 *        cumQuantity, cumPriceQuantity, pendingQuantity, pendingLimitPrice, pendingStopPrice,
 *        str venueOrderId, str pendingRequestId, int requestCount, then per cancel and replace, oldest first:
 *        str its client order id, byte 1 when that id finds the order, else 0;
 *        then (format 3 on) byte 0 (no reason) or (1, ref reason), what the venue last said refusing or ending it;
 *        then (format 4 on) int count, str per venue execution id booked, oldest first, and str reconciliation (null:
 *        nothing in doubt)
 * "FINI" int count, then per finished order held, in the order they finished: long orderId
 * "KILL" (format 4 on) int count, then per engaged kill switch, in the order engaged: str kind, str value,
 *        str engagedBy, str reason, long engagedAtNanos, then (format 5 on) str mode (HALT, REDUCE_ONLY)
 * "CRED" (format 5 on) long day (UTC days since the epoch of the credit's executed sums; Long.MIN_VALUE: none),
 *        int count, then per non-zero executed sum: str scope (ACCOUNT, TRADER, STRATEGY), str id, str currency,
 *        long value; int count, then per working market order valued at a reference: long orderId, long price
 * "PORT" int length (-1: the engine keeps no books), the account book's own snapshot (PortfolioSnapshotCodec)
 * "HASH" str the engine's stateHash() when the snapshot was taken
 * </pre>
 *
 * Strings as in the journal (int length and UTF-8, -1 for null). Enum constants are stored by name, as in the
 * journal, but once per snapshot: an order refers to a constant by its index in the "ENUM" table, which the reader
 * maps to its own constants by name. A {@code ref} is an int index into a table of the values met so far, its
 * definition following where it is the next index: an instrument id as a str, an attribution as its five strs, a
 * source as a str, a list of gate decisions as an int count and per decision str stage, checkId, version, outcome,
 * reason (a RejectReason's name) and text, a reason as a str. The journal encodes these again for every order; a book
 * of a million orders from a few strategies holds a handful of each, so the snapshot is a third the size, and the
 * restored orders share them as the orders of a running engine do. Each section starts with its four-letter tag, so
 * that a reader out of step fails at the next section rather than restoring nonsense. The working-order index is not
 * stored: it follows from the orders and is rebuilt as they are installed. The client order id index is stored as a
 * mark per id, since which order an id finds is not always its first owner's (a request id equal to another order's
 * id takes it over; forgetting an order takes its ids out). The order in which orders finished is stored: it decides
 * which ones are forgotten next, and nothing else records it. Whether an order is held for an override follows from
 * its decisions (a HOLD not followed by a RELEASED), so held orders need nothing of their own here.
 */
final class EngineSnapshot {
    static final int ENGINE = tag("ENGN");
    static final int ENUMS = tag("ENUM");
    static final int INSTRUMENTS = tag("INST");
    static final int ORDERS = tag("ORDR");
    static final int FINISHED = tag("FINI");
    static final int KILLS = tag("KILL");
    static final int CREDIT = tag("CRED");
    static final int ACCOUNTS = tag("PORT");
    static final int HASH = tag("HASH");

    /**
     * Every field of {@link OrderState} this codec stores or rebuilds. A test compares it with the class, so that a
     * field added there cannot be left out of snapshots unnoticed: add it to the format (and here) first.
     */
    static final Set<String> ORDER_FIELDS = Set.of(
            "orderId", "originalClientOrderId", "instrumentId", "venueId", "side", "type", "timeInForce",
            "attribution", "source", "decisions", "acceptedAtNanos", "quantity", "limitPrice", "stopPrice",
            "clientOrderId", "status", "venueOrderId", "cumQuantity", "cumPriceQuantity", "pendingRequestId",
            "statusBeforePending", "pendingQuantity", "pendingLimitPrice", "pendingStopPrice", "requestCount",
            "requestIds", "reason", "firstExecId", "secondExecId", "laterExecIds", "execIdCount", "reconciliation",
            // Derived, or rebuilt as orders are installed:
            "orderIdText", "chain", "previousWorking", "nextWorking", "previousFinished", "nextFinished",
            // Only needed within the run it was set in (see the field):
            "releasedAtNanos");

    /** A client order id and the order it finds. */
    record ClientId(ClientOrderId clientOrderId, long orderId) {
    }

    /**
     * A snapshot's body as read; nothing of the engine changes until it is installed.
     *
     * @param orders   the orders held, by id from the lowest one (null for an id not held)
     * @param finished the ids of the finished orders held, in the order they finished
     */
    record Content(long nextOrderId, long engineExecIds, List<Instrument> instruments, List<OrderState> orders,
                   List<ClientId> clientIds, long[] finished, List<KillSwitchState> killSwitches,
                   CreditBook.Saved credit, byte[] accounts, String stateHash) {
    }

    private EngineSnapshot() {
    }

    /** @param oldestFinished the first of {@code finishedCount} finished orders, linked by {@code nextFinished} */
    static void write(SnapshotOutput out, long nextOrderId, long engineExecIds, Collection<Instrument> instruments,
                      OrderSlots orders, OpenAddressingMap<ClientOrderId, OrderState> byClientId,
                      OrderState oldestFinished, int finishedCount, List<KillSwitchState> killSwitches,
                      CreditBook.Saved credit, AccountBook accounts, String stateHash) throws IOException {
        out.putInt(ENGINE).putLong(nextOrderId).putLong(engineExecIds);

        out.putInt(ENUMS);
        for (Class<? extends Enum<?>> type : List.of(Side.class, OrderType.class, TimeInForce.class,
                OrderStatus.class)) {
            Enum<?>[] constants = type.getEnumConstants();
            out.putInt(constants.length);
            for (Enum<?> constant : constants) {
                out.putString(constant.name());
            }
        }

        out.putInt(INSTRUMENTS).putInt(instruments.size());
        ByteBuffer definition = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        for (Instrument instrument : instruments) {
            InstrumentCodec.write(instrument, definition.clear());
            out.putInt(definition.position()).put(definition.flip());
        }

        out.putInt(ORDERS).putLong(orders.first()).putInt(Math.toIntExact(orders.end() - orders.first()));
        Refs<InstrumentId> instrumentIds = new Refs<>();
        Refs<Attribution> attributions = new Refs<>();
        Refs<String> sources = new Refs<>();
        Refs<List<GateDecision>> decisionLists = new Refs<>();
        Refs<String> reasons = new Refs<>();
        for (long id = orders.first(); id < orders.end(); id++) {
            OrderState order = orders.get(id);
            if (order == null) {
                out.putByte(0);
                continue;
            }
            out.putByte(byClientId.get(order.originalClientOrderId) == order ? 1 : 2)
                    .putAscii(order.originalClientOrderId.value());
            if (order.clientOrderId.equals(order.originalClientOrderId)) {
                out.putByte(0);
            } else {
                out.putByte(1).putAscii(order.clientOrderId.value());
            }
            out.putInt(instrumentIds.ref(order.instrumentId));
            if (instrumentIds.isNew) {
                out.putString(order.instrumentId.toString());
            }
            out.putByte(order.side.ordinal()).putByte(order.type.ordinal()).putByte(order.timeInForce.ordinal())
                    .putByte(order.status.ordinal())
                    .putByte(order.statusBeforePending == null ? -1 : order.statusBeforePending.ordinal());
            out.putInt(attributions.ref(order.attribution));
            if (attributions.isNew) {
                Attribution a = order.attribution;
                out.putString(a.strategyId()).putString(a.traderId()).putString(a.accountId())
                        .putString(a.deskId()).putString(a.clientId());
            }
            out.putInt(sources.ref(order.source));
            if (sources.isNew) {
                out.putString(order.source);
            }
            out.putInt(decisionLists.ref(order.decisions));
            if (decisionLists.isNew) {
                out.putInt(order.decisions.size());
                for (GateDecision decision : order.decisions) {
                    out.putString(decision.stage()).putString(decision.checkId()).putString(decision.version())
                            .putString(decision.outcome()).putEnum(decision.reason()).putString(decision.text());
                }
            }
            out.putLong(order.acceptedAtNanos).putLong(order.quantity).putLong(order.limitPrice)
                    .putLong(order.stopPrice).putLong(order.cumQuantity).putLong(order.cumPriceQuantity)
                    .putLong(order.pendingQuantity).putLong(order.pendingLimitPrice).putLong(order.pendingStopPrice);
            out.putString(order.venueOrderId)
                    .putString(order.pendingRequestId == null ? null : order.pendingRequestId.value())
                    .putInt(order.requestCount);
            for (int i = 0; i < order.requestCount; i++) {
                ClientOrderId requestId = order.requestIds[i];
                out.putAscii(requestId.value()).putByte(byClientId.get(requestId) == order ? 1 : 0);
            }
            if (out.formatVersion() < 3) {
                continue; // format 2 (only for tests of upgrades) has no reasons
            }
            if (order.reason == null) {
                out.putByte(0);
            } else {
                out.putByte(1).putInt(reasons.ref(order.reason));
                if (reasons.isNew) {
                    out.putString(order.reason);
                }
            }
            if (out.formatVersion() < 4) {
                continue; // format 3 (only for tests of upgrades) has no execution ids
            }
            out.putInt(order.execIdCount);
            for (int i = 0; i < order.execIdCount; i++) {
                out.putString(order.execId(i));
            }
            out.putString(order.reconciliation);
        }

        out.putInt(FINISHED).putInt(finishedCount);
        int listed = 0;
        for (OrderState order = oldestFinished; order != null; order = order.nextFinished, listed++) {
            out.putLong(order.orderId);
        }
        if (listed != finishedCount) {
            throw new IllegalStateException("the list of finished orders holds " + listed + ", not " + finishedCount);
        }
        if (out.formatVersion() >= 4) {
            out.putInt(KILLS).putInt(killSwitches.size());
            for (KillSwitchState kill : killSwitches) {
                out.putString(kill.scope().kind().name()).putString(kill.scope().value()).putString(kill.engagedBy())
                        .putString(kill.reason()).putLong(kill.engagedAtNanos());
                if (out.formatVersion() >= 5) {
                    out.putString(kill.mode().name());
                }
            }
        }
        if (out.formatVersion() >= 5) {
            out.putInt(CREDIT).putLong(credit.day()).putInt(credit.executed().size());
            for (CreditBook.Executed executed : credit.executed()) {
                out.putString(executed.scope().name()).putString(executed.id())
                        .putString(executed.currency().code()).putLong(executed.value());
            }
            long[] marketPrices = credit.marketPrices();
            out.putInt(marketPrices.length / 2);
            for (long value : marketPrices) {
                out.putLong(value);
            }
        }

        out.putInt(ACCOUNTS);
        if (accounts == null) {
            out.putInt(-1);
        } else {
            ByteBuffer books = ByteBuffer.allocate(accounts.snapshotSize());
            accounts.snapshot(books);
            out.putInt(books.flip().remaining()).put(books);
        }

        out.putInt(HASH).putString(stateHash);
    }

    /** @throws IOException naming the file and offset where the body is not what this version writes */
    static Content read(SnapshotInput in) throws IOException {
        expect(in, ENGINE);
        long nextOrderId = in.getLong();
        long engineExecIds = in.getLong();

        expect(in, ENUMS);
        Side[] sides = enumTable(in, Side.class);
        OrderType[] types = enumTable(in, OrderType.class);
        TimeInForce[] timesInForce = enumTable(in, TimeInForce.class);
        OrderStatus[] statuses = enumTable(in, OrderStatus.class);

        expect(in, INSTRUMENTS);
        int instrumentCount = count(in, "instrument");
        List<Instrument> instruments = new ArrayList<>(instrumentCount);
        for (int i = 0; i < instrumentCount; i++) {
            ByteBuffer definition = in.slice(in.getInt());
            instruments.add(InstrumentCodec.read(definition));
            if (definition.hasRemaining()) {
                throw in.problem("instrument " + i + " has " + definition.remaining() + " bytes its decoder did not"
                        + " read");
            }
        }

        expect(in, ORDERS);
        long first = in.getLong();
        if (first < 1) {
            throw in.problem("first order id " + first);
        }
        int slots = count(in, "order");
        List<OrderState> orders = new ArrayList<>(slots);
        List<ClientId> clientIds = new ArrayList<>();
        List<InstrumentId> instrumentIds = new ArrayList<>();
        List<Attribution> attributions = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<List<GateDecision>> decisionLists = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        // Format 2 kept no reasons: its orders are restored without one, as the engine that wrote it held them.
        boolean withReasons = in.formatVersion() >= 3;
        boolean withExecIds = in.formatVersion() >= 4;
        for (int i = 0; i < slots; i++) {
            long orderId = first + i;
            byte present = in.getByte();
            if (present == 0) {
                orders.add(null);
                continue;
            }
            if (present != 1 && present != 2) {
                throw in.problem("order slot " + orderId + " marked " + present);
            }
            ClientOrderId original = ClientOrderId.of(in.getString());
            if (present == 1) {
                clientIds.add(new ClientId(original, orderId));
            }
            ClientOrderId current = in.getByte() == 0 ? original : ClientOrderId.of(in.getString());
            int ref = ref(in, instrumentIds, "instrument id");
            if (ref == instrumentIds.size()) {
                instrumentIds.add(InstrumentId.parse(in.getString()));
            }
            InstrumentId instrumentId = instrumentIds.get(ref);
            Side side = constant(in, sides);
            OrderType type = constant(in, types);
            TimeInForce timeInForce = constant(in, timesInForce);
            OrderStatus status = constant(in, statuses);
            byte before = in.getByte();
            OrderStatus statusBeforePending = before == -1 ? null : constant(in, statuses, before);
            ref = ref(in, attributions, "attribution");
            if (ref == attributions.size()) {
                attributions.add(new Attribution(in.getString(), in.getString(), in.getString(), in.getString(),
                        in.getString()));
            }
            Attribution attribution = attributions.get(ref);
            ref = ref(in, sources, "source");
            if (ref == sources.size()) {
                sources.add(in.getString());
            }
            String source = sources.get(ref);
            ref = ref(in, decisionLists, "decision list");
            if (ref == decisionLists.size()) {
                int count = count(in, "decision");
                List<GateDecision> decisions = new ArrayList<>(count);
                for (int d = 0; d < count; d++) {
                    decisions.add(new GateDecision(in.getString(), in.getString(), in.getString(), in.getString(),
                            in.getEnum(RejectReason.class), in.getString()));
                }
                decisionLists.add(List.copyOf(decisions));
            }
            List<GateDecision> decisions = decisionLists.get(ref);
            long acceptedAt = in.getLong();
            long quantity = in.getLong();
            long limitPrice = in.getLong();
            long stopPrice = in.getLong();
            OrderState order = new OrderState(orderId, original, instrumentId, instrumentId.venueId(), side, type,
                    timeInForce, quantity, limitPrice, stopPrice, attribution, source, decisions, acceptedAt);
            order.clientOrderId = current;
            order.status = status;
            order.statusBeforePending = statusBeforePending;
            order.cumQuantity = in.getLong();
            order.cumPriceQuantity = in.getLong();
            order.pendingQuantity = in.getLong();
            order.pendingLimitPrice = in.getLong();
            order.pendingStopPrice = in.getLong();
            order.venueOrderId = in.getString();
            String pending = in.getString();
            order.pendingRequestId = pending == null ? null : ClientOrderId.of(pending);
            int requests = count(in, "request");
            for (int r = 0; r < requests; r++) {
                ClientOrderId requestId = ClientOrderId.of(in.getString());
                order.addRequest(requestId);
                byte finds = in.getByte();
                if (finds == 1) {
                    clientIds.add(new ClientId(requestId, orderId));
                } else if (finds != 0) {
                    throw in.problem("request id " + requestId + " of order " + orderId + " marked " + finds);
                }
            }
            if (withReasons) {
                byte hasReason = in.getByte();
                if (hasReason == 1) {
                    ref = ref(in, reasons, "reason");
                    if (ref == reasons.size()) {
                        reasons.add(in.getString());
                    }
                    order.reason = reasons.get(ref);
                } else if (hasReason != 0) {
                    throw in.problem("reason of order " + orderId + " marked " + hasReason);
                }
            }
            // Format 3 kept no execution ids: a venue's repeat of a report booked before the snapshot would be booked
            // again, so a node upgraded from it should take a new snapshot before its venues reconnect (it does at
            // its first batch past snapshotEveryRecords; the journal after the snapshot still carries its ids).
            if (withExecIds) {
                int execIds = count(in, "execution id");
                for (int e = 0; e < execIds; e++) {
                    String execId = in.getString();
                    if (execId == null) {
                        throw in.problem("execution id " + e + " of order " + orderId + " is null");
                    }
                    order.addExecId(execId);
                }
                order.reconciliation = in.getString();
            }
            orders.add(order);
        }

        expect(in, FINISHED);
        long[] finished = new long[count(in, "finished order")];
        for (int i = 0; i < finished.length; i++) {
            finished[i] = in.getLong();
        }

        List<KillSwitchState> killSwitches = new ArrayList<>();
        if (in.formatVersion() >= 4) {
            expect(in, KILLS);
            int kills = count(in, "kill switch");
            for (int i = 0; i < kills; i++) {
                String kind = in.getString();
                try {
                    KillScope scope = new KillScope(KillScope.Kind.valueOf(kind), in.getString());
                    String engagedBy = in.getString();
                    String reason = in.getString();
                    long engagedAtNanos = in.getLong();
                    KillSwitchState.Mode mode = in.formatVersion() >= 5 ? KillSwitchState.Mode.valueOf(in.getString())
                            : KillSwitchState.Mode.HALT;
                    killSwitches.add(new KillSwitchState(scope, engagedBy, reason, engagedAtNanos, mode));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw in.problem("kill switch " + i + " (" + kind + "): " + e.getMessage());
                }
            }
        }

        CreditBook.Saved credit = new CreditBook.Saved(Long.MIN_VALUE, List.of(), new long[0]);
        if (in.formatVersion() >= 5) {
            expect(in, CREDIT);
            long day = in.getLong();
            int sums = count(in, "executed credit sum");
            List<CreditBook.Executed> executed = new ArrayList<>(sums);
            for (int i = 0; i < sums; i++) {
                String scope = in.getString();
                try {
                    executed.add(new CreditBook.Executed(CreditScope.valueOf(scope), in.getString(),
                            Currency.of(in.getString()), in.getLong()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw in.problem("executed credit sum " + i + " (" + scope + "): " + e.getMessage());
                }
            }
            long[] marketPrices = new long[2 * count(in, "market order valued")];
            for (int i = 0; i < marketPrices.length; i++) {
                marketPrices[i] = in.getLong();
            }
            credit = new CreditBook.Saved(day, List.copyOf(executed), marketPrices);
        }

        expect(in, ACCOUNTS);
        int booksLength = in.getInt();
        byte[] accounts = booksLength == -1 ? null : in.bytes(booksLength);

        expect(in, HASH);
        String stateHash = in.getString();
        if (in.remaining() != 0) {
            throw in.problem(in.remaining() + " bytes after the last section");
        }
        return new Content(nextOrderId, engineExecIds, instruments, orders, clientIds, finished, killSwitches,
                credit, accounts, stateHash);
    }

    /**
     * Indexes of the values written so far, by equality: orders restored from the journal carry equal but distinct
     * attributions and decision lists. The last value is checked by identity first, since consecutive orders of a
     * running engine share the very instances.
     */
    private static final class Refs<T> {
        private final Map<T, Integer> indexes = new HashMap<>();
        private T last;
        private int lastIndex;
        /** Whether the value of the last {@link #ref} call was new, so its definition must follow. */
        boolean isNew;

        int ref(T value) {
            if (value == last && last != null) {
                isNew = false;
                return lastIndex;
            }
            Integer known = indexes.get(value);
            isNew = known == null;
            int index = isNew ? indexes.size() : known;
            if (isNew) {
                indexes.put(value, index);
            }
            last = value;
            lastIndex = index;
            return index;
        }
    }

    private static int ref(SnapshotInput in, List<?> table, String what) throws IOException {
        int ref = in.getInt();
        if (ref < 0 || ref > table.size()) {
            throw in.problem(what + " " + ref + " where " + table.size() + " are defined");
        }
        return ref;
    }

    /** The file's constants of {@code type}, in its order, as this version's (null for one it does not know). */
    private static <E extends Enum<E>> E[] enumTable(SnapshotInput in, Class<E> type) throws IOException {
        int count = count(in, type.getSimpleName());
        @SuppressWarnings("unchecked")
        E[] table = (E[]) java.lang.reflect.Array.newInstance(type, count);
        for (int i = 0; i < count; i++) {
            String name = in.getString();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    table[i] = constant;
                }
            }
        }
        return table;
    }

    private static <E extends Enum<E>> E constant(SnapshotInput in, E[] table) throws IOException {
        return constant(in, table, in.getByte());
    }

    private static <E extends Enum<E>> E constant(SnapshotInput in, E[] table, byte index) throws IOException {
        if (index < 0 || index >= table.length || table[index] == null) {
            throw in.problem("enum constant " + index + (index >= 0 && index < table.length
                    ? ", which this version does not know" : " of " + table.length));
        }
        return table[index];
    }

    private static void expect(SnapshotInput in, int tag) throws IOException {
        int found = in.getInt();
        if (found != tag) {
            throw in.problem("expected section " + name(tag) + ", found " + name(found));
        }
    }

    private static int count(SnapshotInput in, String what) throws IOException {
        int count = in.getInt();
        if (count < 0) {
            throw in.problem(what + " count " + count);
        }
        return count;
    }

    private static int tag(String name) {
        return name.charAt(0) | name.charAt(1) << 8 | name.charAt(2) << 16 | name.charAt(3) << 24;
    }

    private static String name(int tag) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            char c = (char) (tag >>> (8 * i) & 0xFF);
            name.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return "'" + name + "'";
    }
}

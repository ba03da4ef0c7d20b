package io.alphintra.simexchange.internal.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Records events as short strings so that tests can compare whole sequences; checks sequence numbers as it goes. */
final class RecordingListener implements MatchingListener {

    final List<String> events = new ArrayList<>();
    private long lastSeq;

    List<String> ofKind(String kind) {
        return events.stream().filter(e -> e.startsWith(kind + " ")).collect(Collectors.toList());
    }

    /** Everything except depth and top-of-book events, which most tests do not care about. */
    List<String> orderEvents() {
        return events.stream().filter(e -> !e.startsWith("LEVEL ") && !e.startsWith("TOP "))
                .collect(Collectors.toList());
    }

    void clear() {
        events.clear();
    }

    private void add(long seq, String event) {
        if (seq != lastSeq + 1) {
            throw new AssertionError("sequence gap: " + lastSeq + " -> " + seq + " at " + event);
        }
        lastSeq = seq;
        events.add(event);
    }

    @Override
    public void onAccepted(long seq, long orderId, long ownerId, Side side, OrderType type, TimeInForce tif,
                           long price, long stopPrice, long quantity) {
        add(seq, "ACCEPTED " + orderId);
    }

    @Override
    public void onRejected(long seq, long orderId, RejectReason reason) {
        add(seq, "REJECTED " + orderId + " " + reason);
    }

    @Override
    public void onTrade(long seq, long makerOrderId, long takerOrderId, long makerOwnerId, long takerOwnerId,
                        Side takerSide, long price, long quantity, long makerRemaining, long takerRemaining,
                        long makerFee, long takerFee) {
        add(seq, "TRADE maker=" + makerOrderId + " taker=" + takerOrderId + " " + takerSide + " " + quantity + "@"
                + price + " left=" + makerRemaining + "/" + takerRemaining + " fees=" + makerFee + "/" + takerFee);
    }

    @Override
    public void onCancelled(long seq, long orderId, long remainingQuantity, CancelReason reason) {
        add(seq, "CANCELLED " + orderId + " " + remainingQuantity + " " + reason);
    }

    @Override
    public void onReplaced(long seq, long orderId, long price, long quantity, boolean priorityKept) {
        add(seq, "REPLACED " + orderId + " " + quantity + "@" + price + (priorityKept ? " kept" : " lost"));
    }

    @Override
    public void onExpired(long seq, long orderId, long remainingQuantity) {
        add(seq, "EXPIRED " + orderId + " " + remainingQuantity);
    }

    @Override
    public void onStopTriggered(long seq, long orderId, long lastTradePrice) {
        add(seq, "TRIGGERED " + orderId + " at " + lastTradePrice);
    }

    @Override
    public void onLevelChanged(long seq, Side side, long price, long quantity, int orderCount) {
        add(seq, "LEVEL " + side + " " + price + " " + quantity + " x" + orderCount);
    }

    @Override
    public void onTopOfBook(long seq, long bidPrice, long bidQuantity, long askPrice, long askQuantity) {
        add(seq, "TOP " + bidQuantity + "@" + bidPrice + " " + askQuantity + "@" + askPrice);
    }
}

package ${package};

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;

/**
 * <b>Unit-test fake</b> of the venue's side of the wire, so that the adapter's own logic can be run through the
 * conformance suite without a network. It answers like a simple venue (acknowledges, rests and fills limit orders
 * against liquidity the test adds and charges fees, cancels, amends, lists open orders and its execution history,
 * publishes quotes and trades on request, drops the session on request) on its own thread, in decimal strings
 * and venue error codes. It is not a matching engine and not a simulator to trade against; replace it with the
 * venue's testnet for real conformance runs.
 */
public final class FakeVenueGateway implements VenueGateway {

    private static final class Resting {
        final String symbol;
        final Side side;
        final TimeInForce timeInForce;
        final String venueOrderId;
        String clientOrderId;
        BigDecimal quantity;
        BigDecimal price;
        BigDecimal filled = BigDecimal.ZERO;
        BigDecimal filledValue = BigDecimal.ZERO;

        Resting(String clientOrderId, String symbol, Side side, TimeInForce timeInForce, BigDecimal quantity,
                BigDecimal price, String venueOrderId) {
            this.clientOrderId = clientOrderId;
            this.symbol = symbol;
            this.side = side;
            this.timeInForce = timeInForce;
            this.quantity = quantity;
            this.price = price;
            this.venueOrderId = venueOrderId;
        }

        BigDecimal leaves() {
            return quantity.subtract(filled);
        }
    }

    /** Fee rates on the value of a fill. */
    private static final BigDecimal MAKER_FEE = new BigDecimal("0.0005");
    private static final BigDecimal TAKER_FEE = new BigDecimal("0.001");

    /** Liquidity available to takers of one side, added by the test. */
    private record Offer(String symbol, Side takerSide, BigDecimal price, BigDecimal[] quantity) {
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-venue");
        t.setDaemon(true);
        return t;
    });
    private final List<Instrument> instruments;
    private final Map<String, Resting> resting = new LinkedHashMap<>();
    private final Set<String> seenIds = new HashSet<>();
    private final List<Offer> offers = new ArrayList<>();
    private final List<VenueExecution> history = new ArrayList<>();
    private final Map<String, Set<String>> subscriptions = new HashMap<>();
    private Listener listener;
    private boolean up;
    private long sequence;

    public FakeVenueGateway(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    // ---------------------------------------------------------------- test controls

    /** Offers {@code quantity} at {@code price} to takers of {@code takerSide}; crosses resting orders first. */
    public void provideLiquidity(String symbol, Side takerSide, String price, String quantity) {
        thread.execute(() -> {
            BigDecimal[] left = {new BigDecimal(quantity)};
            BigDecimal offerPrice = new BigDecimal(price);
            for (Resting order : List.copyOf(resting.values())) {
                if (left[0].signum() == 0) {
                    break;
                }
                boolean crosses = order.symbol.equals(symbol) && order.side.isBuy() == takerSide.isBuy()
                        && (takerSide.isBuy() ? order.price.compareTo(offerPrice) >= 0
                                : order.price.compareTo(offerPrice) <= 0);
                if (crosses) {
                    BigDecimal quantityFilled = left[0].min(order.leaves());
                    left[0] = left[0].subtract(quantityFilled);
                    fill(order, quantityFilled, order.price, true);
                }
            }
            if (left[0].signum() > 0) {
                offers.add(new Offer(symbol, takerSide, offerPrice, left));
            }
        });
    }

    /** Publishes one event on {@code channel} for {@code symbol} if someone subscribed. */
    public void publish(String symbol, String channel) {
        thread.execute(() -> {
            if (!up || listener == null || !subscriptions.getOrDefault(symbol, Set.of()).contains(channel)) {
                return;
            }
            long now = System.currentTimeMillis() * 1_000_000L;
            if (channel.equals(QUOTES)) {
                listener.quote(symbol, "99.00", "500", "101.00", "700", now);
            } else {
                listener.trade(symbol, "100.00", "10", true, now);
            }
        });
    }

    /** Breaks the session as a network failure would. */
    public void dropSession() {
        thread.execute(() -> {
            if (up) {
                up = false;
                listener.sessionDown("connection reset (fake venue)");
            }
        });
    }

    // ---------------------------------------------------------------- VenueGateway

    @Override
    public void open(Listener newListener) {
        thread.execute(() -> {
            listener = newListener;
            up = true;
            listener.sessionUp();
        });
    }

    @Override
    public void close() {
        thread.execute(() -> {
            if (up) {
                up = false;
                subscriptions.clear();
                listener.sessionDown("closed by client");
            }
        });
    }

    @Override
    public CompletionStage<List<Instrument>> instruments() {
        return CompletableFuture.supplyAsync(() -> instruments, thread);
    }

    @Override
    public CompletionStage<List<VenueOrder>> openOrders() {
        return CompletableFuture.supplyAsync(() -> resting.values().stream()
                .map(o -> new VenueOrder(o.clientOrderId, o.venueOrderId, o.symbol, o.side, o.timeInForce,
                        o.quantity.toPlainString(), o.price.toPlainString(), o.filled.toPlainString(),
                        o.filledValue.toPlainString()))
                .toList(), thread);
    }

    @Override
    public CompletionStage<List<VenueExecution>> executionsSince(long sinceEpochNanos) {
        return CompletableFuture.supplyAsync(() -> history.stream().filter(e -> e.timeNanos() >= sinceEpochNanos)
                .toList(), thread);
    }

    @Override
    public void newOrder(String clientOrderId, String symbol, Side side, TimeInForce timeInForce, String quantity,
            String limitPrice) {
        thread.execute(() -> {
            long now = System.currentTimeMillis() * 1_000_000L;
            if (!seenIds.add(clientOrderId)) {
                listener.orderRejected(clientOrderId, "DUPLICATE_ID", "duplicate client order id", now);
                return;
            }
            if (instruments.stream().noneMatch(i -> i.id().symbol().equals(symbol))) {
                listener.orderRejected(clientOrderId, "UNKNOWN_SYMBOL", "no such symbol " + symbol, now);
                return;
            }
            Resting order = new Resting(clientOrderId, symbol, side, timeInForce, new BigDecimal(quantity),
                    new BigDecimal(limitPrice), "V" + (++sequence));
            resting.put(clientOrderId, order);
            listener.orderAccepted(clientOrderId, order.venueOrderId, now);
            offers.stream()
                    .filter(o -> o.symbol().equals(symbol) && o.takerSide() == side && o.quantity()[0].signum() > 0
                            && (side.isBuy() ? o.price().compareTo(order.price) <= 0
                                    : o.price().compareTo(order.price) >= 0))
                    .sorted(side.isBuy() ? Comparator.comparing(Offer::price)
                            : Comparator.comparing(Offer::price).reversed())
                    .forEach(offer -> {
                        BigDecimal quantityFilled = offer.quantity()[0].min(order.leaves());
                        if (quantityFilled.signum() > 0) {
                            offer.quantity()[0] = offer.quantity()[0].subtract(quantityFilled);
                            fill(order, quantityFilled, offer.price(), false);
                        }
                    });
            offers.removeIf(o -> o.quantity()[0].signum() == 0);
        });
    }

    @Override
    public void cancel(String cancelId, String clientOrderId, String symbol) {
        thread.execute(() -> {
            long now = System.currentTimeMillis() * 1_000_000L;
            Resting order = resting.remove(clientOrderId);
            if (order == null) {
                listener.cancelRejected(cancelId, clientOrderId, "UNKNOWN_ORDER", "no working order " + clientOrderId,
                        now);
            } else {
                String execId = "X" + (++sequence);
                history.add(new VenueExecution(ExecutionKind.CANCELED, execId, clientOrderId, cancelId,
                        order.venueOrderId, symbol, order.side, order.quantity.toPlainString(), null, null, false, null,
                        null, order.filled.toPlainString(), order.filledValue.toPlainString(), now));
                listener.orderCanceled(cancelId, clientOrderId, execId, now);
            }
        });
    }

    @Override
    public void amend(String newClientOrderId, String clientOrderId, String symbol, String quantity,
            String limitPrice) {
        thread.execute(() -> {
            long now = System.currentTimeMillis() * 1_000_000L;
            Resting order = resting.remove(clientOrderId);
            if (order == null) {
                listener.amendRejected(newClientOrderId, clientOrderId, "UNKNOWN_ORDER", "no working order", now);
                return;
            }
            order.clientOrderId = newClientOrderId;
            order.quantity = new BigDecimal(quantity);
            order.price = new BigDecimal(limitPrice);
            resting.put(newClientOrderId, order);
            listener.orderAmended(newClientOrderId, clientOrderId, quantity, limitPrice, now);
        });
    }

    @Override
    public void subscribe(String symbol, String channel) {
        thread.execute(() -> subscriptions.computeIfAbsent(symbol, s -> new HashSet<>()).add(channel));
    }

    @Override
    public void unsubscribe(String symbol, String channel) {
        thread.execute(() -> subscriptions.getOrDefault(symbol, new HashSet<>()).remove(channel));
    }

    /** Stops the fake's thread. */
    public void shutdown() {
        thread.shutdown();
    }

    private void fill(Resting order, BigDecimal quantity, BigDecimal price, boolean maker) {
        long now = System.currentTimeMillis() * 1_000_000L;
        String execId = "X" + (++sequence);
        BigDecimal value = quantity.multiply(price);
        String fee = value.multiply(maker ? MAKER_FEE : TAKER_FEE).toPlainString();
        String feeCurrency = instruments.stream().filter(i -> i.id().symbol().equals(order.symbol)).findFirst()
                .orElseThrow().quoteCurrency().code();
        order.filled = order.filled.add(quantity);
        order.filledValue = order.filledValue.add(value);
        if (order.leaves().signum() == 0) {
            resting.remove(order.clientOrderId);
        }
        history.add(new VenueExecution(ExecutionKind.FILL, execId, order.clientOrderId, null, order.venueOrderId,
                order.symbol, order.side, order.quantity.toPlainString(), quantity.toPlainString(),
                price.toPlainString(), maker, fee, feeCurrency, order.filled.toPlainString(),
                order.filledValue.toPlainString(), now));
        listener.orderFilled(order.clientOrderId, execId, quantity.toPlainString(), price.toPlainString(), maker, fee,
                feeCurrency, now);
    }
}

package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.internal.journal.Journal;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

/**
 * A seeded random life of orders against a venue the flow plays itself: acknowledgements, partial and full fills,
 * unsolicited cancels and expiries, venue and gate rejections, duplicate ids, cancels and replaces with both
 * answers, fills while a request is pending. Survives the engine it drives: after a restart, the flow goes on with
 * the recovered engine, answering the requests the crashed one had sent.
 */
final class RandomOrderFlow {
    static final Currency USD = Currency.of("USD");
    static final Instrument MSFT = new Equity(InstrumentId.of("MSFT", "SIMX"), USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    static final List<Instrument> INSTRUMENTS = List.of(CoreFixtures.AAPL, MSFT);
    static final List<String> ACCOUNTS = List.of("ACC-1", "ACC-2", "ACC-3");
    private static final List<OptionalLong> REFERENCE_PRICES = List.of(OptionalLong.empty(),
            OptionalLong.of(10_250));

    /** The latest cancel or replace the engine sent, by the client order id of the order it is about. */
    private final Map<ClientOrderId, Object> pendingRequests = new HashMap<>();
    private final Random random;
    private final ExchangeAdapter venue;
    private final OrderGate gate = new OrderGate("test");
    private long execIds;
    private int step;

    RandomOrderFlow(long seed) {
        random = new Random(seed);
        gate.putRuleSet(CoreFixtures.allowAll(Jurisdiction.US, "1.0.0"));
        venue = (ExchangeAdapter) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> {
                    if (args != null && args[0] instanceof CancelRequest cancel) {
                        pendingRequests.put(cancel.originalClientOrderId(), cancel);
                    } else if (args != null && args[0] instanceof ReplaceRequest replace) {
                        pendingRequests.put(replace.originalClientOrderId(), replace);
                    }
                    return null;
                });
    }

    /** A new engine on {@code journal} with books, not yet recovered, that keeps every order of a test's life. */
    EngineCore engine(Journal journal) {
        return engine(journal, 1 << 20);
    }

    /** A new engine on {@code journal} with books, not yet recovered, keeping this many finished orders. */
    EngineCore engine(Journal journal, int finishedOrdersKept) {
        return new EngineCore(journal, gate, CoreFixtures.venues(() -> venue, () -> true),
                new PortfolioAccounts(USD), (report, source, strategyId) -> { }, 16, finishedOrdersKept);
    }

    /** One event from a source or the venue, then the end of its batch. */
    void step(EngineCore engine) {
        act(engine, step++);
        engine.endOfBatch();
    }

    void steps(EngineCore engine, int count) {
        for (int i = 0; i < count; i++) {
            step(engine);
        }
    }

    private void act(EngineCore engine, int step) {
        List<OpenOrder> open = engine.openOrders();
        int choice = open.isEmpty() ? 0 : random.nextInt(11);
        OpenOrder order = open.isEmpty() ? null : open.get(random.nextInt(open.size()));
        boolean pending = order != null && (order.status() == OrderStatus.PENDING_CANCEL
                || order.status() == OrderStatus.PENDING_REPLACE);
        long now = step + 1L;
        switch (choice) {
            // Now and then while the venue is disconnected: the gate rejects it, and it is kept as rejected.
            case 0, 1, 2 -> engine.submit(newOrder(step), "shell:admin", CoreFixtures.inputs(
                    random.nextInt(20) != 0 ? () -> true : () -> false), now);
            case 3 -> {
                if (order.status() == OrderStatus.PENDING_NEW) {
                    engine.onVenueReport(report(order, ExecType.NEW, OrderStatus.NEW, order.quantity()).build(),
                            now);
                } else if (order.leavesQuantity() > 0) {
                    trade(engine, order, now);
                }
            }
            case 4, 5 -> {
                if (order.leavesQuantity() > 0) {
                    trade(engine, order, now);
                }
            }
            case 6 -> {
                if (pending) {
                    answer(engine, order, random.nextBoolean(), now);
                } else {
                    engine.cancel(order.clientOrderId(), "shell:admin", now);
                }
            }
            case 7 -> {
                if (pending) {
                    answer(engine, order, random.nextBoolean(), now);
                } else {
                    long quantity = order.cumQuantity() + 1 + random.nextInt(20);
                    long price = order.limitPrice() == OrderRequest.NO_PRICE ? ReplaceRequest.UNCHANGED
                            : 9_000 + random.nextInt(2_000);
                    engine.replace(order.clientOrderId(), quantity, price, ReplaceRequest.UNCHANGED, "shell:admin", CoreFixtures.inputs(() -> true),
                            now);
                }
            }
            case 8 -> {
                if (order.status() == OrderStatus.PENDING_NEW) {
                    engine.onVenueReport(report(order, ExecType.REJECTED, OrderStatus.REJECTED, order.quantity())
                            .leavesQuantity(0).rejectReason(RejectReason.OTHER).build(), now);
                } else {
                    ExecType end = random.nextBoolean() ? ExecType.CANCELED : ExecType.EXPIRED;
                    engine.onVenueReport(report(order, end, end == ExecType.CANCELED ? OrderStatus.CANCELED
                            : OrderStatus.EXPIRED, order.quantity()).leavesQuantity(0).build(), now);
                }
            }
            case 9 -> {
                // A source reusing a client order id: refused, and nothing about the order it names changes.
                engine.submit(OrderRequest.limit(order.clientOrderId(), CoreFixtures.AAPL, Side.BUY, 1, 10_000,
                        TimeInForce.DAY, CoreFixtures.WHO), "shell:admin", CoreFixtures.inputs(() -> true), now);
            }
            default -> {
                if (pending) {
                    answer(engine, order, true, now);
                }
            }
        }
    }

    private OrderRequest newOrder(int step) {
        ClientOrderId id = ClientOrderId.of("o" + step);
        Instrument instrument = INSTRUMENTS.get(random.nextInt(INSTRUMENTS.size()));
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long quantity = 1 + random.nextInt(20);
        Attribution who = new Attribution("s-" + random.nextInt(2), "alice",
                ACCOUNTS.get(random.nextInt(ACCOUNTS.size())), "desk", "client");
        long price = 9_000 + random.nextInt(2_000);
        return random.nextInt(4) == 0 ? OrderRequest.market(id, instrument, side, quantity, TimeInForce.DAY, who)
                : OrderRequest.limit(id, instrument, side, quantity, price, TimeInForce.DAY, who);
    }

    private void trade(EngineCore engine, OpenOrder order, long now) {
        long last = 1 + random.nextInt((int) order.leavesQuantity());
        long cum = order.cumQuantity() + last;
        long price = 9_000 + random.nextInt(2_000);
        boolean filled = cum == order.quantity();
        engine.onVenueReport(report(order, ExecType.TRADE, filled ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
                order.quantity()).cumQuantity(cum).leavesQuantity(order.quantity() - cum)
                .cumPriceQuantity(order.cumPriceQuantity() + last * price).lastQuantity(last).lastPrice(price)
                .liquidity(Liquidity.MAKER).fee(Money.of(USD, 5, 2)).build(), now);
    }

    /** The venue's answer to the order's pending cancel or replace. */
    private void answer(EngineCore engine, OpenOrder order, boolean done, long now) {
        Object request = pendingRequests.remove(order.clientOrderId());
        OrderStatus working = order.cumQuantity() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        if (request instanceof CancelRequest cancel) {
            ExecutionReport.Builder answer = done
                    ? report(order, ExecType.CANCELED, OrderStatus.CANCELED, order.quantity()).leavesQuantity(0)
                    : report(order, ExecType.CANCEL_REJECTED, working, order.quantity())
                            .rejectReason(RejectReason.TOO_LATE_TO_CANCEL);
            engine.onVenueReport(answer.clientOrderId(cancel.clientOrderId())
                    .originalClientOrderId(order.clientOrderId()).build(), now);
        } else if (request instanceof ReplaceRequest replace) {
            long quantity = replace.newQuantity() == ReplaceRequest.UNCHANGED ? order.quantity()
                    : replace.newQuantity();
            // Fills while the replace was on its way can leave nothing to replace: the venue refuses it then
            ExecutionReport.Builder answer = done && quantity > order.cumQuantity()
                    ? report(order, ExecType.REPLACED, working, quantity)
                    : report(order, ExecType.REPLACE_REJECTED, working, order.quantity())
                            .rejectReason(RejectReason.OTHER);
            engine.onVenueReport(answer.clientOrderId(replace.clientOrderId())
                    .originalClientOrderId(order.clientOrderId()).build(), now);
        }
    }

    private ExecutionReport.Builder report(OpenOrder order, ExecType type, OrderStatus status, long quantity) {
        return ExecutionReport.builder().clientOrderId(order.clientOrderId()).venueOrderId("V-" + order.orderId())
                .execId("X-" + (++execIds)).instrumentId(order.instrumentId()).side(order.side()).execType(type)
                .status(status).orderQuantity(quantity).cumQuantity(order.cumQuantity())
                .leavesQuantity(status.isTerminal() ? 0 : quantity - order.cumQuantity())
                .cumPriceQuantity(order.cumPriceQuantity()).liquidity(Liquidity.UNKNOWN).transactTimeNanos(1L);
    }

    /** The working-order index behind openNotional agrees with the definition: a scan of every order. */
    static void assertIndexAgreesWithTheScan(EngineCore engine) {
        List<OrderView> orders = engine.orders();
        for (Instrument instrument : INSTRUMENTS) {
            for (String account : ACCOUNTS) {
                for (OptionalLong reference : REFERENCE_PRICES) {
                    Money scanned = Money.zero(instrument.quoteCurrency());
                    for (OrderView order : orders) {
                        if (!order.status().isTerminal() && order.accountId().equals(account)
                                && order.instrumentId().equals(instrument.id())) {
                            long price = order.limitPrice() != OrderRequest.NO_PRICE ? order.limitPrice()
                                    : reference.orElse(0);
                            scanned = scanned.add(instrument.notional(Math.abs(price),
                                    order.quantity() - order.cumQuantity()));
                        }
                    }
                    assertThat(engine.openNotional(account, instrument, reference))
                            .as("%s in %s at reference %s", account, instrument.id(), reference)
                            .isEqualTo(scanned);
                }
            }
        }
    }
}

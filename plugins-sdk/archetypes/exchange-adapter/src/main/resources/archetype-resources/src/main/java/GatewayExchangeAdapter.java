package ${package};

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.CancelRequest;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.venue.ExchangeAdapter;
import io.alphintra.sdk.venue.VenueCapabilities;
import io.alphintra.sdk.venue.VenueListener;

/**
 * An {@link ExchangeAdapter} over a {@link VenueGateway}: it keeps the session's order state, checks orders
 * against the venue's reference data, converts between the SDK's fixed-point units and the venue's decimal
 * strings, maps the venue's error codes to {@link RejectReason}s, builds execution reports with exact cumulative
 * values, replays the venue's execution history with the venue's own execIds, and reconnects with back-off.
 *
 * <p>Threading: one adapter thread owns all state (single writer, no locks). Calls from the host and events from
 * the gateway are queued onto it, so no method blocks its caller and the {@link VenueListener} is always called
 * from the adapter thread, never re-entrantly from the host's.
 */
@Component(service = ExchangeAdapter.class, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = GatewayExchangeAdapter.Config.class, factory = true)
public final class GatewayExchangeAdapter implements ExchangeAdapter {

    @ObjectClassDefinition(name = "Alphintra exchange adapter", description = "One venue connection")
    @interface Config {
        @AttributeDefinition(description = "Venue id: the ISO 10383 MIC, or a short upper-case code")
        String venueId();

        @AttributeDefinition(description = "Display name")
        String venueName();

        @AttributeDefinition(description = "Jurisdiction code, e.g. US")
        String jurisdiction() default "US";

        @AttributeDefinition(description = "Main trading currency")
        String currency() default "USD";

        @AttributeDefinition(description = "The venue's time zone")
        String timeZone() default "UTC";

        @AttributeDefinition(description = "First reconnect delay in milliseconds; doubles up to 30 s")
        long reconnectDelayMillis() default 500;
    }

    private static final VenueCapabilities CAPABILITIES = new VenueCapabilities(Set.of(OrderType.LIMIT),
            Set.of(TimeInForce.DAY, TimeInForce.GTC), true, 0,
            Set.of(MarketDataType.TOP_OF_BOOK, MarketDataType.TRADES));
    private static final long MAX_RECONNECT_DELAY_NANOS = Duration.ofSeconds(30).toNanos();

    /** One order of this session, owned by the adapter thread. */
    private static final class WorkingOrder {
        final Instrument instrument;
        final OrderRequest request;
        ClientOrderId clientOrderId;
        ExecutionReport last;

        WorkingOrder(Instrument instrument, OrderRequest request) {
            this.instrument = instrument;
            this.request = request;
            this.clientOrderId = request.clientOrderId();
        }
    }

    private final VenueGateway gateway;
    private final Venue venue;
    private final long firstReconnectDelayNanos;
    private final ScheduledExecutorService thread;

    // Owned by the adapter thread.
    private final Map<InstrumentId, Instrument> referenceData = new HashMap<>();
    private final Map<String, WorkingOrder> orders = new HashMap<>();
    private final Set<String> usedClientOrderIds = new HashSet<>();
    private final Map<String, CancelRequest> pendingCancels = new HashMap<>();
    private final Map<String, ReplaceRequest> pendingReplaces = new HashMap<>();
    private final Set<String> subscriptions = new HashSet<>();
    private VenueListener listener;
    private boolean wanted;
    private boolean up;
    private long reconnectDelayNanos;
    private long execSequence;

    @Activate
    public GatewayExchangeAdapter(@Reference VenueGateway gateway, Config config) {
        this(gateway, new Venue(config.venueId(), config.venueName(), Jurisdiction.ofCode(config.jurisdiction()),
                Currency.of(config.currency()), TradingCalendar.alwaysOpen(ZoneId.of(config.timeZone()))),
                Duration.ofMillis(config.reconnectDelayMillis()));
    }

    public GatewayExchangeAdapter(VenueGateway gateway, Venue venue, Duration firstReconnectDelay) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.firstReconnectDelayNanos = firstReconnectDelay.toNanos();
        this.reconnectDelayNanos = firstReconnectDelayNanos;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "adapter-" + venue.id());
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the adapter thread; the component is done. */
    @Deactivate
    public void close() {
        thread.execute(() -> {
            wanted = false;
            gateway.close();
        });
        thread.shutdown();
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public VenueCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void connect(VenueListener newListener) {
        Objects.requireNonNull(newListener, "listener");
        thread.execute(() -> {
            listener = newListener;
            wanted = true;
            reconnectDelayNanos = firstReconnectDelayNanos;
            gateway.open(events);
        });
    }

    @Override
    public void disconnect() {
        thread.execute(() -> {
            wanted = false;
            gateway.close();
        });
    }

    @Override
    public CompletionStage<List<Instrument>> instruments() {
        return gateway.instruments();
    }

    @Override
    public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        String channel = channel(instrumentId, type);
        thread.execute(() -> {
            if (subscriptions.add(instrumentId + "/" + channel)) {
                gateway.subscribe(instrumentId.symbol(), channel);
            }
        });
    }

    @Override
    public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        String channel = channel(instrumentId, type);
        thread.execute(() -> {
            if (subscriptions.remove(instrumentId + "/" + channel)) {
                gateway.unsubscribe(instrumentId.symbol(), channel);
            }
        });
    }

    @Override
    public void submit(OrderRequest order) {
        Objects.requireNonNull(order, "order");
        requireOwnVenue(order.instrument().id());
        thread.execute(() -> onSubmit(order));
    }

    @Override
    public void cancel(CancelRequest request) {
        Objects.requireNonNull(request, "request");
        requireOwnVenue(request.instrumentId());
        thread.execute(() -> {
            if (!up) {
                emit(cancelReject(request.clientOrderId(), request.originalClientOrderId().value(),
                        RejectReason.VENUE_DISCONNECTED, "not connected"));
                return;
            }
            pendingCancels.put(request.clientOrderId().value(), request);
            gateway.cancel(request.clientOrderId().value(), request.originalClientOrderId().value(),
                    request.instrumentId().symbol());
        });
    }

    @Override
    public void replace(ReplaceRequest request) {
        Objects.requireNonNull(request, "request");
        requireOwnVenue(request.instrument().id());
        thread.execute(() -> onReplace(request));
    }

    @Override
    public CompletionStage<List<OpenOrder>> openOrders() {
        CompletableFuture<List<OpenOrder>> result = new CompletableFuture<>();
        gateway.openOrders().whenComplete((venueOrders, error) -> later(() -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            try {
                List<OpenOrder> open = new ArrayList<>();
                for (VenueGateway.VenueOrder each : venueOrders) {
                    open.add(toOpenOrder(each));
                }
                result.complete(List.copyOf(open));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    /**
     * Replays the venue's execution history as reports with the venue's own execIds, so that the host books a fill
     * it missed and recognises one it already has.
     */
    @Override
    public CompletionStage<List<ExecutionReport>> executionsSince(long sinceEpochNanos) {
        CompletableFuture<List<ExecutionReport>> result = new CompletableFuture<>();
        gateway.executionsSince(sinceEpochNanos).whenComplete((executions, error) -> later(() -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            try {
                List<ExecutionReport> reports = new ArrayList<>();
                for (VenueGateway.VenueExecution each : executions) {
                    reports.add(toReport(each));
                }
                result.complete(List.copyOf(reports));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    // ---------------------------------------------------------------- requests, on the adapter thread

    private void onSubmit(OrderRequest order) {
        String id = order.clientOrderId().value();
        RejectReason reason = null;
        String text = null;
        Instrument instrument = referenceData.get(order.instrument().id());
        if (!up) {
            reason = RejectReason.VENUE_DISCONNECTED;
            text = "not connected to " + venue.id();
        } else if (usedClientOrderIds.contains(id)) {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            text = "client order id " + id + " was already used in this session";
        } else if (instrument == null) {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
            text = order.instrument().id() + " is not listed on " + venue.id();
        } else if (!CAPABILITIES.supports(order.type(), order.timeInForce())) {
            reason = RejectReason.UNSUPPORTED_ORDER;
            text = order.type() + "/" + order.timeInForce() + " is not supported";
        } else if (!instrument.isValidPrice(order.limitPrice())) {
            // The host's reference data may be stale; the venue's grid decides.
            reason = RejectReason.INVALID_PRICE;
            text = "limitPrice " + instrument.describePrice(order.limitPrice()) + " is off the venue's grid";
        } else if (!instrument.isValidQuantity(order.quantity())) {
            reason = RejectReason.INVALID_QUANTITY;
            text = "quantity " + instrument.describeQuantity(order.quantity()) + " is off the venue's lot size";
        }
        if (reason != null) {
            emit(baseReport(order.clientOrderId(), order.instrument().id(), order.side(), order.quantity())
                    .execType(ExecType.REJECTED).status(OrderStatus.REJECTED).rejectReason(reason).text(text)
                    .build());
            return;
        }
        usedClientOrderIds.add(id);
        WorkingOrder working = new WorkingOrder(instrument, order);
        orders.put(id, working);
        gateway.newOrder(id, instrument.id().symbol(), order.side(), order.timeInForce(),
                Decimals.formatCompact(order.quantity(), instrument.quantityScale()),
                Decimals.formatCompact(order.limitPrice(), instrument.priceScale()));
    }

    private void onReplace(ReplaceRequest request) {
        String newId = request.clientOrderId().value();
        WorkingOrder working = orders.get(request.originalClientOrderId().value());
        RejectReason reason = null;
        if (!up) {
            reason = RejectReason.VENUE_DISCONNECTED;
        } else if (usedClientOrderIds.contains(newId)) {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        } else if (working == null) {
            reason = RejectReason.UNKNOWN_ORDER;
        } else if (request.changesStopPrice()) {
            reason = RejectReason.UNSUPPORTED_ORDER;
        } else if (request.changesLimitPrice() && !working.instrument.isValidPrice(request.newLimitPrice())) {
            reason = RejectReason.INVALID_PRICE;
        } else if (request.changesQuantity() && !working.instrument.isValidQuantity(request.newQuantity())) {
            reason = RejectReason.INVALID_QUANTITY;
        }
        if (reason != null) {
            ExecutionReport.Builder report = working != null && working.last != null ? working.last.toBuilder()
                    : baseReport(request.clientOrderId(), request.instrument().id(), request.side(), 1)
                            .status(OrderStatus.REJECTED);
            emit(report.execId(nextExecId()).clientOrderId(request.clientOrderId())
                    .originalClientOrderId(request.originalClientOrderId()).execType(ExecType.REPLACE_REJECTED)
                    .lastQuantity(0).lastPrice(0).liquidity(Liquidity.UNKNOWN).fee(null).rejectReason(reason)
                    .text("replace refused: " + reason).build());
            return;
        }
        usedClientOrderIds.add(newId);
        pendingReplaces.put(newId, request);
        Instrument instrument = working.instrument;
        long quantity = request.changesQuantity() ? request.newQuantity() : working.last.orderQuantity();
        long price = request.changesLimitPrice() ? request.newLimitPrice() : working.request.limitPrice();
        gateway.amend(newId, request.originalClientOrderId().value(), instrument.id().symbol(),
                Decimals.formatCompact(quantity, instrument.quantityScale()),
                Decimals.formatCompact(price, instrument.priceScale()));
    }

    // ---------------------------------------------------------------- venue events, queued onto the adapter thread

    private final VenueGateway.Listener events = new VenueGateway.Listener() {
        @Override
        public void sessionUp() {
            later(GatewayExchangeAdapter.this::onSessionUp);
        }

        @Override
        public void sessionDown(String reason) {
            later(() -> onSessionDown(reason));
        }

        @Override
        public void orderAccepted(String clientOrderId, String venueOrderId, long timeNanos) {
            later(() -> {
                WorkingOrder working = orders.get(clientOrderId);
                if (working == null) {
                    return;
                }
                OrderRequest order = working.request;
                working.last = baseReport(order.clientOrderId(), order.instrument().id(), order.side(),
                        order.quantity()).venueOrderId(venueOrderId).execType(ExecType.NEW).status(OrderStatus.NEW)
                        .leavesQuantity(order.quantity()).transactTimeNanos(timeNanos).build();
                emit(working.last);
            });
        }

        @Override
        public void orderRejected(String clientOrderId, String code, String text, long timeNanos) {
            later(() -> {
                WorkingOrder working = orders.remove(clientOrderId);
                if (working == null) {
                    return;
                }
                OrderRequest order = working.request;
                emit(baseReport(order.clientOrderId(), order.instrument().id(), order.side(), order.quantity())
                        .execType(ExecType.REJECTED).status(OrderStatus.REJECTED).rejectReason(reason(code))
                        .text(code + ": " + text).transactTimeNanos(timeNanos).build());
            });
        }

        @Override
        public void orderFilled(String clientOrderId, String execId, String quantity, String price, boolean maker,
                String fee, String feeCurrency, long timeNanos) {
            later(() -> {
                WorkingOrder working = orders.get(clientOrderId);
                if (working == null || working.last == null) {
                    return;
                }
                Instrument instrument = working.instrument;
                working.last = working.last.toBuilder()
                        .fill(Decimals.parse("quantity", quantity, instrument.quantityScale()),
                                Decimals.parse("price", price, instrument.priceScale()))
                        .execId(execId).originalClientOrderId(null)
                        .liquidity(maker ? Liquidity.MAKER : Liquidity.TAKER).fee(fee(fee, feeCurrency))
                        .transactTimeNanos(timeNanos).build();
                if (working.last.isTerminal()) {
                    orders.remove(clientOrderId);
                }
                emit(working.last);
            });
        }

        @Override
        public void orderCanceled(String cancelId, String clientOrderId, String execId, long timeNanos) {
            later(() -> {
                CancelRequest request = pendingCancels.remove(cancelId);
                WorkingOrder working = orders.remove(clientOrderId);
                if (working == null || working.last == null) {
                    return;
                }
                working.last = working.last.toBuilder().execId(execId)
                        .clientOrderId(request != null ? request.clientOrderId() : working.clientOrderId)
                        .originalClientOrderId(working.clientOrderId).execType(ExecType.CANCELED)
                        .status(OrderStatus.CANCELED).leavesQuantity(0).lastQuantity(0).lastPrice(0)
                        .liquidity(Liquidity.UNKNOWN).fee(null).transactTimeNanos(timeNanos).build();
                emit(working.last);
            });
        }

        @Override
        public void cancelRejected(String cancelId, String clientOrderId, String code, String text, long timeNanos) {
            later(() -> {
                CancelRequest request = pendingCancels.remove(cancelId);
                if (request == null) {
                    return;
                }
                emit(cancelReject(request.clientOrderId(), clientOrderId, reason(code), code + ": " + text));
            });
        }

        @Override
        public void orderAmended(String newClientOrderId, String clientOrderId, String quantity, String limitPrice,
                long timeNanos) {
            later(() -> {
                ReplaceRequest request = pendingReplaces.remove(newClientOrderId);
                WorkingOrder working = orders.remove(clientOrderId);
                if (request == null || working == null) {
                    return;
                }
                long newQuantity = Decimals.parse("quantity", quantity, working.instrument.quantityScale());
                working.clientOrderId = request.clientOrderId();
                working.last = working.last.toBuilder().execId(nextExecId()).clientOrderId(request.clientOrderId())
                        .originalClientOrderId(request.originalClientOrderId()).execType(ExecType.REPLACED)
                        .status(OrderStatus.REPLACED).orderQuantity(newQuantity)
                        .leavesQuantity(newQuantity - working.last.cumQuantity()).lastQuantity(0).lastPrice(0)
                        .liquidity(Liquidity.UNKNOWN).fee(null).transactTimeNanos(timeNanos).build();
                orders.put(newClientOrderId, working);
                emit(working.last);
            });
        }

        @Override
        public void amendRejected(String newClientOrderId, String clientOrderId, String code, String text,
                long timeNanos) {
            later(() -> {
                ReplaceRequest request = pendingReplaces.remove(newClientOrderId);
                WorkingOrder working = orders.get(clientOrderId);
                if (request == null || working == null || working.last == null) {
                    return;
                }
                emit(working.last.toBuilder().execId(nextExecId()).clientOrderId(request.clientOrderId())
                        .originalClientOrderId(request.originalClientOrderId()).execType(ExecType.REPLACE_REJECTED)
                        .lastQuantity(0).lastPrice(0).liquidity(Liquidity.UNKNOWN).fee(null)
                        .rejectReason(reason(code)).text(code + ": " + text).transactTimeNanos(timeNanos).build());
            });
        }

        @Override
        public void trade(String symbol, String price, String quantity, boolean buyerAggressor, long timeNanos) {
            later(() -> {
                Instrument instrument = referenceData.get(InstrumentId.of(symbol, venue.id()));
                if (instrument == null || listener == null
                        || !subscriptions.contains(instrument.id() + "/" + VenueGateway.TRADES)) {
                    return;
                }
                listener.onTrade(new TradeRecord(instrument.id(), instrument.parsePrice("price", price),
                        instrument.parseQuantity("quantity", quantity),
                        buyerAggressor ? AggressorSide.BUYER : AggressorSide.SELLER, timeNanos, System.nanoTime()));
            });
        }

        @Override
        public void quote(String symbol, String bidPrice, String bidSize, String askPrice, String askSize,
                long timeNanos) {
            later(() -> {
                Instrument instrument = referenceData.get(InstrumentId.of(symbol, venue.id()));
                if (instrument == null || listener == null
                        || !subscriptions.contains(instrument.id() + "/" + VenueGateway.QUOTES)) {
                    return;
                }
                listener.onTopOfBook(new TopOfBookRecord(instrument.id(), instrument.parsePrice("bidPrice", bidPrice),
                        instrument.parseQuantity("bidSize", bidSize), instrument.parsePrice("askPrice", askPrice),
                        instrument.parseQuantity("askSize", askSize), timeNanos, System.nanoTime()));
            });
        }
    };

    private void onSessionUp() {
        // Reference data first: orders are checked against it, and the host may send them right after onConnected.
        gateway.instruments().whenComplete((instruments, error) -> later(() -> {
            if (error != null) {
                onSessionDown("reference data failed: " + error);
                return;
            }
            referenceData.clear();
            for (Instrument instrument : instruments) {
                referenceData.put(instrument.id(), instrument);
            }
            up = true;
            reconnectDelayNanos = firstReconnectDelayNanos;
            for (String subscription : subscriptions) {
                int slash = subscription.lastIndexOf('/');
                gateway.subscribe(InstrumentId.parse(subscription.substring(0, slash)).symbol(),
                        subscription.substring(slash + 1));
            }
            listener.onConnected();
        }));
    }

    private void onSessionDown(String reason) {
        up = false;
        if (listener != null) {
            listener.onDisconnected(reason);
        }
        if (wanted) {
            long delay = reconnectDelayNanos;
            reconnectDelayNanos = Math.min(MAX_RECONNECT_DELAY_NANOS, reconnectDelayNanos * 2);
            thread.schedule(() -> {
                if (wanted && !up) {
                    gateway.open(events);
                }
            }, delay, TimeUnit.NANOSECONDS);
        }
    }

    // ---------------------------------------------------------------- conversions

    private OpenOrder toOpenOrder(VenueGateway.VenueOrder order) {
        Instrument instrument = referenceData.get(InstrumentId.of(order.symbol(), venue.id()));
        if (instrument == null) {
            throw new IllegalStateException("the venue lists an order in " + order.symbol()
                    + ", which its reference data does not have");
        }
        long quantity = instrument.parseQuantity("quantity", order.quantity());
        long filled = instrument.parseQuantity("filledQuantity", order.filledQuantity());
        long filledValue = Decimals.parse("filledValue", order.filledValue(),
                instrument.priceScale() + instrument.quantityScale());
        WorkingOrder working = order.clientOrderId() == null ? null : orders.get(order.clientOrderId());
        return new OpenOrder(null, order.clientOrderId() == null ? null : ClientOrderId.of(order.clientOrderId()),
                order.venueOrderId(), instrument.id(), order.side(), OrderType.LIMIT, order.timeInForce(), quantity,
                instrument.parsePrice("limitPrice", order.limitPrice()), OrderRequest.NO_PRICE,
                filled == 0 ? (working != null && working.last != null ? working.last.status() : OrderStatus.NEW)
                        : OrderStatus.PARTIALLY_FILLED,
                filled, quantity - filled, filledValue);
    }

    private ExecutionReport toReport(VenueGateway.VenueExecution execution) {
        Instrument instrument = referenceData.get(InstrumentId.of(execution.symbol(), venue.id()));
        if (instrument == null) {
            throw new IllegalStateException("the venue lists execution " + execution.execId() + " in "
                    + execution.symbol() + ", which its reference data does not have");
        }
        long orderQuantity = instrument.parseQuantity("orderQuantity", execution.orderQuantity());
        long filled = instrument.parseQuantity("filledQuantity", execution.filledQuantity());
        ExecutionReport.Builder report = ExecutionReport.builder().execId(execution.execId())
                .clientOrderId(ClientOrderId.of(execution.clientOrderId())).venueOrderId(execution.venueOrderId())
                .instrumentId(instrument.id()).side(execution.side()).orderQuantity(orderQuantity)
                .cumQuantity(filled).cumPriceQuantity(Decimals.parse("filledValue", execution.filledValue(),
                        instrument.priceScale() + instrument.quantityScale()))
                .transactTimeNanos(execution.timeNanos()).receiveTimeNanos(System.currentTimeMillis() * 1_000_000L);
        return switch (execution.kind()) {
            case FILL -> report.execType(ExecType.TRADE)
                    .lastQuantity(instrument.parseQuantity("quantity", execution.quantity()))
                    .lastPrice(instrument.parsePrice("price", execution.price())).leavesQuantity(orderQuantity - filled)
                    .status(filled == orderQuantity ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED)
                    .liquidity(execution.maker() ? Liquidity.MAKER : Liquidity.TAKER)
                    .fee(fee(execution.fee(), execution.feeCurrency())).build();
            case CANCELED -> report.clientOrderId(ClientOrderId.of(execution.cancelId() != null
                    ? execution.cancelId() : execution.clientOrderId()))
                    .originalClientOrderId(ClientOrderId.of(execution.clientOrderId())).execType(ExecType.CANCELED)
                    .status(OrderStatus.CANCELED).leavesQuantity(0).build();
        };
    }

    /** The venue's fee, exactly at the decimals it was given with ("0.0035" stays four places). */
    private static Money fee(String amount, String currency) {
        int point = amount.indexOf('.');
        return Money.parse(Currency.of(currency), amount, point < 0 ? 0 : amount.length() - point - 1);
    }

    /** The venue's error codes; unknown ones become OTHER with the code in the text. */
    private static RejectReason reason(String code) {
        return switch (code) {
            case "PRICE_FILTER" -> RejectReason.INVALID_PRICE;
            case "LOT_SIZE" -> RejectReason.INVALID_QUANTITY;
            case "UNKNOWN_SYMBOL" -> RejectReason.UNKNOWN_INSTRUMENT;
            case "DUPLICATE_ID" -> RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            case "UNKNOWN_ORDER" -> RejectReason.UNKNOWN_ORDER;
            case "TOO_LATE" -> RejectReason.TOO_LATE_TO_CANCEL;
            case "MARKET_CLOSED" -> RejectReason.VENUE_CLOSED;
            case "RATE_LIMIT" -> RejectReason.THROTTLED;
            default -> RejectReason.OTHER;
        };
    }

    private ExecutionReport cancelReject(ClientOrderId cancelId, String clientOrderId, RejectReason reason,
            String text) {
        WorkingOrder working = orders.get(clientOrderId);
        if (working != null && working.last != null) {
            return working.last.toBuilder().execId(nextExecId()).clientOrderId(cancelId)
                    .originalClientOrderId(working.clientOrderId).execType(ExecType.CANCEL_REJECTED).lastQuantity(0)
                    .lastPrice(0).liquidity(Liquidity.UNKNOWN).fee(null).rejectReason(reason).text(text).build();
        }
        CancelRequest request = pendingCancels.get(cancelId.value());
        InstrumentId instrumentId = request != null ? request.instrumentId() : InstrumentId.of("UNKNOWN", venue.id());
        // The order is unknown, so its quantity is too; the report needs a positive one and says REJECTED.
        return baseReport(cancelId, instrumentId, request != null ? request.side() : Side.BUY, 1)
                .originalClientOrderId(ClientOrderId.of(clientOrderId)).execType(ExecType.CANCEL_REJECTED)
                .status(OrderStatus.REJECTED).rejectReason(reason).text(text).build();
    }

    private ExecutionReport.Builder baseReport(ClientOrderId clientOrderId, InstrumentId instrumentId, Side side,
            long orderQuantity) {
        return ExecutionReport.builder().clientOrderId(clientOrderId).execId(nextExecId()).instrumentId(instrumentId)
                .side(side).orderQuantity(orderQuantity).transactTimeNanos(System.currentTimeMillis() * 1_000_000L)
                .receiveTimeNanos(System.currentTimeMillis() * 1_000_000L);
    }

    /** Queues venue events onto the adapter thread; after {@link #close()} they are dropped. */
    private void later(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closed) {
            // The component was deactivated; nobody listens any more.
        }
    }

    private String nextExecId() {
        return venue.id() + "-a" + (++execSequence);
    }

    private void emit(ExecutionReport report) {
        if (listener != null) {
            listener.onExecutionReport(report);
        }
    }

    private void requireOwnVenue(InstrumentId instrumentId) {
        Objects.requireNonNull(instrumentId, "instrumentId");
        if (!instrumentId.venueId().equals(venue.id())) {
            throw new IllegalArgumentException("instrumentId = " + instrumentId + ": not on this adapter's venue "
                    + venue.id());
        }
    }

    private String channel(InstrumentId instrumentId, MarketDataType type) {
        requireOwnVenue(instrumentId);
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case TOP_OF_BOOK -> VenueGateway.QUOTES;
            case TRADES -> VenueGateway.TRADES;
            default -> throw new IllegalArgumentException("type = " + type + ": not offered by " + venue.id()
                    + " (capabilities: " + CAPABILITIES.marketDataTypes() + ")");
        };
    }
}

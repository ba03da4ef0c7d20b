package io.alphintra.api.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.alphintra.access.LoginRefusedException;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertService;
import io.alphintra.cluster.ClusterService;
import io.alphintra.cluster.ClusterState;
import io.alphintra.cluster.NodeIdentity;
import io.alphintra.cluster.Region;
import io.alphintra.engine.CreditUsage;
import io.alphintra.engine.EngineListener;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.JournalDiskUse;
import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.MarketLine;
import io.alphintra.engine.OrderPage;
import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.PositionView;
import io.alphintra.engine.StrategyControl;
import io.alphintra.engine.StrategyInstance;
import io.alphintra.engine.StrategyType;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Small working stand-ins for the services the API delegates to. */
final class Fakes {
    static final Instrument AAPL = new Equity(InstrumentId.parse("AAPL@SIMX_US"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));

    private Fakes() {
    }

    /** Tokens {@code viewer}, {@code trader}, {@code risk}, {@code admin} stand for users of those roles. */
    static final class Access implements Authenticator {
        final List<String> loggedOut = new ArrayList<>();

        @Override
        public Optional<Caller> authenticate(String bearer) {
            return Role.of(bearer).map(role -> new Caller(role.id() + "-user", Set.of(role), "session:" + bearer));
        }

        @Override
        public Session login(String user, char[] password) throws LoginRefusedException {
            if (!"secret".equals(new String(password))) {
                throw new LoginRefusedException("wrong user name or password");
            }
            return new Session("trader", new Caller(user, Set.of(Role.TRADER), "session:1"),
                    Instant.parse("2030-01-01T00:00:00Z"));
        }

        @Override
        public void logout(String token) {
            loggedOut.add(token);
        }
    }

    /** An engine that keeps what it is sent, accepts every order unless its account is REJECT-ME. */
    static final class Engine implements TradingEngine {
        final List<OrderRequest> submitted = new ArrayList<>();
        final List<String> sources = new ArrayList<>();
        final Map<ClientOrderId, OrderView> orders = new ConcurrentHashMap<>();
        volatile boolean engaged;

        @Override
        public CompletionStage<ExecutionReport> submit(OrderRequest order, String source) {
            submitted.add(order);
            sources.add(source);
            boolean reject = order.attribution().accountId().equals("REJECT-ME");
            List<GateDecision> decisions = reject
                    ? List.of(new GateDecision("RISK", "order-size", "1.0.0", GateDecision.REJECT,
                            RejectReason.RISK_LIMIT, "too big"))
                    : List.of(new GateDecision("ENGINE", "account", "1", GateDecision.ACCEPT, null, null));
            orders.put(order.clientOrderId(), new OrderView("O-" + submitted.size(), order.clientOrderId(),
                    order.instrument().id(), order.side(), order.quantity(), order.limitPrice(),
                    reject ? OrderStatus.REJECTED : OrderStatus.PENDING_NEW, 0, order.attribution().strategyId(),
                    order.attribution().traderId(), order.attribution().accountId(), source, decisions,
                    reject ? "too big" : null));
            ExecutionReport.Builder report = ExecutionReport.builder().orderId("O-" + submitted.size())
                    .clientOrderId(order.clientOrderId()).execId("E-" + submitted.size())
                    .instrumentId(order.instrument().id()).side(order.side()).orderQuantity(order.quantity())
                    .transactTimeNanos(1_700_000_000_000_000_000L);
            if (reject) {
                report.execType(ExecType.REJECTED).status(OrderStatus.REJECTED).rejectReason(RejectReason.RISK_LIMIT)
                        .text("too big");
            } else {
                report.execType(ExecType.PENDING_NEW).status(OrderStatus.PENDING_NEW)
                        .leavesQuantity(order.quantity());
            }
            return CompletableFuture.supplyAsync(report::build);
        }

        @Override
        public CompletionStage<ExecutionReport> cancel(ClientOrderId clientOrderId, String source) {
            OrderView view = orders.get(clientOrderId);
            return CompletableFuture.completedFuture(ExecutionReport.builder().orderId(view.orderId())
                    .clientOrderId(clientOrderId).originalClientOrderId(clientOrderId).execId("C")
                    .instrumentId(view.instrumentId()).side(view.side()).orderQuantity(view.quantity())
                    .execType(ExecType.CANCEL_REJECTED).status(OrderStatus.NEW).leavesQuantity(view.quantity())
                    .rejectReason(RejectReason.TOO_LATE_TO_CANCEL).text("already pending").build());
        }

        @Override
        public CompletionStage<ExecutionReport> replace(ClientOrderId clientOrderId, long newQuantity,
                                                        long newLimitPrice, long newStopPrice, String source) {
            throw new UnsupportedOperationException("replace");
        }

        @Override
        public CompletionStage<List<OrderView>> orders() {
            return CompletableFuture.completedFuture(List.copyOf(orders.values()));
        }

        @Override
        public CompletionStage<Optional<OrderView>> order(ClientOrderId clientOrderId) {
            return CompletableFuture.completedFuture(Optional.ofNullable(orders.get(clientOrderId)));
        }

        @Override
        public CompletionStage<OrderPage> orders(OrderQuery query) {
            if ("bad".equals(query.cursor())) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("cursor 'bad' is malformed"));
            }
            return CompletableFuture.completedFuture(new OrderPage(orders.values().stream()
                    .filter(view -> query.accountId() == null || query.accountId().equals(view.accountId()))
                    .limit(query.limit()).toList(), null));
        }

        @Override
        public CompletionStage<List<OpenOrder>> openOrders() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<List<PositionView>> positions() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<List<MarketLine>> market() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void addListener(EngineListener listener) {
        }

        @Override
        public void removeListener(EngineListener listener) {
        }

        @Override
        public void subscribe(InstrumentId instrumentId, MarketDataType type) {
        }

        @Override
        public void unsubscribe(InstrumentId instrumentId, MarketDataType type) {
        }

        @Override
        public Optional<Instrument> instrument(InstrumentId instrumentId) {
            return AAPL.id().equals(instrumentId) ? Optional.of(AAPL) : Optional.empty();
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(AAPL);
        }

        @Override
        public List<Venue> venues() {
            return List.of();
        }

        @Override
        public Optional<Venue> venue(String venueId) {
            return Optional.empty();
        }

        @Override
        public JournalDiskUse journalDiskUse() {
            return new JournalDiskUse(Path.of("journal"), 1, 100, 0, 0, 1000);
        }

        @Override
        public CompletionStage<String> stateHash() {
            return CompletableFuture.completedFuture("hash");
        }

        @Override
        public CompletionStage<Integer> engageKillSwitch(KillScope scope, String who, String reason) {
            engaged = true;
            return CompletableFuture.completedFuture(3);
        }

        @Override
        public CompletionStage<Boolean> resetKillSwitch(KillScope scope, String who) {
            boolean was = engaged;
            engaged = false;
            return CompletableFuture.completedFuture(was);
        }

        @Override
        public CompletionStage<List<KillSwitchState>> killSwitches() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<List<CreditUsage>> credit() {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    static final class Strategies implements StrategyControl {
        @Override
        public List<StrategyType> types() {
            return List.of(new StrategyType("momentum", "io.alphintra.demo", "1.0.0"));
        }

        @Override
        public List<StrategyInstance> instances() {
            return List.of();
        }

        @Override
        public StrategyInstance create(String id, String type, Map<String, String> settings, String createdBy) {
            if (!settings.containsKey("accountId")) {
                throw new IllegalArgumentException("accountId: required");
            }
            return new StrategyInstance(id, type, "WAITING", null, null, List.of(), settings.get("accountId"),
                    "t", 0, settings);
        }

        @Override
        public String start(String id, String by) {
            throw new IllegalArgumentException("no strategy instance " + id);
        }

        @Override
        public String stop(String id, String by) {
            return "stopped " + id;
        }

        @Override
        public boolean remove(String id, String by) {
            return false;
        }
    }

    static final class Alerts implements AlertService {
        @Override
        public void raise(io.alphintra.alerts.Alert alert) {
        }

        @Override
        public List<AlertRecord> list(boolean includeAcknowledged, int limit) {
            return List.of();
        }

        @Override
        public Optional<AlertRecord> acknowledge(long id, String user, String note) {
            return Optional.empty();
        }
    }

    static ClusterService cluster() {
        return (ClusterService) java.lang.reflect.Proxy.newProxyInstance(Fakes.class.getClassLoader(),
                new Class<?>[] {ClusterService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "state" -> ClusterState.RUNNING;
                    case "localNode" -> new NodeIdentity("test", "node-1", Region.EMEA);
                    case "members" -> List.of();
                    case "failure" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

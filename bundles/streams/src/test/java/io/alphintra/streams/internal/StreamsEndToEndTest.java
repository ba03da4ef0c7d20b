package io.alphintra.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import io.alphintra.alerts.Alert;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.Severity;
import io.alphintra.config.support.ConfigReader;
import io.alphintra.engine.EngineListener;
import io.alphintra.engine.PositionView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.portfolio.Position;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The streams on a real Vert.x server, with JDK WebSocket clients: the protocol, authentication, limits and the
 * slow-client policy over real sockets. The engine and the authenticator are fakes.
 */
class StreamsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Caller ALICE = new Caller("alice", Set.of(Role.TRADER), "api-key:k1");

    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private volatile List<PositionView> positions = List.of();
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private HttpServer server;
    private StreamsComponent component;
    private final List<WebSocket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (WebSocket socket : sockets) {
            socket.abort();
        }
        if (component != null) {
            component.deactivate();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientAuthenticatesSubscribesToAnInstrumentAndGetsItsTopOfBook() throws Exception {
        start(Map.of());
        Client client = connect(null);
        client.send("{\"op\":\"auth\",\"token\":\"good\"}");
        assertThat(client.next()).isEqualTo(new JsonObject().put("type", "authenticated").put("user", "alice")
                .put("roles", new io.vertx.core.json.JsonArray().add("trader").add("viewer")));
        client.send("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"BTC-USD@SIMX_CRYPTO\"}");
        assertThat(client.next().getString("type")).isEqualTo("subscribed");

        engine().onTopOfBook(top(6_425_050));
        engine().onTopOfBook(new TopOfBookRecord(InstrumentId.parse("ETH-USD@SIMX_CRYPTO"), 1, 1, 2, 1,
                Fixtures.TIME, Fixtures.TIME));
        engine().onTopOfBook(top(6_425_100));

        JsonObject first = client.next();
        assertThat(first.getString("type")).isEqualTo("top");
        assertThat(first.getString("bid")).isEqualTo("64250.50");
        assertThat(client.next().getString("bid")).as("only the instrument subscribed to, in order")
                .isEqualTo("64251.00");

        client.send("{\"op\":\"unsubscribe\",\"channel\":\"market\",\"instrument\":\"BTC-USD@SIMX_CRYPTO\"}");
        assertThat(client.next().getString("type")).isEqualTo("unsubscribed");
        engine().onTopOfBook(top(6_425_150));
        client.send("{\"op\":\"subscribe\",\"channel\":\"executions\"}");
        assertThat(client.next().getString("type")).as("nothing from the market once unsubscribed")
                .isEqualTo("subscribed");
    }

    @Test
    void theAuthorizationHeaderAuthenticatesTheUpgradeAndABadOneIsRefusedWith401() throws Exception {
        start(Map.of());
        Client client = connect("Bearer good");
        assertThat(client.next().getString("user")).isEqualTo("alice");
        client.send("{\"op\":\"subscribe\",\"channel\":\"executions\"}");
        assertThat(client.next().getString("type")).isEqualTo("subscribed");
        ExecutionReport report = Fixtures.pendingNew("c-1");
        engine().onReport(report, "api:alice", "manual");
        JsonObject execution = client.next();
        assertThat(execution.getString("channel")).isEqualTo("executions");
        assertThat(execution.getString("clientOrderId")).isEqualTo("c-1");
        assertThat(execution.getString("source")).isEqualTo("api:alice");
        assertThat(execution.getString("strategy")).isEqualTo("manual");

        assertThatThrownBy(() -> connect("Bearer wrong")).hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> {
                    HttpResponse<?> response = ((WebSocketHandshakeException) e.getCause()).getResponse();
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
                    assertThat(String.valueOf(response.body())).contains("\"code\":\"UNAUTHENTICATED\"");
                });
    }

    @Test
    void aBadTokenOrNoTokenInTimeClosesWith4401() throws Exception {
        start(Map.of("authTimeoutMillis", "300"));
        Client bad = connect(null);
        bad.send("{\"op\":\"auth\",\"token\":\"wrong\"}");
        assertThat(bad.closed()).isEqualTo("4401 the token was refused: unknown, revoked, expired or malformed");

        Client silent = connect(null);
        assertThat(silent.closed()).startsWith("4401 not authenticated within 300 ms");
    }

    @Test
    void aStreamEndsWhenItsCredentialIsRevokedOrLoggedOut() throws Exception {
        start(Map.of("credentialCheckMillis", "200"));
        Client byMessage = connect(null);
        byMessage.send("{\"op\":\"auth\",\"token\":\"good-1\"}");
        assertThat(byMessage.next().getString("type")).isEqualTo("authenticated");
        Client byHeader = connect("Bearer good-2");
        assertThat(byHeader.next().getString("type")).isEqualTo("authenticated");
        Client untouched = connect("Bearer good-3");
        assertThat(untouched.next().getString("type")).isEqualTo("authenticated");

        authenticator.logout("good-1");
        authenticator.logout("good-2");
        assertThat(byMessage.closed()).isEqualTo("4401 the credential was revoked, logged out or expired");
        assertThat(byHeader.closed()).isEqualTo("4401 the credential was revoked, logged out or expired");
        Thread.sleep(600); // three more checks
        untouched.send("{\"op\":\"subscribe\",\"channel\":\"executions\"}");
        assertThat(untouched.next().getString("type")).as("a live credential keeps its stream").isEqualTo("subscribed");
    }

    @Test
    void badMessagesAreAnsweredWithErrorsUntilThereAreTooMany() throws Exception {
        start(Map.of());
        Client client = connect(null);
        client.send("{\"op\":\"subscribe\",\"channel\":\"executions\"}");
        assertThat(client.next().getString("code")).as("before auth").isEqualTo("UNAUTHENTICATED");
        client.send("{\"op\":\"auth\",\"token\":\"good\"}");
        assertThat(client.next().getString("type")).isEqualTo("authenticated");
        client.send("{nope");
        assertThat(client.next().getString("code")).isEqualTo("MALFORMED_JSON");
        client.send("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"DOGE-USD@SIMX_CRYPTO\"}");
        JsonObject unknown = client.next();
        assertThat(unknown.getString("code")).isEqualTo("NOT_FOUND");
        assertThat(unknown.getString("field")).isEqualTo("/instrument");
        for (int i = 3; i < StreamSession.MAX_ERRORS; i++) {
            client.send("{\"op\":\"dance\"}");
            assertThat(client.next().getString("code")).isEqualTo("VALIDATION_FAILED");
        }
        client.send("{\"op\":\"dance\"}");
        assertThat(client.next().getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(client.closed()).isEqualTo("1008 too many messages that could not be understood: 20");
    }

    @Test
    void aMessageOverTheLimitClosesWith1009() throws Exception {
        start(Map.of("maxFrameBytes", "256"));
        Client client = connect("Bearer good");
        client.next();
        client.send("{\"op\":\"subscribe\",\"channel\":\"alerts\",\"pad\":\"" + "x".repeat(200) + "\"}");
        assertThat(client.next().getString("type")).as("under the limit").isEqualTo("subscribed");
        client.send("{\"op\":\"subscribe\",\"channel\":\"alerts\",\"pad\":\"" + "x".repeat(300) + "\"}");
        assertThat(client.closed()).isEqualTo("1009 message over 256 bytes (maxFrameBytes)");
    }

    @Test
    void upgradesBeyondMaxClientsAreRefusedWith503AndAPlainGetWith400() throws Exception {
        start(Map.of("maxClients", "1"));
        Client first = connect("Bearer good");
        first.next();
        assertThatThrownBy(() -> connect("Bearer good")).hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(503));
        first.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        first.closed();
        Client again = awaitConnect("Bearer good");
        assertThat(again.next().getString("type")).as("a place freed by a close").isEqualTo("authenticated");

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri("http")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(plain.body()).getString("code")).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void positionsComeAsASnapshotThenWhatChangedAfterAFill() throws Exception {
        Position open = new Position("ACC-1", "manual", Fixtures.BTC_ID, 10_000_000, 6_425_050L * 10_000_000,
                Money.zero(Currency.USD), Fixtures.TIME);
        Position other = new Position("ACC-2", "manual", Fixtures.BTC_ID, 0, 0, Money.zero(Currency.USD),
                Fixtures.TIME);
        positions = List.of(new PositionView(open, Optional.empty()), new PositionView(other, Optional.empty()));
        start(Map.of());
        Client client = connect("Bearer good");
        client.next();
        client.send("{\"op\":\"subscribe\",\"channel\":\"positions\"}");
        assertThat(client.next().getString("type")).isEqualTo("subscribed");
        assertThat(List.of(client.next().getString("account"), client.next().getString("account")))
                .containsExactlyInAnyOrder("ACC-1", "ACC-2");

        Position bigger = new Position("ACC-1", "manual", Fixtures.BTC_ID, 20_000_000, 6_425_050L * 20_000_000,
                Money.zero(Currency.USD), Fixtures.TIME + 1);
        positions = List.of(new PositionView(bigger, Optional.of(Money.of(Currency.USD, 0, 2))),
                new PositionView(other, Optional.empty()));
        ExecutionReport fill = Fixtures.pendingNew("c-1").toBuilder().execId("E-2").fill(10_000_000, 6_425_050)
                .liquidity(Liquidity.TAKER).build();
        engine().onReport(fill, "api:alice", "manual");

        JsonObject changed = client.next();
        assertThat(changed.getString("account")).isEqualTo("ACC-1");
        assertThat(changed.getString("netQuantity")).isEqualTo("0.20000000");
        client.send("{\"op\":\"subscribe\",\"channel\":\"alerts\"}");
        assertThat(client.next().getString("type")).as("the unchanged position is not sent again")
                .isEqualTo("subscribed");
    }

    @Test
    void alertsGoToTheirSubscribers() throws Exception {
        start(Map.of());
        Client client = connect("Bearer good");
        client.next();
        client.send("{\"op\":\"subscribe\",\"channel\":\"alerts\"}");
        assertThat(client.next().getString("type")).isEqualTo("subscribed");
        component.onAlert(new AlertRecord(7, Alert.of("engine.halt", Severity.CRITICAL, "engine", "halted"), 1,
                Fixtures.TIME, Fixtures.TIME, null));
        JsonObject alert = client.next();
        assertThat(alert.getString("channel")).isEqualTo("alerts");
        assertThat(alert.getLong("id")).isEqualTo(7);
        assertThat(alert.getString("key")).isEqualTo("engine.halt");
    }

    @Test
    void aClientThatStopsReadingIsClosedWith4008WhileAFastOneGetsEverything() throws Exception {
        int limit = 50;
        start(Map.of("clientBufferMessages", String.valueOf(limit)));
        Client fast = connect("Bearer good");
        fast.next();
        fast.send("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"*\"}");
        assertThat(fast.next().getString("type")).isEqualTo("subscribed");
        Client slow = connect("Bearer good");
        slow.next();
        slow.send("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"*\"}");
        assertThat(slow.next().getString("type")).isEqualTo("subscribed");
        slow.pause();

        int published = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (component.closedForFallingBehind() == 0 && System.nanoTime() < deadline) {
            long bid = 1_000_000 + published;
            engine().onTopOfBook(top(bid));
            published++;
            // In step with the fast client, so the dispatcher is never the one behind.
            assertThat(fast.next().getString("bid")).isEqualTo(io.alphintra.sdk.money.Decimals.format(bid, 2));
        }
        System.out.printf("A paused JDK WebSocket client was closed after %d top-of-book messages (limit %d)%n",
                published, limit);
        assertThat(component.closedForFallingBehind()).isEqualTo(1);
        // Reading again, it gets what was buffered for it and then the close frame, queued behind them.
        slow.resume();
        assertThat(slow.closed()).isEqualTo("4008 client cannot keep up: " + limit + " messages buffered");
        List<JsonObject> buffered = new ArrayList<>(slow.messages);
        assertThat(buffered.size()).as("what it was sent before the close").isBetween(published - 2, published - 1);
        for (int i = 0; i < buffered.size(); i++) {
            assertThat(buffered.get(i).getString("bid")).as("message %d, in order", i)
                    .isEqualTo(io.alphintra.sdk.money.Decimals.format(1_000_000 + i, 2));
        }
        engine().onTopOfBook(top(42));
        assertThat(fast.next().getString("bid")).as("the fast one goes on").isEqualTo("0.42");
    }

    private void start(Map<String, String> config) throws Exception {
        vertx = Vertx.vertx();
        authenticator = fakeAuthenticator();
        component = new StreamsComponent(fakeEngine(), authenticator,
                ConfigReader.typed(StreamsConfig.class, config), new HashMap<>(config));
        Router router = Router.router(vertx);
        component.addTo(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private EngineListener engine() {
        assertThat(listeners).hasSize(1);
        return listeners.get(0);
    }

    private static TopOfBookRecord top(long bid) {
        return new TopOfBookRecord(Fixtures.BTC_ID, bid, 50_000_000, bid + 50, 20_000_000, Fixtures.TIME,
                Fixtures.TIME);
    }

    private URI uri(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + server.actualPort() + "/api/v1/stream");
    }

    private Client connect(String authorization) throws Exception {
        Client client = new Client();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            client.socket = builder.buildAsync(uri("ws"), client).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("upgrade refused", e.getCause());
        }
        sockets.add(client.socket);
        return client;
    }

    /** Connects once the server has seen the last close (it frees the place on its own event loop). */
    private Client awaitConnect(String authorization) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return connect(authorization);
            } catch (IllegalStateException refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(20);
            }
        }
    }

    private TradingEngine fakeEngine() {
        return (TradingEngine) Proxy.newProxyInstance(TradingEngine.class.getClassLoader(),
                new Class<?>[] {TradingEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "addListener" -> {
                        listeners.add((EngineListener) args[0]);
                        yield null;
                    }
                    case "removeListener" -> {
                        listeners.remove(args[0]);
                        yield null;
                    }
                    case "instrument" -> Fixtures.BTC_ID.equals(args[0]) ? Optional.of(Fixtures.BTC)
                            : Optional.empty();
                    case "positions" -> CompletableFuture.completedFuture(positions);
                    case "toString" -> "fake engine";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Authenticator authenticator;
    /** Tokens logged out (or keys revoked) through the fake authenticator. */
    private final java.util.Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Takes "good" and any "good-..." token until it is logged out. */
    private Authenticator fakeAuthenticator() {
        return new Authenticator() {
            @Override
            public Optional<Caller> authenticate(String bearer) {
                return bearer.startsWith("good") && !revoked.contains(bearer) ? Optional.of(ALICE) : Optional.empty();
            }

            @Override
            public Session login(String user, char[] password) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void logout(String token) {
                revoked.add(token);
            }
        };
    }

    /** A JDK WebSocket client that reads one message at a time into a queue, unless paused. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<String> close = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        volatile boolean paused;
        WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletableFuture<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletableFuture<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            close.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            close.complete("error " + error);
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        }

        JsonObject next() throws InterruptedException {
            JsonObject message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT + (close.isDone() ? "; closed: "
                        + close.getNow(null) : ""));
            }
            return message;
        }

        String closed() throws Exception {
            return close.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean closeSeen() {
            return close.isDone();
        }

        void pause() {
            paused = true;
        }

        void resume() {
            paused = false;
            socket.request(Long.MAX_VALUE);
        }
    }
}

package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.alphintra.engine.TradingEngine;
import io.alphintra.http.HttpEndpoint;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.vertx.core.json.JsonObject;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The WebSocket streams on the real distribution, with the JDK's WebSocket client: a client authenticated with an API
 * key an admin created in the shell receives the market of a simulated instrument and the report of an order it sent;
 * a missing or bad credential is closed with 4401; and a client that logged in over the API and then stops reading is
 * closed with 4008 while the node stays healthy and the engine keeps answering.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StreamsIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration MESSAGE = Duration.ofSeconds(30);
    private static final String BTC = "BTC-USD@SIMX_CRYPTO";
    private static final Pattern KEY = Pattern.compile("ak_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");
    private static final Pattern TWO_DECIMALS = Pattern.compile("\\d+\\.\\d{2}");
    /** The buffer the slow-client test sets, small so that the sockets' own buffers fill in seconds, not minutes. */
    private static final int SMALL_BUFFER = 100;

    @Inject
    private TradingEngine engine;
    @Inject
    private HttpEndpoint http;
    @Inject
    private SessionFactory sessionFactory;
    @Inject
    private ConfigurationAdmin configurationAdmin;
    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(KarafNode.options(),
                // A person of the node who logs in over the API (the properties realm reads roles after the password).
                editConfigurationFilePut("etc/users.properties", "streams-viewer", "streams-viewer-pw,viewer,ssh"));
    }

    @Test
    public void aClientWithAnApiKeyGetsTheMarketOfAnInstrumentAndTheReportOfItsOrder() throws Exception {
        EngineCalls.awaitInstrument(engine, InstrumentId.parse(BTC), WAIT);
        String key = apiKey("streams-trader", "trader");
        try (StreamClient client = StreamClient.open(http.baseUrl(), null)) {
            client.send(new JsonObject().put("op", "auth").put("token", key).encode());
            JsonObject hello = json(client.await("the authentication's answer", MESSAGE, m -> true));
            assertEquals(hello.encode(), "authenticated", hello.getString("type"));
            assertEquals("streams-trader", hello.getString("user"));

            client.send("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"" + BTC + "\"}");
            client.await("the market subscription's acknowledgement", MESSAGE, m -> json(m).getString("type", "")
                    .equals("subscribed"));
            JsonObject top = json(client.await("a top of book of " + BTC, MESSAGE,
                    m -> "top".equals(json(m).getString("type"))));
            assertEquals("market", top.getString("channel"));
            assertEquals(BTC, top.getString("instrument"));
            assertTrue("prices in the instrument's precision: " + top, (top.getValue("ask") == null
                    || TWO_DECIMALS.matcher(top.getString("ask")).matches()) && (top.getValue("bid") == null
                    || TWO_DECIMALS.matcher(top.getString("bid")).matches()));
            assertTrue("sizes to 8 decimals: " + top, top.getString("askSize").matches("\\d+\\.\\d{8}"));

            client.send("{\"op\":\"subscribe\",\"channel\":\"executions\"}");
            client.await("the executions subscription's acknowledgement", MESSAGE,
                    m -> "executions".equals(json(m).getString("channel")) && "subscribed".equals(json(m)
                            .getString("type")));
            String submitted = ShellCommands.run(sessionFactory, "streams-trader", "trader",
                    "alphintra:order-submit --id st-1 --account ACC-IT --tif IOC BUY 0.001 " + BTC + " 1");
            assertTrue(submitted, submitted.contains("PENDING_NEW"));
            JsonObject report = json(client.await("the report of order st-1", MESSAGE,
                    m -> "executions".equals(json(m).getString("channel"))
                            && "st-1".equals(json(m).getString("clientOrderId"))));
            assertEquals(report.encode(), "shell:streams-trader", report.getString("source"));
            assertEquals(BTC, report.getString("instrument"));
            assertEquals("0.00100000", report.getString("orderQuantity"));
            assertEquals("BUY", report.getString("side"));
        }
    }

    @Test
    public void aMissingOrBadCredentialIsClosedWith4401() throws Exception {
        try (StreamClient bad = StreamClient.open(http.baseUrl(), null)) {
            bad.send("{\"op\":\"auth\",\"token\":\"ak_aaaaaaaaaaaa_" + "A".repeat(43) + "\"}");
            assertEquals("4401 the token was refused: unknown, revoked, expired or malformed",
                    bad.closed(MESSAGE));
        }
        try (StreamClient silent = StreamClient.open(http.baseUrl(), null)) {
            silent.send("{\"op\":\"subscribe\",\"channel\":\"executions\"}");
            JsonObject refused = json(silent.await("the refusal of a subscription before auth", MESSAGE, m -> true));
            assertEquals(refused.encode(), "UNAUTHENTICATED", refused.getString("code"));
            String closed = silent.closed(MESSAGE);
            assertTrue(closed, closed.startsWith("4401 not authenticated within 5000 ms"));
        }
        try {
            StreamClient.open(http.baseUrl(), "Bearer not-a-key").close();
            fail("an upgrade with a bad Authorization header is refused");
        } catch (CompletionException e) {
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof WebSocketHandshakeException);
            assertEquals(401, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        }
    }

    @Test
    public void aClientThatStopsReadingIsClosedWith4008AndTheNodeStaysHealthy() throws Exception {
        Instrument btc = EngineCalls.awaitInstrument(engine, InstrumentId.parse(BTC), WAIT);
        String token = sessionToken("streams-viewer", "streams-viewer-pw");
        org.osgi.service.cm.Configuration streams = configurationAdmin.getConfiguration("io.alphintra.streams", "?");
        Map<String, Object> shipped = properties(streams.getProperties());
        try (ConfigChanges changes = new ConfigChanges(bundleContext, configurationAdmin, "StreamsIT", WAIT);
                NodeLog log = NodeLog.listen(bundleContext, "StreamsIT-closes")) {
            changes.update(streams, ConfigChanges.with(shipped, "clientBufferMessages",
                    String.valueOf(SMALL_BUFFER)), new ConfigChanges.Answer("io.alphintra.streams.",
                    "Streams configuration in force", "Invalid configuration io.alphintra.streams"));
            try (StreamClient slow = StreamClient.open(http.baseUrl(), "Bearer " + token)) {
                JsonObject hello = json(slow.await("the authentication's answer", MESSAGE, m -> true));
                assertEquals(hello.encode(), "streams-viewer", hello.getString("user"));
                slow.send("{\"op\":\"subscribe\",\"channel\":\"executions\"}");
                slow.send("{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"*\"}");
                slow.await("the market subscription", MESSAGE, m -> "market".equals(json(m).getString("channel"))
                        && "subscribed".equals(json(m).getString("type")));
                slow.pause();

                // Reports by the thousand: IOC bids far below the market, each acknowledged and cancelled at once.
                Attribution desk = new Attribution("manual", "itest", "ACC-IT", "operations", "house");
                int sent = 0;
                long deadline = System.nanoTime() + WAIT.toNanos();
                CompletableFuture<NodeLog.Line> closedLine = CompletableFuture.supplyAsync(() -> log.await(
                        "the 4008 close of the stream that stopped reading", WAIT,
                        line -> line.message().contains("with 4008: client cannot keep up: " + SMALL_BUFFER
                                + " messages buffered")));
                while (!closedLine.isDone() && System.nanoTime() < deadline) {
                    List<CompletableFuture<ExecutionReport>> wave = new ArrayList<>();
                    for (int i = 0; i < 200; i++, sent++) {
                        wave.add(engine.submit(OrderRequest.limit(ClientOrderId.of("slow-" + sent), btc, Side.BUY,
                                btc.parseQuantity("quantity", "0.001"), btc.parsePrice("price", "1000"),
                                TimeInForce.IOC, desk), "itest").toCompletableFuture());
                    }
                    for (CompletableFuture<ExecutionReport> answer : wave) {
                        EngineCalls.answer("an order of the wave", answer, MESSAGE);
                    }
                }
                NodeLog.Line line = closedLine.join();
                System.out.println("StreamsIT: " + line + " after " + sent + " orders");

                Http.Response health = Http.get(http.baseUrl() + "/health");
                assertEquals(health.body(), 200, health.status());
                ExecutionReport after = EngineCalls.submit(engine, OrderRequest.limit(ClientOrderId.of("after-slow"),
                        btc, Side.BUY, btc.parseQuantity("quantity", "0.001"), btc.parsePrice("price", "1000"),
                        TimeInForce.IOC, desk), "itest");
                assertEquals("the engine keeps answering", ExecType.PENDING_NEW, after.execType());

                // Reading again, the client gets what was already on its way, then the close queued behind it.
                slow.resume();
                assertEquals("4008 client cannot keep up: " + SMALL_BUFFER + " messages buffered",
                        slow.closed(MESSAGE));
            }
        } finally {
            streams.update(new java.util.Hashtable<>(shipped));
        }
    }

    private String apiKey(String user, String role) throws Exception {
        String created = ShellCommands.run(sessionFactory, "streams-admin", "admin",
                "alphintra:apikey-create --user " + user + " --role " + role + " --label \"streams IT\"");
        Matcher matcher = KEY.matcher(created);
        assertTrue(created, matcher.find());
        return matcher.group();
    }

    /** A session token from {@code POST /api/v1/session}, as the dashboard gets one. */
    private String sessionToken(String user, String password) throws Exception {
        java.net.http.HttpResponse<String> login = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.baseUrl() + "/api/v1/session"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject().put("user", user)
                                .put("password", password).encode()))
                        .timeout(Duration.ofSeconds(30)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(login.body(), 201, login.statusCode());
        return json(login.body()).getString("token");
    }

    private static JsonObject json(String message) {
        return new JsonObject(message);
    }

    private static Map<String, Object> properties(Dictionary<String, Object> dictionary) {
        Map<String, Object> properties = new HashMap<>();
        if (dictionary != null) {
            for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements(); ) {
                String name = keys.nextElement();
                properties.put(name, dictionary.get(name));
            }
        }
        return properties;
    }
}

package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.alphintra.itest.ApiClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The REST API on a real node: one node unpacked from the built distribution and started with {@code bin/karaf}, as
 * {@link AccessIT} does, with a viewer, a trader and a risk user added to {@code etc/users.properties}. Credentials
 * come from {@code POST /session} (the JAAS login end to end) and from an API key made over SSH. Every route is
 * called on its happy path, without and with a bad credential, by a role that may not, and with what it must refuse.
 */
public class ApiIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final String BTC = "BTC-USD@SIMX_CRYPTO";

    private static NodeProcess node;
    private static NodeShell shell;
    private static ApiClient api;
    private static String adminPassword;
    private static String viewer;
    private static String trader;
    private static String risk;
    private static String admin;

    @BeforeClass
    public static void startNode() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "api").toAbsolutePath());
        node = NodeProcess.unpack(root.resolve("node"), "api-1", "EMEA", KarafNode.freePort(), "");
        // A strategy type for POST /strategies to make instances of (itest-probe), hot-deployed like a firm's bundle.
        Files.copy(Path.of(System.getProperty("alphintra.strategy.probe.jar")),
                node.home().resolve("deploy/strategy-probe.jar"));
        node.start();
        Poll.until("the node is healthy", START, node::health, node::healthy);
        adminPassword = NodeShell.adminPassword(node);
        Files.writeString(node.home().resolve("etc/users.properties"),
                "\nviewer = viewer-pw-1,_g_:viewergroup\ntrader = trader-pw-1,_g_:tradergroup\n"
                        + "risk = risk-pw-1,_g_:riskgroup\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        shell = NodeShell.of(node);
        api = new ApiClient(NodeShell.port(node, "io.alphintra.http.cfg", "port"));
        Poll.until("the API answers", START, () -> api.get("/openapi.json", null).toString(),
                () -> api.get("/openapi.json", null).status() == 200);
        viewer = api.login("viewer", "viewer-pw-1");
        trader = api.login("trader", "trader-pw-1");
        risk = api.login("risk", "risk-pw-1");
        admin = api.login("admin", adminPassword);
    }

    @AfterClass
    public static void everyOperationOfTheServedContractWasCalledOnItsHappyPathThenStop() throws IOException {
        try {
            if (api != null) {
                List<String> untested = api.operationsNeverSucceeded();
                assertTrue("operations of the served contract no test took on its happy path: " + untested,
                        untested.isEmpty());
            }
        } finally {
            stopNode();
        }
    }

    private static void stopNode() throws IOException {
        if (shell != null) {
            shell.close();
        }
        if (node != null) {
            node.stop();
        }
    }

    @Test
    public void loginsAreTheNodeUsersAndLogoutEndsTheSession() {
        Answer login = api.call("POST", "/session", null, "{\"user\":\"trader\",\"password\":\"trader-pw-1\"}");
        assertEquals(login.toString(), 201, login.status());
        assertEquals("trader", login.json().getString("user"));
        assertTrue(login.toString(), login.json().getJsonArray("roles").contains("trader"));
        assertNotNull(login.json().getString("expires"));
        assertError(api.call("POST", "/session", null, "{\"user\":\"trader\",\"password\":\"wrong\"}"), 401,
                "LOGIN_REFUSED");
        assertError(api.call("POST", "/session", null, "{\"user\":\"trader\"}"), 400, "VALIDATION_FAILED");
        assertError(api.call("POST", "/session", null, "{\"user\":\"trader\",\"password\":\"x\",\"otp\":1}"), 400,
                "VALIDATION_FAILED");

        String token = login.json().getString("token");
        Answer me = api.get("/me", token);
        assertEquals(me.toString(), "trader", me.json().getString("user"));
        assertTrue(me.toString(), me.json().getString("credential").startsWith("session:"));
        assertEquals(204, api.call("DELETE", "/session", token, null).status());
        assertError(api.get("/me", token), 401, "UNAUTHENTICATED");
        assertError(api.call("DELETE", "/session", null, null), 401, "UNAUTHENTICATED");
    }

    @Test
    public void everyReadNeedsACredentialAndAViewerMayReadThemAll() {
        List<String> reads = List.of("/me", "/status", "/accounts", "/cluster/members", "/venues", "/instruments",
                "/instruments?venue=SIMX_CRYPTO", "/instruments/" + BTC, "/market", "/orders", "/orders?limit=5",
                "/positions", "/positions?account=ACC-T", "/strategies/types", "/strategies", "/risk/limits",
                "/risk/limits/history?limit=5", "/risk/credit", "/risk/monitor", "/risk/kill-switches", "/alerts",
                "/alerts?all=true&limit=5");
        for (String path : reads) {
            assertError(api.get(path, null), 401, "UNAUTHENTICATED");
            assertError(api.get(path, "ak_nothing_here"), 401, "UNAUTHENTICATED");
            Answer answer = api.get(path, viewer);
            assertEquals(path + ": " + answer, 200, answer.status());
            assertTrue(path + ": " + answer, answer.contentType().startsWith("application/json"));
        }
        JsonObject status = api.get("/status", viewer).json();
        assertEquals("api-1", status.getString("node"));
        assertEquals("running", status.getJsonObject("engine").getString("state"));
        JsonArray members = api.get("/cluster/members", viewer).json().getJsonArray("members");
        assertTrue(members.toString(), members.getJsonObject(0).getBoolean("local"));
        JsonObject btc = api.get("/instruments/" + BTC, viewer).json();
        assertEquals("BTC-USD", btc.getString("symbol"));
        assertTrue(btc.toString(), btc.containsKey("pricePrecision") && btc.containsKey("lotSize"));
        assertTrue(api.get("/venues", viewer).body().contains("SIMX_CRYPTO"));
        JsonObject account = find(api.get("/accounts", viewer).json().getJsonArray("accounts"), "id", "ACC-T");
        assertEquals(account.toString(), "active", account.getString("status"));
        Poll.until("the market of " + BTC + " is there", START, () -> api.get("/market/" + BTC, viewer).toString(),
                () -> api.get("/market/" + BTC, viewer).status() == 200);
        assertError(api.get("/instruments/NOPE@SIMX_CRYPTO", viewer), 404, "NOT_FOUND");
        assertError(api.get("/instruments/not-an-id", viewer), 400, "VALIDATION_FAILED");
        assertError(api.get("/orders?limit=0", viewer), 400, "VALIDATION_FAILED");
        assertError(api.get("/orders?working=perhaps", viewer), 400, "VALIDATION_FAILED");
        assertError(api.get("/nowhere", viewer), 404, "NOT_FOUND");
        assertError(api.call("PUT", "/status", viewer, "{}"), 405, "METHOD_NOT_ALLOWED");
        assertEquals(200, api.get("/openapi.yaml", null).status());
        assertTrue(api.get("/openapi.yaml", null).body().startsWith("openapi: 3.1.0"));
    }

    @Test
    public void anOrderSentOverTheApiIsTheCallersAndTheShellSeesIt() throws Exception {
        String order = "{\"clientOrderId\":\"api-it-1\",\"account\":\"ACC-T\",\"instrument\":\"" + BTC + "\","
                + "\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.001\",\"limitPrice\":\"1\","
                + "\"timeInForce\":\"GTC\"}";
        assertError(api.call("POST", "/orders", null, order), 401, "UNAUTHENTICATED");
        assertError(api.call("POST", "/orders", viewer, order), 403, "FORBIDDEN");
        AtomicReference<Answer> last = new AtomicReference<>();
        Poll.until(BTC + " takes the trader's order", START, () -> String.valueOf(last.get()), () -> {
            last.set(api.call("POST", "/orders", trader, order));
            return last.get().status() == 201;
        });
        assertEquals(last.get().toString(), "PENDING_NEW", last.get().json().getString("execType"));

        Answer listed = api.get("/orders?account=ACC-T&trader=trader&limit=50", viewer);
        JsonObject mine = find(listed.json().getJsonArray("orders"), "api-it-1");
        assertEquals(listed.toString(), "api:trader", mine.getString("source"));
        assertEquals("trader", mine.getString("trader"));
        assertEquals("manual", mine.getString("strategy"));
        assertEquals("0.001", mine.getString("quantity"));
        Answer one = api.get("/orders/api-it-1", viewer);
        assertEquals(one.toString(), 200, one.status());
        assertTrue(one.toString(), !one.json().getJsonArray("decisions").isEmpty());
        // The shell's table has no source column: the API's answer above carries it.
        String shellOrders = node.shell("alphintra:orders");
        assertTrue(shellOrders, Pattern.compile("api-it-1 .*" + Pattern.quote(BTC) + " .*\\| trader +\\| ACC-T ")
                .matcher(shellOrders).find());

        assertError(api.call("PATCH", "/orders/api-it-1", viewer, "{\"limitPrice\":\"2\"}"), 403, "FORBIDDEN");
        assertError(api.call("PATCH", "/orders/api-it-1", trader, "{\"limitPrice\":\"2.001\"}"), 400,
                "VALIDATION_FAILED");
        assertError(api.call("PATCH", "/orders/api-it-1", trader, "{}"), 400, "VALIDATION_FAILED");
        Answer replaced = api.call("PATCH", "/orders/api-it-1", trader, "{\"limitPrice\":\"2\"}");
        assertEquals(replaced.toString(), 202, replaced.status());
        assertError(api.call("DELETE", "/orders/api-it-1", viewer, null), 403, "FORBIDDEN");
        Poll.until("the order can be cancelled", START, () -> api.get("/orders/api-it-1", viewer).toString(), () -> {
            Answer cancelled = api.call("DELETE", "/orders/api-it-1", trader, null);
            return cancelled.status() == 202 || "CANCEL_REJECTED".equals(cancelled.code())
                    && api.get("/orders/api-it-1", viewer).json().getString("status").equals("CANCELED");
        });
        assertError(api.call("DELETE", "/orders/no-such-order", trader, null), 404, "NOT_FOUND");
        assertError(api.call("POST", "/orders/no-such-order/release", trader, "{}"), 403, "FORBIDDEN");
        assertError(api.call("POST", "/orders/no-such-order/release", risk, "{}"), 404, "NOT_FOUND");
    }

    @Test
    public void badOrdersAreRefusedNamingTheField() {
        String fields = "\"account\":\"ACC-T\",\"instrument\":\"" + BTC + "\",\"side\":\"BUY\",\"type\":\"LIMIT\"";
        assertField(api.call("POST", "/orders", trader, "{" + fields + ",\"quantity\":\"0.001\",\"limitPrice\":\"1\","
                + "\"colour\":\"red\"}"), "/colour");
        assertField(api.call("POST", "/orders", trader, "{" + fields + ",\"quantity\":0.001,\"limitPrice\":\"1\"}"),
                "/quantity");
        assertField(api.call("POST", "/orders", trader, "{" + fields + ",\"limitPrice\":\"1\"}"), null);
        assertField(api.call("POST", "/orders", trader, "{" + fields + ",\"quantity\":\"0.001\","
                + "\"limitPrice\":\"1.001\"}"), "/limitPrice");
        assertField(api.call("POST", "/orders", trader, "{" + fields + ",\"quantity\":\"0.001\","
                + "\"limitPrice\":\"1\",\"side\":\"HOLD\"}"), "/side");
        assertError(api.call("POST", "/orders", trader, "{\"account\":"), 400, "MALFORMED_JSON");
        assertError(api.call("POST", "/orders", trader, "{\"pad\":\"" + "x".repeat(70_000) + "\"}"), 413,
                "BODY_TOO_LARGE");
        Answer rejected = api.call("POST", "/orders", trader, "{\"account\":\"ACC-NOBODY\",\"instrument\":\"" + BTC
                + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.001\",\"limitPrice\":\"1\"}");
        assertError(rejected, 422, "ORDER_REJECTED");
        assertNotNull(rejected.toString(), rejected.json().getString("rejectReason"));
    }

    @Test
    public void killSwitchesAreTheRiskDesks() {
        String body = "{\"scope\":\"account:ACC-KILL\",\"reason\":\"api it\"}";
        assertError(api.call("POST", "/risk/kill-switches", trader, body), 403, "FORBIDDEN");
        assertError(api.call("POST", "/risk/kill-switches", risk, "{\"scope\":\"galaxy:far\"}"), 400,
                "VALIDATION_FAILED");
        Answer engaged = api.call("POST", "/risk/kill-switches", risk, body);
        assertEquals(engaged.toString(), 201, engaged.status());
        assertTrue(api.get("/risk/kill-switches", viewer).body().contains("account:ACC-KILL"));
        AtomicReference<JsonObject> alert = new AtomicReference<>();
        Poll.until("the kill switch's alert", START, () -> api.get("/alerts", viewer).toString(), () -> {
            JsonArray open = api.get("/alerts", viewer).json().getJsonArray("alerts");
            for (int i = 0; i < open.size(); i++) {
                if (open.getJsonObject(i).getString("key").equals("engine.kill.account:ACC-KILL")) {
                    alert.set(open.getJsonObject(i));
                }
            }
            return alert.get() != null;
        });
        String ack = "/alerts/" + alert.get().getValue("id") + "/ack";
        assertError(api.call("POST", ack, trader, "{\"note\":\"mine\"}"), 403, "FORBIDDEN");
        Answer acknowledged = api.call("POST", ack, risk, "{\"note\":\"seen in ApiIT\"}");
        assertEquals(acknowledged.toString(), 200, acknowledged.status());
        assertTrue(acknowledged.toString(), acknowledged.body().contains("seen in ApiIT"));
        assertError(api.call("DELETE", "/risk/kill-switches/account:ACC-KILL", trader, null), 403, "FORBIDDEN");
        assertEquals(204, api.call("DELETE", "/risk/kill-switches/account:ACC-KILL", risk, null).status());
        assertError(api.call("DELETE", "/risk/kill-switches/account:ACC-KILL", risk, null), 404, "NOT_FOUND");
        assertError(api.call("DELETE", "/risk/kill-switches/nonsense", risk, null), 400, "VALIDATION_FAILED");
    }

    @Test
    public void riskLimitsAreChangedByTheRiskDesk() {
        String body = "{\"set\":{\"maxOrderQuantity\":\"0.5\"}}";
        assertError(api.call("PUT", "/risk/limits/account:ACC-A", trader, body), 403, "FORBIDDEN");
        assertError(api.call("PUT", "/risk/limits/account:ACC-A", risk, "{\"set\":{\"maxOrderQuantity\":1}}"), 400,
                "VALIDATION_FAILED");
        assertError(api.call("PUT", "/risk/limits/account:ACC-A", risk,
                "{\"set\":{\"maxOrderQuantity\":\"1,000\"}}"), 400, "VALIDATION_FAILED");
        Answer changed = api.call("PUT", "/risk/limits/account:ACC-A", risk, body);
        assertEquals(changed.toString(), 200, changed.status());
        assertEquals("0.5", changed.json().getJsonObject("limits").getString("maxOrderQuantity"));
        assertTrue(api.get("/risk/limits", viewer).body().contains("account:ACC-A"));
        assertEquals(204, api.call("DELETE", "/risk/limits/account:ACC-A", risk, null).status());
        assertError(api.call("DELETE", "/risk/limits/account:ACC-A", risk, null), 404, "NOT_FOUND");
    }

    @Test
    public void strategiesAreCreatedByAdminsAndStartedByTheRiskDesk() {
        String body = "{\"id\":\"api-it-s1\",\"type\":\"no-such-type\",\"settings\":{\"instruments\":\"" + BTC
                + "\",\"accountId\":\"ACC-A\",\"traderId\":\"admin\"}}";
        assertError(api.call("POST", "/strategies", risk, body), 403, "FORBIDDEN");
        assertError(api.call("POST", "/strategies", admin, body), 400, "VALIDATION_FAILED");
        assertError(api.call("POST", "/strategies", admin, "{\"id\":\"../x\",\"type\":\"t\",\"settings\":{}}"), 400,
                "VALIDATION_FAILED");
        assertError(api.call("POST", "/strategies/api-it-none/start", trader, null), 403, "FORBIDDEN");
        assertError(api.call("POST", "/strategies/api-it-none/start", risk, null), 404, "NOT_FOUND");
        assertError(api.call("POST", "/strategies/api-it-none/stop", risk, null), 404, "NOT_FOUND");
        assertError(api.call("DELETE", "/strategies/api-it-none", risk, null), 403, "FORBIDDEN");
        assertError(api.call("DELETE", "/strategies/api-it-none", admin, null), 404, "NOT_FOUND");
    }

    @Test
    public void aStrategyInstanceIsCreatedStoppedStartedAndRemovedAtRunTime() {
        Poll.until("the itest-probe strategy type installed", START,
                () -> api.get("/strategies/types", viewer).toString(),
                () -> api.get("/strategies/types", viewer).body().contains("itest-probe"));
        String body = "{\"id\":\"api-it-probe\",\"type\":\"itest-probe\",\"settings\":{\"instruments\":\"" + BTC
                + "\",\"accountId\":\"ACC-T\",\"traderId\":\"admin\",\"param.quantity\":\"0.001\"}}";
        Answer created = api.call("POST", "/strategies", admin, body);
        assertEquals(created.toString(), 201, created.status());
        assertEquals(created.toString(), "itest-probe", created.json().getString("type"));
        assertError(api.call("POST", "/strategies", admin, body), 400, "VALIDATION_FAILED"); // the id is taken
        Poll.until("api-it-probe running", START, () -> api.get("/strategies", viewer).toString(),
                () -> state("api-it-probe").equals("RUNNING"));
        assertEquals(200, api.call("POST", "/strategies/api-it-probe/stop", risk, null).status());
        Poll.until("api-it-probe stopped", START, () -> api.get("/strategies", viewer).toString(),
                () -> state("api-it-probe").equals("STOPPED"));
        assertEquals(200, api.call("POST", "/strategies/api-it-probe/start", risk, null).status());
        Poll.until("api-it-probe running again", START, () -> api.get("/strategies", viewer).toString(),
                () -> state("api-it-probe").equals("RUNNING"));
        assertEquals(204, api.call("DELETE", "/strategies/api-it-probe", admin, null).status());
        Poll.until("api-it-probe gone", START, () -> api.get("/strategies", viewer).toString(),
                () -> !api.get("/strategies", viewer).body().contains("api-it-probe"));
    }

    private static String state(String instance) {
        JsonArray instances = api.get("/strategies", viewer).json().getJsonArray("strategies");
        for (int i = 0; i < instances.size(); i++) {
            if (instance.equals(instances.getJsonObject(i).getString("id"))) {
                return instances.getJsonObject(i).getString("state");
            }
        }
        return "(absent)";
    }

    @Test
    public void anOrderHeldOverASoftLimitIsReleasedByAnotherUserOfTheRiskDesk() {
        Answer soft = api.call("PUT", "/risk/limits/account:ACC-HOLD", risk,
                "{\"set\":{\"warnOrderQuantity\":\"0.005\",\"softLimitAction\":\"hold\"}}");
        assertEquals(soft.toString(), 200, soft.status());
        String order = "{\"clientOrderId\":\"api-it-held\",\"account\":\"ACC-HOLD\",\"instrument\":\"" + BTC
                + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.008\",\"limitPrice\":\"1\","
                + "\"timeInForce\":\"GTC\"}";
        AtomicReference<Answer> held = new AtomicReference<>();
        Poll.until("the order held", START, () -> String.valueOf(held.get()), () -> {
            held.set(api.call("POST", "/orders", trader, order));
            return held.get().status() == 201;
        });
        assertEquals(held.get().toString(), 201, held.get().status());
        assertTrue(held.get().toString(), api.get("/orders/api-it-held", viewer).json().getBoolean("held"));
        assertError(api.call("POST", "/orders/api-it-held/release", risk, "{\"reason\":\"ok\",\"x\":1}"), 400,
                "VALIDATION_FAILED");
        Answer released = api.call("POST", "/orders/api-it-held/release", risk, "{\"reason\":\"four eyes\"}");
        assertEquals(released.toString(), 200, released.status());
        assertTrue(released.toString(), !released.json().getBoolean("held"));
        api.call("DELETE", "/orders/api-it-held", trader, null);
        assertEquals(204, api.call("DELETE", "/risk/limits/account:ACC-HOLD", risk, null).status());
    }

    @Test
    public void alertsAreAcknowledgedByTheRiskDesk() {
        assertError(api.call("POST", "/alerts/999999/ack", viewer, "{}"), 403, "FORBIDDEN");
        assertError(api.call("POST", "/alerts/999999/ack", risk, "{\"note\":\"seen\"}"), 404, "NOT_FOUND");
        assertError(api.call("POST", "/alerts/minus-one/ack", risk, "{}"), 400, "VALIDATION_FAILED");
    }

    @Test
    public void anApiKeyMadeOverSshIsACredential() throws Exception {
        String output = node.shell("alphintra:apikey-create --user keyholder --role viewer --label api-it");
        Matcher key = Pattern.compile("(ak_[A-Za-z0-9_-]+)").matcher(output);
        assertTrue(output, key.find());
        Answer me = api.get("/me", key.group(1));
        assertEquals(me.toString(), 200, me.status());
        assertEquals("keyholder", me.json().getString("user"));
        assertTrue(me.toString(), me.json().getString("credential").startsWith("api-key:"));
        assertError(api.call("POST", "/orders", key.group(1), "{}"), 403, "FORBIDDEN");
    }

    private static JsonObject find(JsonArray orders, String clientOrderId) {
        return find(orders, "clientOrderId", clientOrderId);
    }

    private static JsonObject find(JsonArray objects, String field, String value) {
        for (int i = 0; i < objects.size(); i++) {
            if (value.equals(String.valueOf(objects.getJsonObject(i).getValue(field)))) {
                return objects.getJsonObject(i);
            }
        }
        throw new AssertionError(field + " = " + value + " is not among " + objects);
    }

    private static void assertField(Answer answer, String field) {
        assertError(answer, 400, "VALIDATION_FAILED");
        if (field != null) {
            assertEquals(answer.toString(), field, answer.json().getString("field"));
        }
    }

    private static void assertError(Answer answer, int status, String code) {
        assertEquals(answer.toString(), status, answer.status());
        assertEquals(answer.toString(), code, answer.code());
        String message = answer.json().getString("message");
        assertTrue(answer.toString(), message != null && !message.isBlank() && !message.contains("\tat "));
    }
}

package io.alphintra.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API's router on a real Vert.x server (class-path file resolution off, as in the node) with working stand-ins
 * for the engine and services: what a caller sees for each kind of request, right and wrong.
 */
class ApiRouterTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static HttpServer server;
    private static Fakes.Engine engine;
    private static Fakes.Access access;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setFileSystemOptions(
                new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false)));
        engine = new Fakes.Engine();
        access = new Fakes.Access();
        Contract contract = Contract.load(vertx, ApiRouterTest.class.getClassLoader(), 30_000);
        Services services = new Services(engine, new Fakes.Strategies(), new Fakes.Alerts(), Fakes.cluster(), access,
                Optional::empty, "1.2.3");
        // A small burst, so that the rate limit can be reached here; the credential "admin" is used for that only.
        Router api = ApiComponent.router(vertx, contract, services, new ApiSettings(1, 1_000, 2048, 2_000));
        Router root = Router.router(vertx);
        root.route(Contract.BASE + "/*").subRouter(api);
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort() + Contract.BASE;
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void clear() {
        engine.submitted.clear();
        engine.sources.clear();
    }

    @Test
    void anOrderIsSentAsTheCallersWithItsDecimalsInUnits() throws Exception {
        Answer answer = call("POST", "/orders", "trader", """
                {"clientOrderId":"c-1","account":"ACC-1","instrument":"AAPL@SIMX_US","side":"BUY","type":"LIMIT",
                 "quantity":"100","limitPrice":"190.25","timeInForce":"IOC"}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().getString("execType")).isEqualTo("PENDING_NEW");
        assertThat(answer.json().getString("quantity")).isEqualTo("100");
        assertThat(answer.json().getBoolean("held")).isFalse();
        assertThat(engine.submitted).singleElement().satisfies(order -> {
            assertThat(order.limitPrice()).isEqualTo(19_025);
            assertThat(order.quantity()).isEqualTo(100);
            assertThat(order.attribution().traderId()).isEqualTo("trader-user");
            assertThat(order.attribution().strategyId()).isEqualTo("manual");
            assertThat(order.attribution().accountId()).isEqualTo("ACC-1");
        });
        assertThat(engine.sources).containsExactly("api:trader-user");

        Answer listed = call("GET", "/orders?account=ACC-1&limit=10", "viewer", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().getJsonArray("orders").getJsonObject(0).getString("source"))
                .isEqualTo("api:trader-user");
        assertThat(call("GET", "/orders/c-1", "viewer", null).json().getString("limitPrice")).isEqualTo("190.25");
    }

    @Test
    void aRejectedOrderIs422NamingTheCheck() throws Exception {
        Answer answer = call("POST", "/orders", "trader", """
                {"account":"REJECT-ME","instrument":"AAPL@SIMX_US","side":"BUY","type":"LIMIT","quantity":"1",
                 "limitPrice":"1"}""");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().getString("code")).isEqualTo("ORDER_REJECTED");
        assertThat(answer.json().getString("checkId")).isEqualTo("order-size");
        assertThat(answer.json().getString("rejectReason")).isEqualTo("RISK_LIMIT");
    }

    @Test
    void badOrdersAreRefusedNamingTheField() throws Exception {
        String good = "\"account\":\"ACC-1\",\"instrument\":\"AAPL@SIMX_US\",\"side\":\"BUY\",\"type\":\"LIMIT\"";
        assertError(call("POST", "/orders", "trader", "{" + good + ",\"quantity\":\"1\",\"limitPrice\":\"190.255\"}"),
                400, "VALIDATION_FAILED", "/limitPrice");
        assertError(call("POST", "/orders", "trader", "{" + good + ",\"quantity\":\"1\",\"limitPrice\":\"1\","
                + "\"colour\":\"red\"}"), 400, "VALIDATION_FAILED", "/colour");
        assertError(call("POST", "/orders", "trader", "{" + good + ",\"quantity\":1,\"limitPrice\":\"1\"}"),
                400, "VALIDATION_FAILED", "/quantity");
        assertError(call("POST", "/orders", "trader", "{" + good + ",\"limitPrice\":\"1\"}"),
                400, "VALIDATION_FAILED", null);
        assertError(call("POST", "/orders", "trader", "{" + good + ",\"quantity\":\"1\"}"),
                400, "VALIDATION_FAILED", "/limitPrice");
        assertError(call("POST", "/orders", "trader", "{\"account\":\"ACC-1\",\"instrument\":\"MSFT@SIMX_US\","
                + "\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"limitPrice\":\"1\"}"), 400,
                "VALIDATION_FAILED", "/instrument");
        assertError(call("POST", "/orders", "trader", "{\"account\":"), 400, "MALFORMED_JSON", null);
        assertError(call("GET", "/orders?limit=0", "viewer", null), 400, "VALIDATION_FAILED", "limit");
        assertError(call("GET", "/orders?cursor=bad", "viewer", null), 400, "VALIDATION_FAILED", "cursor");
        assertError(call("GET", "/instruments/nope", "viewer", null), 400, "VALIDATION_FAILED", "instrumentId");
        assertError(call("POST", "/orders", "trader", "{\"pad\":\"" + "x".repeat(4000) + "\"}"), 413,
                "BODY_TOO_LARGE", null);
        assertThat(engine.submitted).isEmpty();
    }

    @Test
    void callersNeedACredentialAndTheOperationsRole() throws Exception {
        Answer none = call("GET", "/status", null, null);
        assertError(none, 401, "UNAUTHENTICATED", null);
        assertError(call("GET", "/status", "not-a-token", null), 401, "UNAUTHENTICATED", null);
        Answer viewerSubmits = call("POST", "/orders", "viewer", "{}");
        assertError(viewerSubmits, 403, "FORBIDDEN", null);
        assertThat(viewerSubmits.json().getString("message")).contains("trader");
        assertError(call("DELETE", "/risk/kill-switches/all", "trader", null), 403, "FORBIDDEN", null);
        assertError(call("POST", "/strategies", "risk", "{}"), 403, "FORBIDDEN", null);
        assertThat(call("GET", "/status", "viewer", null).json().getJsonObject("engine").getString("state"))
                .isEqualTo("running");
        assertThat(call("GET", "/openapi.yaml", null, null).body()).startsWith("openapi: 3.1.0");
        assertThat(call("GET", "/openapi.json", null, null).json().getString("openapi")).isEqualTo("3.1.0");
    }

    @Test
    void unknownPathsAndMethodsAreNamed() throws Exception {
        assertError(call("GET", "/nothing-here", "viewer", null), 404, "NOT_FOUND", null);
        assertError(call("PUT", "/orders", "viewer", "{}"), 405, "METHOD_NOT_ALLOWED", null);
        assertError(call("GET", "/orders/unknown-id", "viewer", null), 404, "NOT_FOUND", null);
    }

    @Test
    void sessionsLogInAndOut() throws Exception {
        Answer login = call("POST", "/session", null, "{\"user\":\"alice\",\"password\":\"secret\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(201);
        assertThat(login.json().getString("user")).isEqualTo("alice");
        assertThat(login.json().getJsonArray("roles").getList()).containsExactly("viewer", "trader");
        assertError(call("POST", "/session", null, "{\"user\":\"alice\",\"password\":\"wrong\"}"), 401,
                "LOGIN_REFUSED", null);
        assertThat(call("DELETE", "/session", "viewer", null).status()).isEqualTo(204);
        assertThat(access.loggedOut).contains("viewer");
        assertThat(call("GET", "/me", "risk", null).json().getString("credential")).isEqualTo("session:risk");
    }

    @Test
    void conflictsAndMissingServicesHaveTheirCodes() throws Exception {
        call("POST", "/orders", "trader", """
                {"clientOrderId":"c-9","account":"ACC-1","instrument":"AAPL@SIMX_US","side":"BUY","type":"LIMIT",
                 "quantity":"1","limitPrice":"1"}""");
        assertError(call("DELETE", "/orders/c-9", "trader", null), 409, "CANCEL_REJECTED", null);
        assertError(call("GET", "/risk/limits", "viewer", null), 503, "UNAVAILABLE", null);
        assertError(call("POST", "/strategies/s-1/start", "risk", null), 404, "NOT_FOUND", null);
        assertError(call("DELETE", "/strategies/s-1", "admin", null), 404, "NOT_FOUND", null);
        assertError(call("POST", "/strategies", "admin", "{\"id\":\"s-1\",\"type\":\"momentum\",\"settings\":{}}"),
                400, "VALIDATION_FAILED", null);
        Answer engaged = call("POST", "/risk/kill-switches", "risk", "{\"scope\":\"account:ACC-1\"}");
        assertThat(engaged.status()).as(engaged.toString()).isEqualTo(201);
        assertThat(engaged.json().getInteger("cancelsSent")).isEqualTo(3);
        assertThat(call("DELETE", "/risk/kill-switches/account:ACC-1", "risk", null).status()).isEqualTo(204);
        assertError(call("DELETE", "/risk/kill-switches/account:ACC-1", "risk", null), 404, "NOT_FOUND", null);
        assertError(call("POST", "/risk/kill-switches", "risk", "{\"scope\":\"galaxy:x\"}"), 400,
                "VALIDATION_FAILED", "/scope");
    }

    @Test
    void aCredentialOverItsRateIsToldWhenToComeBack() throws Exception {
        Answer last = null;
        for (int i = 0; i < 1_100 && (last == null || last.status() != 429); i++) {
            last = call("GET", "/me", "compliance", null);
        }
        assertError(last, 429, "RATE_LIMITED", null);
        assertThat(last.retryAfter()).isEqualTo("1");
        assertThat(call("GET", "/me", "viewer", null).status()).as("another credential's bucket").isEqualTo(200);
    }

    private static void assertError(Answer answer, int status, String code, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().getString("code")).as(answer.toString()).isEqualTo(code);
        assertThat(answer.json().getString("message")).as(answer.toString()).isNotBlank().doesNotContain("\tat ");
        if (field != null) {
            assertThat(answer.json().getString("field")).as(answer.toString()).isEqualTo(field);
        }
    }

    private static Answer call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("retry-after").orElse(null));
    }

    record Answer(int status, String body, String retryAfter) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }
}

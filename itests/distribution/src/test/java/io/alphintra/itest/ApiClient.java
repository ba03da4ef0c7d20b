package io.alphintra.itest;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Calls a node's REST API {@code /api/v1} as a client would, with or without a bearer credential. */
final class ApiClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String base;
    /** Every call answered 2xx, as {@code METHOD /path} without the query: which operations ran their happy path. */
    private final Set<String> succeeded = ConcurrentHashMap.newKeySet();

    ApiClient(int httpPort) {
        this.base = "http://127.0.0.1:" + httpPort + "/api/v1";
    }

    /** What the API answered. */
    record Answer(int status, String body, String contentType) {
        JsonObject json() {
            return new JsonObject(body);
        }

        String code() {
            return json().getString("code");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Answer get(String path, String token) {
        return call("GET", path, token, null);
    }

    /** One request; {@code body} is sent as JSON when not null, {@code token} as {@code Bearer} when not null. */
    Answer call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                int query = path.indexOf('?');
                succeeded.add(method + " " + (query < 0 ? path : path.substring(0, query)));
            }
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("content-type").orElse(""));
        } catch (IOException e) {
            return new Answer(-1, e.toString(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", "");
        }
    }

    /**
     * The operations of the served contract that no call of this client has answered 2xx, as {@code METHOD template}:
     * routes whose happy path no test took.
     */
    List<String> operationsNeverSucceeded() {
        JsonObject contract = get("/openapi.json", null).json();
        JsonObject paths = contract.getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        for (String template : paths.fieldNames()) {
            Pattern pattern = Pattern.compile(
                    Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
            if (!(paths.getValue(template) instanceof JsonObject item)) {
                missing.add(template + " (its path item is not an object: " + paths.getValue(template) + ")");
                continue;
            }
            for (String method : item.fieldNames()) {
                String verb = method.toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                    continue;
                }
                boolean taken = succeeded.stream().anyMatch(call -> call.startsWith(verb + " ")
                        && pattern.matcher(call.substring(verb.length() + 1)).matches());
                if (!taken) {
                    missing.add(verb + " " + template);
                }
            }
        }
        return missing;
    }

    /** A session token for a node user, from {@code POST /session}. */
    String login(String user, String password) {
        Answer answer = call("POST", "/session", null,
                new JsonObject().put("user", user).put("password", password).encode());
        if (answer.status() != 201) {
            throw new AssertionError("login of " + user + ": " + answer);
        }
        return answer.json().getString("token");
    }
}

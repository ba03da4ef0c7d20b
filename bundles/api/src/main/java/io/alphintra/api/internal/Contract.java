package io.alphintra.api.internal;

import io.alphintra.access.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The API's OpenAPI document: its YAML text as shipped, the same as JSON, the Vert.x contract built from it, and
 * the role each operation needs ({@code x-alphintra-role}), so that the table of who may do what lives in the
 * document alone.
 */
final class Contract {
    static final String RESOURCE = "openapi/alphintra-v1.yaml";
    /** The base path the document's server names, where the API is mounted. */
    static final String BASE = "/api/v1";
    /** The value of {@code x-alphintra-role} for the operations anyone may call. */
    static final String PUBLIC = "none";

    private final String yaml;
    private final JsonObject json;
    private final OpenAPIContract openApi;
    private final Map<String, Optional<Role>> roles;

    private Contract(String yaml, JsonObject json, OpenAPIContract openApi) {
        this.yaml = yaml;
        this.json = json;
        this.openApi = openApi;
        Map<String, Optional<Role>> byOperation = new HashMap<>();
        for (Operation operation : openApi.operations()) {
            String role = operation.getOpenAPIModel().getString("x-alphintra-role");
            if (role == null) {
                throw new IllegalStateException(RESOURCE + ": operation " + operation.getOperationId()
                        + " has no x-alphintra-role");
            }
            Optional<Role> needed = PUBLIC.equals(role) ? Optional.empty() : Optional.of(Role.of(role).orElseThrow(
                    () -> new IllegalStateException(RESOURCE + ": operation " + operation.getOperationId()
                            + " names an unknown x-alphintra-role '" + role + "'")));
            byOperation.put(operation.getOperationId(), needed);
        }
        this.roles = Map.copyOf(byOperation);
    }

    /**
     * Reads the document from {@code classLoader} and builds the contract with {@code vertx}, waiting at most
     * {@code timeoutMillis}. Blocking: never call it on an event loop.
     *
     * @throws IllegalStateException saying what is wrong with the document, or that it took too long
     */
    static Contract load(Vertx vertx, ClassLoader classLoader, long timeoutMillis) {
        String yaml = read(classLoader, RESOURCE);
        JsonObject json = yamlToJson(yaml);
        try {
            // A copy: the loader marks up the document it is given (__absolute_uri__), and clients get the original.
            OpenAPIContract contract = OpenAPIContract.from(withMetaSchemasFrom(vertx, classLoader), json.copy())
                    .toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return new Contract(yaml, json, contract);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + RESOURCE, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(RESOURCE + " is not a valid contract: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("loading " + RESOURCE + " took over " + timeoutMillis + " ms", e);
        }
    }

    String yaml() {
        return yaml;
    }

    JsonObject json() {
        return json;
    }

    OpenAPIContract openApi() {
        return openApi;
    }

    /**
     * The operation a request is for, by its path below {@link #BASE} and method; empty when there is none.
     *
     * @param path the request path, {@code /api/v1/...}
     */
    Optional<Operation> operation(String path, HttpMethod method) {
        return Optional.ofNullable(openApi.findOperation(path, method));
    }

    /** Whether some operation has this path (for telling 405 from 404). */
    boolean hasPath(String path) {
        return openApi.findPath(path) != null;
    }

    /** The role an operation needs; empty for the public ones. */
    Optional<Role> role(Operation operation) {
        return roles.get(operation.getOperationId());
    }

    List<String> operationIds() {
        return List.copyOf(roles.keySet());
    }

    static String read(ClassLoader classLoader, String resource) {
        URL url = classLoader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing from the bundle");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** YAML to JSON, keys as strings (YAML reads {@code '200':} unquoted as a number). */
    static JsonObject yamlToJson(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalStateException(RESOURCE + " is not a YAML mapping");
        }
        return (JsonObject) toJson(map);
    }

    private static Object toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, item) -> object.put(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        return value;
    }

    /**
     * {@code vertx} whose file system answers the meta-schema files vertx-openapi and vertx-json-schema read from the
     * class path ({@code spec.openapis.org/...}, {@code json-schema.org/...}) from {@code classLoader}: the node's
     * Vert.x resolves no class-path files (inside OSGi they would be looked up in the wrong bundle). Everything else
     * goes to {@code vertx} itself.
     */
    static Vertx withMetaSchemasFrom(Vertx vertx, ClassLoader classLoader) {
        FileSystem real = vertx.fileSystem();
        // Proxies made in Vert.x's own class loader, which sees every type its interfaces name (this bundle's does not).
        FileSystem files = (FileSystem) Proxy.newProxyInstance(FileSystem.class.getClassLoader(),
                new Class<?>[] {FileSystem.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof String path
                            && (path.startsWith("spec.openapis.org/") || path.startsWith("json-schema.org/"))) {
                        if (method.getName().equals("readFileBlocking")) {
                            return Buffer.buffer(read(classLoader, path));
                        }
                        if (method.getName().equals("readFile")) {
                            return Future.succeededFuture(Buffer.buffer(read(classLoader, path)));
                        }
                    }
                    return invoke(real, method, args);
                });
        return (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[] {Vertx.class},
                (proxy, method, args) -> method.getName().equals("fileSystem") && args == null ? files
                        : invoke(vertx, method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

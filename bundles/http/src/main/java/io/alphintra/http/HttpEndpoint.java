package io.alphintra.http;

import io.vertx.core.Vertx;
import org.osgi.annotation.versioning.ProviderType;

/** Where the node's HTTP server listens. Registered while the server is listening. */
@ProviderType
public interface HttpEndpoint {

    /** The host or address the server is bound to. */
    String host();

    /** The port the server is bound to. */
    int port();

    /**
     * The node's one Vert.x instance, which serves every route: bundles that build routers needing it (the OpenAPI
     * router) or run work on its contexts use this one rather than starting another. Owned by the HTTP bundle: never
     * close it.
     *
     * @since 1.2
     */
    Vertx vertx();

    /** The base URL of the server, for example {@code http://127.0.0.1:8080}. */
    default String baseUrl() {
        return "http://" + host() + ":" + port();
    }
}

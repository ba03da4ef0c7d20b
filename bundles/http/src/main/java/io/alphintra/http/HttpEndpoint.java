package io.alphintra.http;

import org.osgi.annotation.versioning.ProviderType;

/** Where the node's HTTP server listens. Registered while the server is listening. */
@ProviderType
public interface HttpEndpoint {

    /** The host or address the server is bound to. */
    String host();

    /** The port the server is bound to. */
    int port();

    /** The base URL of the server, for example {@code http://127.0.0.1:8080}. */
    default String baseUrl() {
        return "http://" + host() + ":" + port();
    }
}

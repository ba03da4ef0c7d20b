package io.alphintra.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = HttpConfig.PID, name = "Alphintra HTTP server",
        description = "The node's HTTP/WebSocket server. Loopback by default: expose it through a reverse proxy.")
@interface HttpConfig {
    String PID = "io.alphintra.http";

    @AttributeDefinition(description = "Address to bind to.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port to listen on.", min = "1", max = "65535")
    int port() default 8080;
}

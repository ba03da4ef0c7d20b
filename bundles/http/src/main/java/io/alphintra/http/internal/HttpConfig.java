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

    @AttributeDefinition(description = "PEM file of the server's certificate (chain), relative to etc/ or absolute. "
            + "With tlsKey, the server speaks HTTPS only; both empty: plain HTTP.")
    String tlsCertificate() default "";

    @AttributeDefinition(description = "PEM file of the certificate's private key (PKCS#8 or PKCS#1), relative to "
            + "etc/ or absolute. Keep it readable by the node's user only.")
    String tlsKey() default "";

    @AttributeDefinition(description = "Web origins (scheme://host[:port], comma separated) whose pages may call the "
            + "API from a browser. Empty: none; every cross-origin preflight is refused.")
    String corsAllowedOrigins() default "";

    @AttributeDefinition(description = "Largest WebSocket frame, and message, a client may send, in bytes.",
            min = "1024", max = "16777216")
    int maxWebSocketFrameBytes() default 65536;
}

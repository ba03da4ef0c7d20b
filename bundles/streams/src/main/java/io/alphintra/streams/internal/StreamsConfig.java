package io.alphintra.streams.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = StreamsConfig.PID, name = "Alphintra WebSocket streams",
        description = "Limits of the WebSocket streams at /api/v1/stream.")
@interface StreamsConfig {
    String PID = "io.alphintra.streams";

    @AttributeDefinition(description = "Messages a client may have queued and not yet written before it is closed"
            + " with 4008 (client cannot keep up).", min = "1", max = "1000000")
    int clientBufferMessages() default 10_000;

    @AttributeDefinition(description = "Largest message a client may send, in bytes; a larger one closes the"
            + " stream with 1009. The HTTP server's maxWebSocketFrameBytes applies before it.", min = "256",
            max = "65536")
    int maxFrameBytes() default 65_536;

    @AttributeDefinition(description = "Streams open at once; an upgrade beyond is refused with 503.",
            min = "1", max = "100000")
    int maxClients() default 1_000;

    @AttributeDefinition(description = "How long a client may take to authenticate after the upgrade before it is"
            + " closed with 4401.", min = "100", max = "600000")
    int authTimeoutMillis() default 5_000;

    @AttributeDefinition(description = "How often an open stream's credential is checked again; a stream whose API"
            + " key was revoked or whose session ended or expired is closed with 4401.", min = "100",
            max = "600000")
    int credentialCheckMillis() default 5_000;
}

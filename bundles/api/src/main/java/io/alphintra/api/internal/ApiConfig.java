package io.alphintra.api.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ApiConfig.PID, name = "Alphintra REST API",
        description = "Limits of the REST API /api/v1: request rate per credential, body size, engine answer time.")
@interface ApiConfig {
    String PID = "io.alphintra.api";

    @AttributeDefinition(description = "Requests per second each credential (API key or session) may make on"
            + " average; more are answered 429 with Retry-After.", min = "1", max = "100000")
    int requestsPerSecond() default 100;

    @AttributeDefinition(description = "Requests a credential may make at once above its rate (the token bucket's"
            + " size).", min = "1", max = "1000000")
    int burst() default 200;

    @AttributeDefinition(description = "Largest request body, in bytes; a larger one is answered 413.",
            min = "1024", max = "16777216")
    int maxBodyBytes() default 65_536;

    @AttributeDefinition(description = "How long a request waits for the engine's or a service's answer before it"
            + " is answered 503.", min = "100", max = "120000")
    int requestTimeoutMillis() default 5_000;
}

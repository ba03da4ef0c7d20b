package io.alphintra.access.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = AccessConfig.PID, name = "Alphintra access",
        description = "How long login sessions of the HTTP API last, and how failed logins are throttled.")
@interface AccessConfig {
    String PID = "io.alphintra.access";

    @AttributeDefinition(description = "Minutes a session token from POST /api/v1/session is accepted (new sessions"
            + " only; 1 to 10080, a week).", min = "1", max = "10080")
    int sessionMinutes() default 480;

    @AttributeDefinition(description = "Failed logins of one user name within lockoutSeconds that lock the name out"
            + " for lockoutSeconds (1 to 1000).", min = "1", max = "1000")
    int maxFailedLogins() default 5;

    @AttributeDefinition(description = "The window failed logins are counted in, and how long a locked-out user name"
            + " is refused, in seconds (1 to 86400).", min = "1", max = "86400")
    int lockoutSeconds() default 60;
}

package io.alphintra.alerts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = AlertsConfig.PID, name = "Alphintra alerts",
        description = "How alerts are de-duplicated, how many are kept, and the webhooks they are posted to.")
@interface AlertsConfig {
    String PID = "io.alphintra.alerts";

    @AttributeDefinition(description = "A raise of the key of an open alert last raised less than this many seconds"
            + " earlier counts as a repeat of it; subscribers and webhooks hear of repeats at most once per window."
            + " 0: every raise is a new alert.", min = "0", max = "86400")
    int dedupeWindowSeconds() default 60;

    @AttributeDefinition(description = "Alerts kept, in memory and in data/alerts/alerts.log, the most recent ones.",
            min = "1", max = "1000000")
    int keep() default 10_000;

    @AttributeDefinition(description = "http:// or https:// URLs, comma-separated, each alert is POSTed to as JSON."
            + " Empty: none.")
    String webhookUrls() default "";

    @AttributeDefinition(description = "How long one webhook attempt may take, connecting and answering.",
            min = "100", max = "60000")
    int webhookTimeoutMillis() default 2000;

    @AttributeDefinition(description = "Attempts per alert and webhook before it is logged as undelivered; retries"
            + " wait 0.5 s, 1 s, 2 s, ... (at most 30 s).", min = "1", max = "20")
    int webhookMaxAttempts() default 5;
}

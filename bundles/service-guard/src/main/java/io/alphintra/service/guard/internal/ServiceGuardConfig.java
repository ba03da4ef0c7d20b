package io.alphintra.service.guard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The service guard's allow-lists ({@code etc/io.alphintra.service.guard.cfg}); the keys are in the README. */
@ObjectClassDefinition(id = ServiceGuardConfig.PID, name = "Alphintra service guard",
        description = "Which bundles may obtain exchange adapter services and the trading engine service (PT10: only"
                + " the order path reaches a venue).")
@interface ServiceGuardConfig {
    String PID = "io.alphintra.service.guard";

    @AttributeDefinition(description = "Comma-separated bundle symbolic names that may obtain"
            + " io.alphintra.sdk.venue.ExchangeAdapter services. Every other bundle, apart from the bundle that"
            + " registered an adapter, finds none. Must not be empty: without the engine no order reaches a venue.")
    String adapterAllowList() default "io.alphintra.engine";

    @AttributeDefinition(description = "Comma-separated bundle symbolic names of plugins that may obtain the"
            + " io.alphintra.engine.TradingEngine service all the same.")
    String engineAllowList() default "io.alphintra.engine";

    @AttributeDefinition(description = "Comma-separated bundle symbolic names that may not obtain the"
            + " io.alphintra.engine.TradingEngine service although they are no plugins: bundles that hand service"
            + " references on to others. Event Admin posts every service event, the reference included, to any"
            + " event handler.")
    String engineDenyList() default "org.apache.karaf.services.eventadmin";

    @AttributeDefinition(description = "Comma-separated packages that make a bundle a plugin: a bundle wired to one"
            + " of them (imported or through Require-Bundle), or registering a service whose interface is in one,"
            + " cannot obtain the trading engine unless engineAllowList names it. Must not be empty.")
    String pluginPackages() default "io.alphintra.sdk.strategy";
}

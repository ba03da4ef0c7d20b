package io.alphintra.http;

import io.vertx.ext.web.Router;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service through which a bundle adds HTTP endpoints to the node's server. Register an implementation
 * as an OSGi service; its routes are live while the service is registered and gone once it is unregistered, with
 * no restart of the server.
 *
 * <p>The route table is rebuilt whenever a provider comes or goes. A provider that throws while adding its routes
 * is logged and left out; the others are served.
 */
@ConsumerType
public interface HttpRoutes {

    /**
     * Adds this provider's routes. Called on a server thread each time the route table is rebuilt; it must only
     * declare routes, not block. Handlers should delegate to services rather than hold business logic.
     */
    void addTo(Router router);
}

package io.alphintra.itest.probe;

import io.alphintra.http.HttpRoutes;
import io.vertx.ext.web.Router;
import org.osgi.service.component.annotations.Component;

/** Answers {@code GET /probe} while this bundle is installed and active. */
@Component(service = HttpRoutes.class)
public final class ProbeRoutes implements HttpRoutes {

    @Override
    public void addTo(Router router) {
        router.get("/probe").handler(context -> context.response()
                .putHeader("content-type", "application/json")
                .end("{\"probe\":\"active\"}"));
    }
}

package io.alphintra.http.internal;

import io.alphintra.cluster.ClusterService;
import io.alphintra.cluster.ClusterState;
import io.alphintra.http.HttpRoutes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /health}: 200 with status UP once the node has joined its cluster, 503 otherwise, so that a load
 * balancer or the launcher can wait on it.
 */
@Component(service = HttpRoutes.class)
public final class HealthRoutes implements HttpRoutes {
    private final String version = FrameworkUtil.getBundle(HealthRoutes.class).getVersion().toString();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterService cluster;

    @Override
    public void addTo(Router router) {
        router.get("/health").handler(context -> {
            JsonObject health = health();
            context.response()
                    .setStatusCode("UP".equals(health.getString("status")) ? 200 : 503)
                    .putHeader("content-type", "application/json")
                    .putHeader("cache-control", "no-store")
                    .end(health.encode());
        });
    }

    JsonObject health() {
        JsonObject health = new JsonObject().put("version", version);
        ClusterService current = cluster;
        if (current == null) {
            return health.put("status", "DOWN").put("reason", "no cluster service");
        }
        ClusterState state = current.state();
        health.put("status", state == ClusterState.RUNNING ? "UP" : state == ClusterState.STARTING ? "STARTING" : "DOWN")
                .put("node", current.localNode().nodeName())
                .put("region", current.localNode().region().name())
                .put("cluster", current.localNode().clusterName())
                .put("clusterState", state.name())
                .put("clusterSize", current.members().size());
        current.failure().ifPresent(reason -> health.put("reason", reason));
        return health;
    }
}

package io.alphintra.http.internal;

import io.alphintra.cluster.ClusterService;
import io.alphintra.cluster.ClusterState;
import io.alphintra.http.HealthContributor;
import io.alphintra.http.HttpRoutes;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import io.vertx.ext.web.Router;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /health}: 200 with status UP once the node has joined its cluster and no {@link HealthContributor}
 * (the engine, ...) reports a problem, 503 otherwise, so that a load balancer or the launcher can wait on it.
 */
@Component(service = HttpRoutes.class)
public final class HealthRoutes implements HttpRoutes {
    private final String version = Optional.ofNullable(FrameworkUtil.getBundle(HealthRoutes.class))
            .map(bundle -> bundle.getVersion().toString()).orElse("unknown"); // unknown: outside a framework (tests)

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterService cluster;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.REPLACE)
    private volatile List<HealthContributor> contributors = List.of();

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
        JsonObject health = clusterHealth();
        JsonObject components = new JsonObject();
        String problems = null;
        for (HealthContributor contributor : contributors) {
            String name;
            Optional<String> problem;
            try {
                name = contributor.name();
                problem = contributor.problem();
            } catch (RuntimeException e) {
                name = contributor.getClass().getName();
                problem = Optional.of("its health could not be read: " + e);
            }
            components.put(name, problem.map(reason -> new JsonObject().put("status", "DOWN").put("reason", reason))
                    .orElseGet(() -> new JsonObject().put("status", "UP")));
            if (problem.isPresent()) {
                String named = name + ": " + problem.get();
                problems = problems == null ? named : problems + "; " + named;
            }
        }
        if (!components.isEmpty()) {
            health.put("components", components);
        }
        if (problems != null) {
            // A node whose engine (or another part) cannot serve is DOWN, whatever its cluster says.
            String clusterReason = health.getString("reason");
            health.put("status", "DOWN").put("reason", clusterReason == null ? problems : problems + "; " + clusterReason);
        }
        return health;
    }

    private JsonObject clusterHealth() {
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

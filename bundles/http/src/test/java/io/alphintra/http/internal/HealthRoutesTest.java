package io.alphintra.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.cluster.ClusterService;
import io.alphintra.cluster.ClusterState;
import io.alphintra.cluster.NodeIdentity;
import io.alphintra.cluster.Region;
import io.alphintra.http.HealthContributor;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    @Test
    void aContributorsProblemTurnsHealthDownWithItsCause() throws Exception {
        HealthRoutes routes = new HealthRoutes();
        set(routes, "cluster", Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClusterService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "state" -> ClusterState.RUNNING;
                    case "localNode" -> new NodeIdentity("test", "node-1", Region.EMEA);
                    case "members" -> List.of();
                    case "failure" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                }));
        AtomicReference<String> problem = new AtomicReference<>();
        HealthContributor engine = new HealthContributor() {
            @Override
            public String name() {
                return "engine";
            }

            @Override
            public Optional<String> problem() {
                return Optional.ofNullable(problem.get());
            }
        };
        set(routes, "contributors", List.of(engine));

        JsonObject up = routes.health();
        assertThat(up.getString("status")).isEqualTo("UP");
        assertThat(up.getJsonObject("components").getJsonObject("engine").getString("status")).isEqualTo("UP");

        problem.set("the engine has halted and takes no orders: journal commit failed: No space left on device");
        JsonObject down = routes.health();
        assertThat(down.getString("status")).isEqualTo("DOWN");
        assertThat(down.getString("reason")).startsWith("engine: the engine has halted")
                .contains("No space left on device");
        assertThat(down.getJsonObject("components").getJsonObject("engine").getString("status")).isEqualTo("DOWN");
        assertThat(down.getString("clusterState")).isEqualTo("RUNNING");
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = HealthRoutes.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}

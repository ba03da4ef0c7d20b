package io.alphintra.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.alphintra.cluster.ClusterState;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;

/** The component as Declarative Services drives it, with a real member and a stand-in for the framework. */
class ClusterNodeTest {
    private final List<Object> registered = new ArrayList<>();

    @Test
    void memberBoundBeyondLoopbackWithoutASecretIsRefusedAndAFixedConfigurationStartsIt() throws Exception {
        Map<String, Object> exposed = Map.of("bindAddress", "0.0.0.0", "port", TestSupport.freePort());
        ClusterNode node = new ClusterNode(bundleContext(), TestSupport.config(exposed), exposed);
        try {
            assertThat(node.state()).isEqualTo(ClusterState.FAILED);
            assertThat(node.failure()).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("bindAddress = '0.0.0.0' is not loopback").contains("Set clusterSecretFile"));
            assertThat(node.hazelcast()).isEmpty();
            assertThat(Hazelcast.getHazelcastInstanceByName("alphintra-node-1")).isNull();

            Map<String, Object> loopback = Map.of("port", TestSupport.freePort(), "portCount", 1);
            node.modified(TestSupport.config(loopback), loopback);
            awaitRunning(node);
            assertThat(node.failure()).isEmpty();
            assertThat(registered).containsExactly(node.hazelcast().orElseThrow());
        } finally {
            node.deactivate();
        }
        assertThat(registered).isEmpty();
    }

    @Test
    void changeToAnExposedConfigurationWithoutASecretKeepsTheRunningMember() throws Exception {
        Map<String, Object> loopback = Map.of("port", TestSupport.freePort(), "portCount", 1);
        ClusterNode node = new ClusterNode(bundleContext(), TestSupport.config(loopback), loopback);
        try {
            awaitRunning(node);
            HazelcastInstance running = node.hazelcast().orElseThrow();

            Map<String, Object> exposed = Map.of("bindAddress", "0.0.0.0", "port", TestSupport.freePort());
            node.modified(TestSupport.config(exposed), exposed);

            assertThat(node.state()).isEqualTo(ClusterState.RUNNING);
            assertThat(node.hazelcast()).containsSame(running);
            assertThat(node.localNode().clusterName()).isEqualTo("alphintra");
            assertThat(running.getCluster().getLocalMember().getAddress().getHost()).isEqualTo("127.0.0.1");
        } finally {
            node.deactivate();
        }
    }

    private static void awaitRunning(ClusterNode node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (node.state() != ClusterState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(node.state()).as("state, failure %s", node.failure()).isEqualTo(ClusterState.RUNNING);
    }

    /** Just what the component uses: its bundle's version and service registration. */
    private BundleContext bundleContext() {
        Bundle bundle = proxy(Bundle.class, (method, args) -> {
            if (method.equals("getVersion")) {
                return Version.parseVersion("1.0.0");
            }
            throw new UnsupportedOperationException(method);
        });
        return proxy(BundleContext.class, (method, args) -> {
            if (method.equals("getBundle") && args == null) {
                return bundle;
            }
            if (method.equals("registerService")) {
                Object service = args[1];
                registered.add(service);
                return proxy(ServiceRegistration.class, (registrationMethod, ignored) -> {
                    if (registrationMethod.equals("unregister")) {
                        registered.remove(service);
                        return null;
                    }
                    throw new UnsupportedOperationException(registrationMethod);
                });
            }
            throw new UnsupportedOperationException(method);
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args));
    }
}

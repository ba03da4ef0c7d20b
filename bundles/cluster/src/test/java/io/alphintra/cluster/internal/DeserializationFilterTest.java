package io.alphintra.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import io.alphintra.cluster.ClusterMember;
import io.alphintra.cluster.NodeIdentity;
import io.alphintra.cluster.Region;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real members in one cluster: {@code filtered} as the node configures it, {@code unfiltered} without the
 * deserialization filter, to show that the filter, not something else, refuses what it refuses.
 */
class DeserializationFilterTest {
    private static HazelcastInstance filtered;
    private static HazelcastInstance unfiltered;

    @BeforeAll
    static void startCluster() throws Exception {
        int filteredPort = TestSupport.freePort();
        int unfilteredPort = TestSupport.freePort();
        filtered = ClusterNode.newMember(config("filtered", filteredPort, unfilteredPort), Optional.empty());
        Config withoutFilter = config("unfiltered", unfilteredPort, filteredPort);
        withoutFilter.getSerializationConfig().setJavaSerializationFilterConfig(null);
        unfiltered = ClusterNode.newMember(withoutFilter, Optional.empty());
        assertThat(filtered.getCluster().getMembers()).hasSize(2);
    }

    @AfterAll
    static void stopCluster() {
        unfiltered.getLifecycleService().terminate();
        filtered.getLifecycleService().terminate();
    }

    @Test
    void theNodeDirectoryCrossesTheFilter() {
        ClusterMember entry = new ClusterMember("id-1", new NodeIdentity("test", "node-b", Region.APAC),
                "127.0.0.1:5702", "1.2.3", 42L);
        unfiltered.<String, ClusterMember>getMap(ClusterNode.NODE_DIRECTORY).put("id-1", entry);

        assertThat(filtered.<String, ClusterMember>getMap(ClusterNode.NODE_DIRECTORY).get("id-1")).isEqualTo(entry);
    }

    @Test
    void classesOutsideTheWhitelistAreRefused() {
        unfiltered.getMap("smuggled").put("ours", new Smuggled("not a shared value"));
        // A well-known entry point of deserialization gadget chains, and a JDK class.
        unfiltered.getMap("smuggled").put("gadget", new BadAttributeValueExpException("payload"));

        assertThat(unfiltered.getMap("smuggled").get("ours")).isEqualTo(new Smuggled("not a shared value"));
        assertThatThrownBy(() -> filtered.getMap("smuggled").get("ours"))
                .isInstanceOf(HazelcastSerializationException.class)
                .hasRootCauseMessage("Resolving class " + Smuggled.class.getName() + " is not allowed.");
        assertThatThrownBy(() -> filtered.getMap("smuggled").get("gadget"))
                .isInstanceOf(HazelcastSerializationException.class)
                .hasRootCauseMessage("Resolving class javax.management.BadAttributeValueExpException is not allowed.");
    }

    @Test
    void anErrorOnAnotherMemberStillArrivesIntact() {
        IMap<String, String> map = filtered.getMap("errors");
        String keyOnTheOtherMember = IntStream.range(0, 1_000).mapToObj(i -> "key-" + i)
                .filter(key -> filtered.getPartitionService().getPartition(key).getOwner()
                        .equals(unfiltered.getCluster().getLocalMember()))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> map.executeOnKey(keyOnTheOtherMember, new Failing()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("failed on the owner of " + keyOnTheOtherMember);
    }

    private static Config config(String name, int port, int peerPort) {
        Config config = ClusterNode.hazelcastConfig(new ClusterSettings(new NodeIdentity("filter-test", name,
                Region.AMER), "127.0.0.1", port, 1, List.of("127.0.0.1:" + peerPort), Optional.empty()));
        config.setInstanceName(DeserializationFilterTest.class.getSimpleName() + "-" + name);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setConnectionTimeoutSeconds(2);
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        return config;
    }

    record Smuggled(String payload) implements Serializable {
    }

    /** Runs on the key's owner, the unfiltered member; the filtered caller must still read the exception. */
    static final class Failing implements EntryProcessor<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String process(Map.Entry<String, String> entry) {
            throw new IllegalStateException("failed on the owner of " + entry.getKey());
        }
    }
}

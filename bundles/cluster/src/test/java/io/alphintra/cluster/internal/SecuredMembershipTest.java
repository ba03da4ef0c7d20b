package io.alphintra.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import io.alphintra.cluster.NodeIdentity;
import io.alphintra.cluster.Region;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Hazelcast members on loopback: who may join whom, with and without the shared secret. */
class SecuredMembershipTest {
    private static final String CLUSTER = "alphintra-test";

    @TempDir
    Path directory;

    private final List<HazelcastInstance> started = new ArrayList<>();

    @AfterEach
    void stopMembers() {
        started.forEach(member -> member.getLifecycleService().terminate());
    }

    @Test
    void membersWithTheSameSecretFormOneCluster() throws Exception {
        ClusterSecret secret = secret("shared");
        int portA = TestSupport.freePort();
        int portB = TestSupport.freePort();
        HazelcastInstance a = member("a", portA, portB, Optional.of(secret));
        HazelcastInstance b = member("b", portB, portA, Optional.of(secret));

        assertThat(a.getCluster().getMembers()).hasSize(2);
        assertThat(b.getCluster().getMembers()).hasSize(2);
        a.getMap("shared").put("key", "written on a");
        assertThat(b.getMap("shared").get("key")).isEqualTo("written on a");
    }

    @Test
    void memberWithADifferentSecretCannotJoin() throws Exception {
        int portA = TestSupport.freePort();
        int portB = TestSupport.freePort();
        HazelcastInstance a = member("a", portA, portB, Optional.of(secret("one")));
        a.getMap("shared").put("key", "only on a");
        HazelcastInstance b = member("b", portB, portA, Optional.of(secret("other")));

        assertAlone(a, b);
        assertThat(b.getMap("shared").get("key")).isNull();
    }

    @Test
    void memberWithoutASecretCannotJoinASecuredCluster() throws Exception {
        int portA = TestSupport.freePort();
        int portB = TestSupport.freePort();
        HazelcastInstance a = member("a", portA, portB, Optional.of(secret("shared")));
        HazelcastInstance b = member("b", portB, portA, Optional.empty());

        assertAlone(a, b);
    }

    @Test
    void securedMemberDoesNotJoinAClusterWithoutTheSecret() throws Exception {
        int portA = TestSupport.freePort();
        int portB = TestSupport.freePort();
        HazelcastInstance unsecured = member("a", portA, portB, Optional.empty());
        HazelcastInstance secured = member("b", portB, portA, Optional.of(secret("shared")));

        assertAlone(unsecured, secured);
    }

    @Test
    void hazelcastClientsAreTurnedAwayBySecuredMembers() throws Exception {
        int securedPort = TestSupport.freePort();
        int openPort = TestSupport.freePort();
        member("secured", securedPort, TestSupport.freePort(), Optional.of(secret("shared")));
        member("open", openPort, TestSupport.freePort(), Optional.empty());

        var client = HazelcastClient.newHazelcastClient(clientOf(openPort));
        try {
            assertThat(client.getCluster().getMembers()).hasSize(1);
        } finally {
            client.shutdown();
        }
        assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(clientOf(securedPort)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unable to connect");
    }

    private ClusterSecret secret(String name) throws Exception {
        return ClusterSecret.read(TestSupport.secretFile(directory, name), CLUSTER);
    }

    private HazelcastInstance member(String name, int port, int peerPort, Optional<ClusterSecret> secret) {
        ClusterSettings settings = new ClusterSettings(new NodeIdentity(CLUSTER, name, Region.AMER), "127.0.0.1",
                port, 1, List.of("127.0.0.1:" + peerPort), Optional.empty());
        Config config = ClusterNode.hazelcastConfig(settings);
        config.setInstanceName(getClass().getSimpleName() + "-" + name);
        // A member that finds no peer admitting it forms its own cluster after this; the default is 5 s.
        config.getNetworkConfig().getJoin().getTcpIpConfig().setConnectionTimeoutSeconds(2);
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        HazelcastInstance member = ClusterNode.newMember(config, secret);
        started.add(member);
        return member;
    }

    private static void assertAlone(HazelcastInstance... members) {
        for (HazelcastInstance member : members) {
            assertThat(member.getCluster().getMembers()).as(member.getName()).hasSize(1);
        }
    }

    private static ClientConfig clientOf(int port) {
        ClientConfig client = new ClientConfig();
        client.setClusterName(CLUSTER);
        client.getNetworkConfig().addAddress("127.0.0.1:" + port);
        client.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(2_000);
        client.setProperty("hazelcast.logging.type", "slf4j");
        return client;
    }
}

package io.alphintra.itest;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Two nodes, each a separate copy of the distribution in its own JVM started with its own {@code bin/karaf}, as an
 * operator would run them on one machine: configured with each other's address they form one Hazelcast cluster, and
 * each sees the other's entry in the shared node directory.
 */
public class TwoNodeClusterIT {
    private static final Duration START = Duration.ofSeconds(240);
    private static final Pattern CLUSTER_SIZE = Pattern.compile("\"clusterSize\":(\\d+)");

    private final List<NodeProcess> nodes = new ArrayList<>();

    @Before
    public void unpackTwoNodes() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "two-node-cluster").toAbsolutePath());
        int clusterPortA = KarafNode.freePort();
        int clusterPortB = KarafNode.freePort();
        nodes.add(NodeProcess.unpack(root.resolve("a"), "node-a", "AMER", clusterPortA, "127.0.0.1:" + clusterPortB));
        nodes.add(NodeProcess.unpack(root.resolve("b"), "node-b", "EMEA", clusterPortB, "127.0.0.1:" + clusterPortA));
    }

    @After
    public void stopNodes() {
        nodes.forEach(NodeProcess::stop);
    }

    @Test
    public void nodesFormOneClusterAndSeeEachOthersData() throws Exception {
        for (NodeProcess node : nodes) {
            node.start();
        }
        for (NodeProcess node : nodes) {
            Poll.until(node.name() + " sees a cluster of 2", START, node::health, () -> clusterSize(node.health()) == 2);
        }
        NodeProcess a = nodes.get(0);
        NodeProcess b = nodes.get(1);
        String statusOnA = a.shell("alphintra:status");
        assertTrue(statusOnA, statusOnA.matches("(?s).*node-b\\s*\\|\\s*EMEA\\s*\\|\\s*127\\.0\\.0\\.1:" + b.clusterPort() + ".*"));
        String statusOnB = b.shell("alphintra:status");
        assertTrue(statusOnB, statusOnB.matches("(?s).*node-a\\s*\\|\\s*AMER\\s*\\|\\s*127\\.0\\.0\\.1:" + a.clusterPort() + ".*"));

        b.stop();
        Poll.until("node-a sees node-b leave", START, a::health, () -> clusterSize(a.health()) == 1);
        String afterLeave = a.shell("alphintra:status");
        assertTrue("node-b's directory entry is removed: " + afterLeave, !afterLeave.contains("node-b"));
    }

    private static int clusterSize(String health) {
        Matcher matcher = CLUSTER_SIZE.matcher(health);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}

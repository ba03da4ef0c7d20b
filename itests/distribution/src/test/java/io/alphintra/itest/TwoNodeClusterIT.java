package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    private final List<Node> nodes = new ArrayList<>();

    @Before
    public void unpackTwoNodes() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "two-node-cluster").toAbsolutePath());
        int clusterPortA = KarafNode.freePort();
        int clusterPortB = KarafNode.freePort();
        nodes.add(Node.unpack(root.resolve("a"), "node-a", "AMER", clusterPortA, clusterPortB));
        nodes.add(Node.unpack(root.resolve("b"), "node-b", "EMEA", clusterPortB, clusterPortA));
    }

    @After
    public void stopNodes() {
        nodes.forEach(Node::stop);
    }

    @Test
    public void nodesFormOneClusterAndSeeEachOthersData() throws Exception {
        for (Node node : nodes) {
            node.start();
        }
        for (Node node : nodes) {
            Poll.until(node.name + " sees a cluster of 2", START, node::health, () -> clusterSize(node.health()) == 2);
        }
        Node a = nodes.get(0);
        Node b = nodes.get(1);
        String statusOnA = a.shell("alphintra:status");
        assertTrue(statusOnA, statusOnA.matches("(?s).*node-b\\s*\\|\\s*EMEA\\s*\\|\\s*127\\.0\\.0\\.1:" + b.clusterPort + ".*"));
        String statusOnB = b.shell("alphintra:status");
        assertTrue(statusOnB, statusOnB.matches("(?s).*node-a\\s*\\|\\s*AMER\\s*\\|\\s*127\\.0\\.0\\.1:" + a.clusterPort + ".*"));

        b.stop();
        Poll.until("node-a sees node-b leave", START, a::health, () -> clusterSize(a.health()) == 1);
        String afterLeave = a.shell("alphintra:status");
        assertTrue("node-b's directory entry is removed: " + afterLeave, !afterLeave.contains("node-b"));
    }

    private static int clusterSize(String health) {
        Matcher matcher = CLUSTER_SIZE.matcher(health);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** One unpacked distribution with its own ports. */
    private static final class Node {
        final String name;
        final Path home;
        final int clusterPort;
        final int httpPort;
        Process process;

        private Node(String name, Path home, int clusterPort, int httpPort) {
            this.name = name;
            this.home = home;
            this.clusterPort = clusterPort;
            this.httpPort = httpPort;
        }

        static Node unpack(Path directory, String name, String region, int clusterPort, int otherClusterPort)
                throws Exception {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            run(directory, List.of("tar", "xzf", System.getProperty("alphintra.distribution"), "-C",
                    directory.toString(), "--strip-components=1"));
            int httpPort = KarafNode.freePort();
            Path etc = directory.resolve("etc");
            put(etc.resolve("io.alphintra.http.cfg"), Map.of("port", String.valueOf(httpPort)));
            put(etc.resolve("io.alphintra.cluster.cfg"), Map.of("nodeName", name, "region", region,
                    "port", String.valueOf(clusterPort), "portCount", "1",
                    "members", "127.0.0.1:" + otherClusterPort));
            put(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort", String.valueOf(KarafNode.freePort())));
            put(etc.resolve("org.apache.karaf.management.cfg"), Map.of(
                    "rmiRegistryPort", String.valueOf(KarafNode.freePort()),
                    "rmiServerPort", String.valueOf(KarafNode.freePort())));
            return new Node(name, directory, clusterPort, httpPort);
        }

        void start() throws IOException {
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.out").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
        }

        String health() {
            return Http.get("http://127.0.0.1:" + httpPort + "/health").toString();
        }

        /** Runs a shell command with the credential the first start created, as ./alphintra client does. */
        String shell(String command) throws Exception {
            String password = Files.readAllLines(home.resolve("etc/admin.credential")).stream()
                    .filter(line -> line.startsWith("password=")).map(line -> line.substring("password=".length()))
                    .findFirst().orElseThrow();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-u", "admin",
                    "-p", password, "-b").directory(home.toFile()).redirectErrorStream(true);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process client = builder.start();
            client.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            client.getOutputStream().close();
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue("client finished", client.waitFor(60, TimeUnit.SECONDS));
            assertEquals("client exit status; output: " + output, 0, client.exitValue());
            return output;
        }

        /** bin/karaf runs Java as a child it restarts on demand, so the JVM itself gets the SIGTERM. */
        void stop() {
            if (process == null || !process.isAlive()) {
                return;
            }
            List<ProcessHandle> jvms = process.descendants().collect(java.util.stream.Collectors.toList());
            jvms.forEach(ProcessHandle::destroy); // SIGTERM: Karaf shuts down cleanly
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    jvms.forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                for (ProcessHandle jvm : jvms) {
                    jvm.onExit().get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                jvms.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static void put(Path cfg, Map<String, String> values) throws IOException {
            List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
            for (Map.Entry<String, String> entry : values.entrySet()) {
                Pattern key = Pattern.compile("^\\s*" + Pattern.quote(entry.getKey()) + "\\s*=.*$");
                lines.removeIf(line -> key.matcher(line).matches());
                lines.add(entry.getKey() + " = " + entry.getValue());
            }
            Files.write(cfg, lines);
        }

        private static void run(Path directory, List<String> command) throws Exception {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
            assertTrue(command + " finished", process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(command + " exit status", 0, process.exitValue());
        }

        private static void deleteRecursively(Path path) throws IOException {
            if (!Files.exists(path)) {
                return;
            }
            try (var paths = Files.walk(path)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}

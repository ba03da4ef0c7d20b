package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One unpacked copy of the distribution, started with its own {@code bin/karaf} in a JVM of its own, as an operator
 * runs a node: for tests whose claim is about whole nodes (clustering, crashes).
 */
final class NodeProcess {
    private final String name;
    private final Path home;
    private final int clusterPort;
    private final int httpPort;
    private Process process;

    private NodeProcess(String name, Path home, int clusterPort, int httpPort) {
        this.name = name;
        this.home = home;
        this.clusterPort = clusterPort;
        this.httpPort = httpPort;
    }

    /** Unpacks a fresh node on free loopback ports; {@code members} is its cluster member list (may be empty). */
    static NodeProcess unpack(Path directory, String name, String region, int clusterPort, String members)
            throws Exception {
        deleteRecursively(directory);
        Files.createDirectories(directory);
        run(directory, List.of("tar", "xzf", System.getProperty("alphintra.distribution"), "-C",
                directory.toString(), "--strip-components=1"));
        int httpPort = KarafNode.freePort();
        NodeProcess node = new NodeProcess(name, directory, clusterPort, httpPort);
        node.configure("io.alphintra.http.cfg", Map.of("port", String.valueOf(httpPort)));
        node.configure("io.alphintra.cluster.cfg", Map.of("nodeName", name, "region", region,
                "port", String.valueOf(clusterPort), "portCount", "1", "members", members));
        node.configure("org.apache.karaf.shell.cfg", Map.of("sshPort", String.valueOf(KarafNode.freePort())));
        node.configure("org.apache.karaf.management.cfg", Map.of(
                "rmiRegistryPort", String.valueOf(KarafNode.freePort()),
                "rmiServerPort", String.valueOf(KarafNode.freePort())));
        for (String account : TestAccounts.IDS) {
            node.configure(TestAccounts.file(account), TestAccounts.configuration(account));
        }
        return node;
    }

    String name() {
        return name;
    }

    int clusterPort() {
        return clusterPort;
    }

    Path home() {
        return home;
    }

    /** Sets keys of an {@code etc/} configuration file, as an operator editing it would. */
    void configure(String file, Map<String, String> values) throws IOException {
        Path cfg = home.resolve("etc").resolve(file);
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg)) : new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Pattern key = Pattern.compile("^\\s*" + Pattern.quote(entry.getKey()) + "\\s*=.*$");
            lines.removeIf(line -> key.matcher(line).matches());
            lines.add(entry.getKey() + " = " + entry.getValue());
        }
        Files.write(cfg, lines);
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
    }

    String health() {
        return Http.get("http://127.0.0.1:" + httpPort + "/health").toString();
    }

    boolean healthy() {
        return Http.get("http://127.0.0.1:" + httpPort + "/health").status() == 200;
    }

    /**
     * Runs a shell command as admin over the node's SSH shell, as {@code ./alphintra client} does, without a password
     * on any process's command line; fails unless the command succeeds.
     */
    String shell(String command) throws Exception {
        try (NodeShell shell = NodeShell.of(this)) {
            NodeShell.Result result = shell.exec("admin", NodeShell.adminPassword(this), command);
            assertEquals("shell exit status; output: " + result.output(), 0, result.status());
            return result.output();
        }
    }

    /** SIGKILL to the node's JVM: no shutdown hook, no flush, exactly what a crash does. */
    void kill() throws InterruptedException {
        List<ProcessHandle> jvms = process.descendants().collect(Collectors.toList());
        jvms.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** bin/karaf runs Java as a child it restarts on demand, so the JVM itself gets the SIGTERM. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> jvms = process.descendants().collect(Collectors.toList());
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
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}

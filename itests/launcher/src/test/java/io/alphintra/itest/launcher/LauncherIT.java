package io.alphintra.itest.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A newcomer's first hour, run as they would run it: a copy of this tree (what a fresh clone holds: the tracked
 * files and new ones git does not ignore) in an empty folder with nothing beside it, where the README's first command
 * builds and starts a node, and then every command the README shows, in the README's order, works on that node.
 * The README is read at test time, so an edited README is what gets tested.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    private static final Duration BUILD_AND_START = Duration.ofMinutes(20);
    private static final Duration COMMAND = Duration.ofMinutes(2);
    /** Output that a working command never prints. */
    private static final Pattern FAILURE = Pattern.compile(
            "(?i)error executing|exception|command not found|no more authentication|\\bunknown command\\b");

    private static Path workspace;
    private static Path clone;
    private static Path evidence;
    private static int httpPort;
    private static final Map<String, String> environment = new HashMap<>();
    private static Process foreground;

    @BeforeAll
    static void copyTheTreeIntoAnEmptyFolder() throws Exception {
        Path root = Path.of(System.getProperty("alphintra.root")).toRealPath();
        workspace = Files.createTempDirectory("alphintra-newcomer-");
        clone = workspace.resolve("alphintra");
        evidence = Path.of("target", "launcher-it").toAbsolutePath();
        Files.createDirectories(evidence);
        Process list = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String files = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, list.waitFor(), "git ls-files in " + root);
        int copied = 0;
        for (String file : files.split("\0")) {
            Path source = root.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue; // deleted in the work tree but not yet in the index
            }
            Path target = clone.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            copied++;
        }
        assertTrue(copied > 100, "copied only " + copied + " files from " + root);

        // Free ports for everything the node listens on, through Karaf's PID_KEY environment overrides, so the test
        // neither collides with a node the developer is running nor depends on the shipped ports being free.
        environment.putAll(System.getenv());
        environment.remove("ALPHINTRA_HOME");
        httpPort = freePort();
        environment.put("IO_ALPHINTRA_HTTP_PORT", String.valueOf(httpPort));
        environment.put("ORG_APACHE_KARAF_SHELL_SSHPORT", String.valueOf(freePort()));
        environment.put("IO_ALPHINTRA_CLUSTER_PORT", String.valueOf(freePort()));
        int rmiRegistry = freePort();
        int rmiServer = freePort();
        environment.put("ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT", String.valueOf(rmiRegistry));
        environment.put("ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT", String.valueOf(rmiServer));
        // The JMX URL is built from the two ports when the file is read, before the overrides apply.
        environment.put("ORG_APACHE_KARAF_MANAGEMENT_SERVICEURL", "service:jmx:rmi://127.0.0.1:" + rmiServer
                + "/jndi/rmi://127.0.0.1:" + rmiRegistry + "/karaf-root");
    }

    @AfterAll
    static void stopWhateverIsLeftAndCleanUp() throws Exception {
        try {
            if (clone != null && Files.exists(clone.resolve("alphintra"))) {
                run("./alphintra stop");
            }
            if (foreground != null && foreground.isAlive()) {
                foreground.destroyForcibly();
            }
            Path log = clone == null ? null : clone.resolve("run/node/data/log/karaf.log");
            if (log != null && Files.exists(log)) {
                Files.copy(log, evidence.resolve("karaf.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (workspace != null) {
                try (Stream<Path> paths = Files.walk(workspace)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    @Test
    @Order(1)
    void theFirstCommandBuildsAndStartsANodeInTheForeground() throws Exception {
        Path output = evidence.resolve("start-foreground.txt");
        ProcessBuilder start = new ProcessBuilder("./alphintra", "start").directory(clone.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        start.environment().clear();
        start.environment().putAll(environment);
        foreground = start.start();
        long deadline = System.nanoTime() + BUILD_AND_START.toNanos();
        while (!healthy()) {
            if (!foreground.isAlive()) {
                fail("./alphintra start ended with status " + foreground.exitValue() + " before the node was healthy:\n"
                        + Files.readString(output));
            }
            if (System.nanoTime() > deadline) {
                fail("no healthy node within " + BUILD_AND_START + ":\n" + Files.readString(output));
            }
            TimeUnit.SECONDS.sleep(2);
        }
        String said = Files.readString(output);
        assertTrue(said.contains("no node has been built in this clone yet: building it now"), said);
        assertTrue(said.contains("Karaf distribution"), "a line per module while building:\n" + said);
        assertTrue(said.contains("starting in the foreground"), said);
        assertTrue(said.contains("dashboard: http://127.0.0.1:" + httpPort + "/dashboard/"), said);
        assertTrue(said.contains("admin.credential"), "how to log in:\n" + said);
        Result dashboard = get("127.0.0.1:" + httpPort + "/dashboard/");
        assertEquals(0, dashboard.exitCode, "GET /dashboard/ answered " + dashboard.exitCode);
        assertTrue(dashboard.output.contains("<html"), dashboard.output);

        Result status = run("./alphintra status");
        assertEquals(0, status.exitCode, status.output);
        assertTrue(status.output.contains("\"status\":\"UP\""), status.output);

        Result stop = run("./alphintra stop");
        assertEquals(0, stop.exitCode, stop.output);
        assertTrue(stop.output.contains("stopped"), stop.output);
        assertTrue(foreground.waitFor(30, TimeUnit.SECONDS), "the foreground launcher still runs after stop");
        assertFalse(Files.exists(clone.resolve("run/node/karaf.pid"))
                && ProcessHandle.of(Long.parseLong(Files.readString(clone.resolve("run/node/karaf.pid")).trim()))
                        .map(ProcessHandle::isAlive).orElse(false), "the node's JVM outlived ./alphintra stop");
        assertEquals(3, run("./alphintra status").exitCode, "status of a stopped node");
    }

    @Test
    @Order(2)
    void everyCommandTheReadmeShowsWorksInItsOrder() throws Exception {
        List<String> commands = ReadmeCommands.shellLines(Files.readString(clone.resolve("README.md")));
        assertTrue(commands.contains("./alphintra start --background"), commands.toString());
        assertEquals("./alphintra stop", commands.get(commands.size() - 1), "the README's session ends stopped");
        StringBuilder transcript = new StringBuilder();
        String password = Files.readAllLines(clone.resolve("run/node/etc/admin.credential")).stream()
                .filter(line -> line.startsWith("password=")).findFirst().orElseThrow().substring(9);
        CommandLineWatch watch = CommandLineWatch.start(password);
        try {
            for (String command : commands) {
                if (command.equals("./alphintra start") || command.startsWith("./alphintra test")) {
                    continue; // the first is the test above; the second is the build running this test
                }
                Result result = command.startsWith("curl ") ? get(command.substring(5).trim()) : run(command);
                transcript.append("$ ").append(command).append('\n').append(result.output).append('\n');
                Files.writeString(evidence.resolve("readme-transcript.txt"), transcript);
                assertEquals(0, result.exitCode, "$ " + command + "\n" + result.output);
                assertFalse(result.output.isBlank(), "$ " + command + " printed nothing");
                Matcher failure = FAILURE.matcher(result.output);
                if (failure.find()) {
                    fail("$ " + command + " printed '" + failure.group() + "':\n" + result.output);
                }
            }
        } finally {
            watch.close();
            run("./alphintra stop"); // so that a failure here leaves the next test a stopped node
        }
        assertTrue(watch.sightings().isEmpty(), "the admin password was on these command lines, visible to every "
                + "user through ps: " + watch.sightings());
        assertTrue(watch.scans() > 100, "the command lines were scanned only " + watch.scans() + " times");
        assertEquals(3, run("./alphintra status").exitCode, "the README's session leaves the node stopped");
    }

    @Test
    @Order(3)
    void theShellHelpAndTheConsoleReadmeListTheSameCommands() throws Exception {
        Result start = run("./alphintra start --background");
        assertEquals(0, start.exitCode, start.output);
        Result help = run("./alphintra client \"help alphintra\"");
        run("./alphintra stop");
        assertEquals(0, help.exitCode, help.output);
        Set<String> inHelp = commandNames(help.output);
        Set<String> inReadme = commandNames(Files.readString(clone.resolve("bundles/console/README.md")));
        assertTrue(inHelp.size() >= 10, "help alphintra listed " + inHelp + ":\n" + help.output);
        assertEquals(inHelp, inReadme, "commands in 'help alphintra' vs bundles/console/README.md");
    }

    private static Set<String> commandNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("alphintra:([a-z][a-z-]*)").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** A README's {@code curl URL}, done here so the test needs no curl; the shipped port becomes the test's. */
    private static Result get(String address) throws Exception {
        String url = (address.startsWith("http") ? address : "http://" + address)
                .replace(":8080", ":" + httpPort);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return new Result(response.statusCode() == 200 ? 0 : response.statusCode(), response.body());
    }

    private static boolean healthy() {
        try {
            return get("127.0.0.1:" + httpPort + "/health").exitCode == 0;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static Result run(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(clone.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        // Into a file rather than a pipe, so a command that hangs cannot block the test past its limit.
        Path output = Files.createTempFile(evidence, "command-", ".txt");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("$ " + command + " did not finish within " + COMMAND + ":\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output));
        } finally {
            Files.delete(output);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}

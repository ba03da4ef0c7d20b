package io.alphintra.itest;

import io.alphintra.itest.NodeShell.Result;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The alphintra shell commands as an operator meets them on a whole node: through the real {@code bin/client -b}
 * (the path {@code ./alphintra client} takes) and, for the many one-line checks, through the same SSH exec channel
 * the client opens, without a JVM per command. One node for the whole class.
 */
public class ShellIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final String BTC = "BTC-USD@SIMX_CRYPTO";
    /** A line of alphintra:market with a bid. */
    private static final Pattern QUOTED_BTC = Pattern.compile("BTC-USD@SIMX_CRYPTO\\s+\\|\\s+\\d");
    private static final Pattern QUOTED_AAPL = Pattern.compile("AAPL@SIMX_US\\s+\\|\\s+\\d");
    /** Every alphintra command, from the console, engine, risk limits and alerts bundles. */
    private static final List<String> COMMANDS = List.of("status", "help", "orders", "order-submit", "order-cancel",
            "order-replace", "order-release", "strategies", "engine", "snapshot", "market", "positions", "pnl",
            "rulesets", "journal", "journal-prune", "accounts", "risk-monitor", "risk-limits", "risk-limits-set",
            "risk-limits-delete", "kill", "kill-reset", "kills", "alerts", "alert-ack");

    private static NodeProcess node;
    private static NodeShell shell;
    private static String password;

    @BeforeClass
    public static void startNode() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "shell-it").toAbsolutePath());
        node = NodeProcess.unpack(root.resolve("node"), "shell-1", "AMER", KarafNode.freePort(), "");
        node.start();
        Poll.until("the node is healthy", START, node::health, node::healthy);
        password = NodeShell.adminPassword(node);
        shell = NodeShell.of(node);
        String[] seen = {""};
        Poll.until("the four baseline rule sets are installed and " + BTC + " and AAPL@SIMX_US quoted", START,
                () -> seen[0], () -> {
                    seen[0] = quiet("alphintra:rulesets") + quiet("alphintra:market");
                    return Stream.of("baseline-us", "baseline-eu", "baseline-jp", "baseline-uk")
                            .allMatch(seen[0]::contains) && QUOTED_BTC.matcher(seen[0]).find()
                            && QUOTED_AAPL.matcher(seen[0]).find();
                });
    }

    @AfterClass
    public static void stopNode() throws Exception {
        if (shell != null) {
            shell.close();
        }
        if (node != null) {
            node.stop();
        }
    }

    @Test
    public void helpThroughTheClientListsEveryAlphintraCommandAndShowsUsage() throws Exception {
        Result result = client("help alphintra", "help alphintra:order-submit", "alphintra:order-replace --help",
                "help");
        assertEquals(result.output(), 0, result.status());
        String output = result.output();
        // help alphintra comes first, up to help alphintra:order-submit's DESCRIPTION.
        String scope = output.substring(0, Math.max(0, output.indexOf("DESCRIPTION")));
        assertTrue(output, scope.contains("SUBSHELL") && scope.contains("COMMANDS"));
        for (String command : COMMANDS) {
            Matcher listed = Pattern.compile("(?m)^\\s*alphintra:" + Pattern.quote(command)
                    + "\\s+[|│]?\\s*[A-Z][a-z].*$").matcher(scope);
            assertTrue("help alphintra lists alphintra:" + command + " with its description:\n" + output,
                    listed.find());
        }
        // help alphintra:order-submit: the usage, every option, and examples that name shipped venues.
        assertTrue(output, output.contains("alphintra:order-submit [options] side quantity instrument [price]"));
        for (String option : List.of("--type", "--tif", "--stop", "--account", "--desk", "--client",
                "--id")) {
            assertTrue(option + " in the usage:\n" + output, output.contains(option));
        }
        assertFalse("no example names a venue id the node does not have", output.contains("SIMX-US"));
        // alphintra:order-replace --help: options before the id.
        assertTrue(output, output.contains("order-replace --price 190.05 sh-1b2c3d4e-5f60"));
        // help: Karaf's list of every command, with ours.
        assertTrue(output, output.contains("bundle:list") && output.contains("alphintra:rulesets"));

        // The examples work as printed: every order-submit example goes through the gate and the venue takes it.
        List<String> examples = output.lines().map(String::strip).filter(line -> line.startsWith("order-submit "))
                .toList();
        assertTrue("order-submit's help has examples:\n" + output, examples.size() >= 3
                && examples.stream().anyMatch(line -> line.contains("--type MARKET")));
        for (String example : examples) {
            Result answer = exec(example);
            assertEquals(example + ": " + answer.output(), 0, answer.status());
            assertTrue(example + ": " + answer.output(), answer.output().contains("PENDING_NEW")
                    && !answer.output().contains("REJECTED"));
        }
    }

    @Test
    public void userErrorsAreOneLineNamingFieldValueAndAllowedValuesAndAreNotLoggedAsErrors() throws Exception {
        long logBefore = Files.size(log());
        String submit = "alphintra:order-submit --account ACC-IT ";
        List<String[]> cases = List.of(
                new String[] {submit + "PURCHASE 1 AAPL@SIMX_US 190",
                    "side = 'PURCHASE': not one of BUY, SELL, SELL_SHORT, SELL_SHORT_EXEMPT"},
                new String[] {"alphintra:order-cancel no-such-order",
                    "clientOrderId = 'no-such-order': no order held has this id"},
                new String[] {submit + "BUY 1 XYZ@@ 1", "instrument = 'XYZ@@': expected SYMBOL@VENUE"},
                new String[] {submit + "BUY 1 AAPL@SIMX-US 190", "instrument = 'AAPL@SIMX-US': venueId = 'SIMX-US'"},
                new String[] {submit + "BUY 1 XYZ@SIMX_US 1",
                    "instrument = 'XYZ@SIMX_US': no connected venue lists it"},
                new String[] {"alphintra:orders --limit -1", "--limit = '-1': not a whole number from 1 to"},
                new String[] {submit + "--tif NOW BUY 1 AAPL@SIMX_US 190",
                    "--tif = 'NOW': not one of DAY, GTC, IOC, FOK"},
                new String[] {submit + "--type FOO BUY 1 AAPL@SIMX_US 190",
                    "--type = 'FOO': not one of MARKET, LIMIT, STOP, STOP_LIMIT"},
                new String[] {submit + "BUY 1 AAPL@SIMX_US", "price: required for a LIMIT order",
                    "--type MARKET"},
                new String[] {submit + "BUY 1 AAPL@SIMX_US 190.001", "price = 190.001", "tick grid of AAPL@SIMX_US"},
                new String[] {submit + "BUY 1 AAPL@SIMX_US abc", "price = 'abc': not a plain decimal number"},
                new String[] {submit + "BUY -5 AAPL@SIMX_US 190", "quantity = -5", "must be positive"},
                new String[] {submit + "BUY abc AAPL@SIMX_US 190", "quantity = 'abc': not a plain decimal number"},
                new String[] {submit + "BUY 0.000015 " + BTC + " 60000", "quantity = 0.000015",
                    "not a multiple of the lot size 0.00001"},
                new String[] {"alphintra:strategies begin x", "action = 'begin': not one of list, start, stop"});
        for (String[] error : cases) {
            Result result = exec(error[0]);
            assertEquals(error[0] + " fails: " + result.output(), 1, result.status());
            List<String> lines = result.lines();
            assertEquals(error[0] + " answers one line: " + lines, 1, lines.size());
            for (int i = 1; i < error.length; i++) {
                assertTrue(error[0] + " says '" + error[i] + "': " + lines, lines.get(0).contains(error[i]));
            }
            assertFalse(error[0] + " names no Java class: " + lines, lines.get(0).matches(".*(java\\.|Exception).*"));
        }
        // Typos at the shell: Karaf's own messages, not ours, but not errors of the node either.
        for (String typo : List.of("alphintra:foo", "alphintra:orders --bogus")) {
            Result result = exec(typo);
            assertEquals(typo + ": " + result.output(), 1, result.status());
            assertFalse(typo + ": " + result.output(), result.output().matches("(?s).*(java\\.|Exception).*"));
        }
        // Through the real client as well: the same line, and its exit status.
        Result client = client(submit + "PURCHASE 1 AAPL@SIMX_US 190");
        assertEquals(client.output(), 1, client.status());
        assertTrue(client.output(), client.lines().stream().anyMatch(line -> line.contains("side = 'PURCHASE'")));

        List<String> errors = logSince(logBefore).stream().filter(line -> line.contains("| ERROR |")).toList();
        assertEquals("the node logged no ERROR for users' mistakes: " + errors, List.of(), errors);
    }

    @Test
    public void aFillIsShownInTheInstrumentsUnits() throws Exception {
        // The documented example, with an id of its own.
        Result submitted = exec("alphintra:order-submit --account ACC-1 --id fill-1 --tif IOC BUY 0.01 " + BTC
                + " 70000");
        assertEquals(submitted.output(), 0, submitted.status());
        assertTrue(submitted.output(), submitted.output().contains("(fill-1): PENDING_NEW BUY 0.01 " + BTC));
        assertTrue("the venue's fill, in BTC: " + submitted.output(), Pattern.compile(
                "\\(fill-1\\): TRADE 0\\.\\d+ @ \\d+(\\.\\d+)?, filled 0\\.\\d+ of 0\\.01").matcher(submitted.output())
                .find());
        String row = orderRow("fill-1");
        assertTrue("Qty and Filled in BTC, not in units of 10^-8: " + row,
                row.matches(".*\\| BUY\\s+\\| 0\\.01\\s+\\| 70000\\s+\\| (FILLED|CANCELED)\\s+\\| 0\\.0\\d*\\s+\\|.*"));
        assertFalse(row, row.contains("1000000"));
    }

    @Test
    public void theJournalsDiskUseIsShownAndOldArchivesArePrunedFromTheShell() throws Exception {
        Result use = exec("alphintra:journal");
        assertEquals(use.output(), 0, use.status());
        assertTrue(use.output(), use.output().matches("(?s).*Live\\s+\\d+ segments, [0-9.]+ MB"
                + ".*Archived\\s+\\d+ segments.*Disk left\\s+[0-9.]+ MB.*"));
        Result pruned = exec("alphintra:journal-prune --older-than 36500");
        assertEquals(pruned.output(), 0, pruned.status());
        assertTrue(pruned.output(), pruned.output().startsWith("Deleted 0 archived segments"));
        Result bad = exec("alphintra:journal-prune --older-than 0");
        assertEquals(bad.output(), 1, bad.status());
        assertTrue(bad.output(), bad.output().contains("--older-than = '0'") && bad.lines().size() == 1);
    }

    @Test
    public void aVenuesRejectionShowsItsReasonInTheAnswerAndInOrders() throws Exception {
        // On the tick grid, so the gate lets it through, but above the simulated venue's maximum (100 x its start).
        Result submitted = exec("alphintra:order-submit --account ACC-1 --id reject-1 BUY 1 AAPL@SIMX_US 20000");
        assertEquals(submitted.output(), 0, submitted.status());
        String reason = "INVALID_PRICE - limitPrice = 20000 (200000000 units): above the venue's maximum 19000 for"
                + " AAPL@SIMX_US";
        assertTrue(submitted.output(), submitted.output().contains("(reject-1): REJECTED " + reason));
        String row = orderRow("reject-1");
        assertTrue(row, row.contains("REJECTED") && row.contains(reason.replace(" - ", ": ")));
    }

    @Test
    public void ruleSetsListsTheBaselineOfEachJurisdictionWithItsBundle() throws Exception {
        Result result = exec("alphintra:rulesets");
        assertEquals(result.output(), 0, result.status());
        for (String jurisdiction : List.of("US", "EU", "JP", "UK")) {
            String line = result.lines().stream().filter(l -> l.contains("baseline-" + jurisdiction.toLowerCase()))
                    .findFirst().orElseThrow(() -> new AssertionError("no baseline-" + jurisdiction.toLowerCase()
                            + ": " + result.output()));
            assertTrue(line, line.matches("\\s*" + jurisdiction + "\\s+\\| baseline-" + jurisdiction.toLowerCase()
                    + "\\s+\\| 1\\.0\\.0\\s+\\| io\\.alphintra\\.compliance\\.baseline\\s+\\| 0\\.1\\.0\\.SNAPSHOT\\s+"
                    + "\\| yes\\s*"));
        }
    }

    @Test
    public void loginsLogNoMissingEventAdmin() throws Exception {
        exec("alphintra:status");
        client("alphintra:status");
        String log = Files.readString(log());
        assertFalse("a login's audit found EventAdmin", log.contains("NoClassDefFoundError"));
        assertFalse(log.contains("Unable to send security auditing EventAdmin events"));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The row of {@code alphintra:orders} for an order, once the venue has answered it. */
    private static String orderRow(String clientOrderId) {
        String[] row = {""};
        Poll.until(clientOrderId + " is answered by the venue", Duration.ofSeconds(30), () -> row[0], () -> {
            row[0] = quiet("alphintra:orders").lines().filter(line -> line.contains("| " + clientOrderId + " "))
                    .findFirst().orElse("");
            return !row[0].isEmpty() && !row[0].contains("PENDING");
        });
        return row[0];
    }

    private static String quiet(String command) {
        try {
            return exec(command).output();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Runs a command as {@code bin/client -b} does, as admin. */
    private static Result exec(String command) {
        return shell.exec("admin", password, command);
    }

    /** The node's own {@code bin/client -b}, the path {@code ./alphintra client} takes, with commands on stdin. */
    private static Result client(String... commands) throws Exception {
        // A key, as the launcher logs in: a password on a command line is visible to every user in 'ps'.
        ProcessBuilder builder = new ProcessBuilder(node.home().resolve("bin/client").toString(), "-u", "admin",
                "-k", clientKey().toString(), "-b").directory(node.home().toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // A client JVM starts faster without the optimising compiler; it runs for a second.
        builder.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process process = builder.start();
        process.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("client finished", process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), NodeShell.plain(output));
    }

    /**
     * The admin's login key for {@code bin/client -k}: made once, the private half owner-only in the node's etc/ (PKCS#8
     * PEM), the public half added to etc/keys.properties, which Karaf reads at every login.
     */
    private static synchronized Path clientKey() throws Exception {
        Path key = node.home().resolve("etc/itest-client.key");
        if (Files.exists(key)) {
            return key;
        }
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        Files.createFile(key, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        java.security.interfaces.RSAPublicKey publicKey = (java.security.interfaces.RSAPublicKey) pair.getPublic();
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(blob);
        for (byte[] field : new byte[][] {"ssh-rsa".getBytes(StandardCharsets.US_ASCII),
                publicKey.getPublicExponent().toByteArray(), publicKey.getModulus().toByteArray()}) {
            out.writeInt(field.length);
            out.write(field);
        }
        Files.writeString(node.home().resolve("etc/keys.properties"), "\nadmin = "
                + java.util.Base64.getEncoder().encodeToString(blob.toByteArray()) + ",_g_:admingroup\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return key;
    }

    private static Path log() {
        return node.home().resolve("data/log/karaf.log");
    }

    private static List<String> logSince(long offset) throws Exception {
        byte[] bytes = Files.readAllBytes(log());
        String text = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                StandardCharsets.UTF_8);
        return new ArrayList<>(text.lines().collect(Collectors.toList()));
    }
}

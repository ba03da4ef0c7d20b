package io.alphintra.itest;

import io.alphintra.itest.NodeShell.Result;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Who may do what on a node, through its real SSH shell, and where the node listens: one node, unpacked from the
 * built distribution and started with {@code bin/karaf} and the shipped defaults (on free ports), with a viewer and
 * a trader added to {@code etc/users.properties} in the groups the first start created
 * (docs/decisions/0013-shell-roles.md).
 */
public class AccessIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final String BTC = "BTC-USD@SIMX_CRYPTO";
    private static final Pattern DENIED = Pattern.compile("Command not found|Insufficient credentials");

    private static NodeProcess node;
    private static NodeShell shell;
    private static String adminPassword;

    @BeforeClass
    public static void startNodeAndAddUsers() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "access").toAbsolutePath());
        node = NodeProcess.unpack(root.resolve("node"), "access-1", "AMER", KarafNode.freePort(), "");
        node.start();
        Poll.until("the node is healthy", START, node::health, node::healthy);
        adminPassword = NodeShell.adminPassword(node);
        // As an operator adds people; Karaf reads the file at every login and hashes the new passwords.
        Files.writeString(node.home().resolve("etc/users.properties"),
                "\nviewer = viewer-pw-1,_g_:viewergroup\ntrader = trader-pw-1,_g_:tradergroup\n"
                        + "risk = risk-pw-1,_g_:riskgroup\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        shell = NodeShell.of(node);
        Poll.until("the shell answers the admin", START, () -> "no answer",
                () -> shell.exec("admin", adminPassword, "alphintra:status").status() == 0);
    }

    @AfterClass
    public static void stopNode() throws IOException {
        if (shell != null) {
            shell.close();
        }
        if (node != null) {
            node.stop();
        }
    }

    @Test
    public void aViewerReadsButCannotTradeOperateOrReachFiles() throws Exception {
        String usersBefore = Files.readString(node.home().resolve("etc/users.properties"));
        assertAllowed("viewer", "alphintra:status", "access-1");
        assertAllowed("viewer", "alphintra:orders", "Order");
        assertAllowed("viewer", "alphintra:strategies", "Instance");
        assertAllowed("viewer", "alphintra:strategies --help", "alphintra:strategies");
        assertAllowed("viewer", "alphintra:status | grep -i region", "AMER");

        assertDenied("viewer", "alphintra:order-submit --account ACC-V --tif IOC BUY 0.001 " + BTC + " 1");
        assertDenied("viewer", "alphintra:order-cancel 1");
        assertDenied("viewer", "alphintra:snapshot");
        assertDenied("viewer", "alphintra:strategies start x");
        assertDenied("viewer", "shell:cat etc/admin.credential");
        assertDenied("viewer", "grep password etc/admin.credential");
        assertDenied("viewer", "shell:exec id");
        assertDenied("viewer", "bundle:install mvn:io.alphintra/none/1");
        assertDenied("viewer", "feature:install webconsole");
        assertDenied("viewer", "config:edit io.alphintra.http");
        assertDenied("viewer", "jaas:user-add someone pw");
        assertDenied("viewer", "echo viewer = x,_g_:admingroup > etc/users.properties");
        assertDenied("viewer", "($.context bundles)");
        assertEquals("etc/users.properties is as it was", usersBefore,
                Files.readString(node.home().resolve("etc/users.properties")));
    }

    @Test
    public void aTraderTradesButCannotOperateTheNode() {
        AtomicReference<Result> last = new AtomicReference<>();
        Poll.until(BTC + " takes the trader's order (the venue is listed and the US rule set installed)", START,
                () -> String.valueOf(last.get()),
                () -> {
                    Result result = shell.exec("trader", "trader-pw-1",
                            "alphintra:order-submit --account ACC-T --tif IOC BUY 0.001 " + BTC + " 1");
                    last.set(result);
                    assertFalse("the trader may submit: " + result, DENIED.matcher(result.output()).find());
                    return result.output().contains("PENDING_NEW");
                });
        assertAllowed("trader", "alphintra:orders", "ACC-T");

        assertDenied("trader", "bundle:install mvn:io.alphintra/none/1");
        assertDenied("trader", "shell:exec id");
        assertDenied("trader", "alphintra:snapshot");
        assertDenied("trader", "alphintra:strategies stop x");
        assertDenied("trader", "config:edit io.alphintra.http");
    }

    @Test
    public void aLimitTheRiskDeskChangesFromTheShellDecidesTheVeryNextOrderAndIsJournaledWithWho() {
        String order = "alphintra:order-submit --account ACC-T --tif IOC BUY 0.002 " + BTC + " 1";
        AtomicReference<Result> last = new AtomicReference<>();
        Poll.until(BTC + " takes the trader's order before any limit of ACC-T", START, () -> String.valueOf(last.get()),
                () -> {
                    last.set(shell.exec("trader", "trader-pw-1", order));
                    return last.get().output().contains("PENDING_NEW");
                });
        assertDenied("viewer", "alphintra:risk-limits-set account:ACC-T maxOrderQuantity=0.001");
        assertDenied("trader", "alphintra:risk-limits-set account:ACC-T maxOrderQuantity=0.001");

        assertAllowed("risk", "alphintra:risk-limits-set account:ACC-T maxOrderQuantity=0.001",
                "In force for account:ACC-T .*maxOrderQuantity = 0.001");
        Result refused = shell.exec("trader", "trader-pw-1", order);
        // As alphintra:order-submit prints a refused order: its execution type and reason, the deciding check, its text.
        assertTrue("the very next order is decided by the new limit: " + refused,
                refused.output().contains("REJECTED RISK_LIMIT - RISK:order-size@1.0.0=REJECT(RISK_LIMIT) order-size:"
                        + " quantity 0.002 of " + BTC + " over the limit of 0.001 for account:ACC-T"));

        Result malformed = shell.exec("risk", "risk-pw-1",
                "alphintra:risk-limits-set account:ACC-T maxOrderQuantity=1,000");
        assertTrue("a malformed limit is refused naming the key and value: " + malformed, malformed.status() != 0
                && malformed.output().contains("maxOrderQuantity = '1,000'"));
        assertTrue("the last good limit stays in force", shell.exec("trader", "trader-pw-1", order).output()
                .contains("over the limit of 0.001"));

        assertAllowed("viewer", "alphintra:risk-limits", "account:ACC-T .*maxOrderQuantity = 0.001");
        // Its orders were IOC bids far below the market: cancelled unfilled, so no credit is in use.
        assertAllowed("viewer", "alphintra:risk --account ACC-T", "Credit \\(PT1\\): none used today");
        assertAllowed("viewer", "alphintra:risk-limits --history",
                "in force .*risk .*account:ACC-T .*maxOrderQuantity = 0.001");
        assertAllowed("risk", "alphintra:risk-limits-delete account:ACC-T", "removed");
        assertTrue("without the scope's limit the order passes again", shell.exec("trader", "trader-pw-1", order)
                .output().contains("PENDING_NEW"));
    }

    @Test
    public void theAdminOperatesAndTheEngineFilesAreTheNodeUsersOnly() throws Exception {
        assertAllowed("admin", "alphintra:snapshot", "Snapshot at journal sequence");
        assertAllowed("admin", "alphintra:order-submit --account ACC-A --tif IOC BUY 0.001 " + BTC + " 1", "Order");
        assertAllowed("admin", "shell:exec echo from-exec", "from-exec");

        Path journal = node.home().resolve("var/journal");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(journal)) {
            files = walk.toList();
        }
        assertTrue("a segment and a snapshot: " + files, files.stream().filter(Files::isRegularFile).count() >= 2);
        for (Path path : files) {
            assertEquals(path.toString(), Files.isDirectory(path) ? "rwx------" : "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        }
    }

    @Test
    public void everyCommandScopeHasItsOwnAclEndingInAdminAndUnmatchedCommandsNeedAdmin() throws Exception {
        Result commands = shell.exec("admin", adminPassword, "echo ${.commands}");
        assertEquals(commands.toString(), 0, commands.status());
        Set<String> scopes = new TreeSet<>();
        Matcher matcher = Pattern.compile("\"([^\":]+):[^\"]+\"").matcher(commands.output());
        while (matcher.find()) {
            scopes.add(matcher.group(1));
        }
        assertTrue("Karaf's and Alphintra's scopes: " + scopes,
                scopes.containsAll(List.of("*", "alphintra", "bundle", "config", "feature", "jaas", "shell",
                        "system")));
        Pattern failsClosed = Pattern.compile("(?m)^\\*\\s*=\\s*admin\\s*$");
        for (String scope : scopes) {
            Path acl = node.home().resolve("etc/org.apache.karaf.command.acl." + ("*".equals(scope) ? "star" : scope)
                    + ".cfg");
            assertTrue("scope " + scope + " has an ACL file " + acl, Files.isRegularFile(acl));
            assertTrue(acl + " ends in * = admin", failsClosed.matcher(Files.readString(acl)).find());
        }
        assertTrue("etc/system.properties makes commands without a rule need admin",
                Files.readString(node.home().resolve("etc/system.properties"))
                        .matches("(?s).*\\nkaraf\\.secured\\.command\\.compulsory\\.roles\\s*=\\s*admin\\s*\\n.*"));
        assertAllowed("admin", "system:property karaf.secured.command.compulsory.roles", "admin");

        // Without its file, a scope's commands need admin: kar:list, a viewer's by its file, is then admin's only.
        Path kar = node.home().resolve("etc/org.apache.karaf.command.acl.kar.cfg");
        byte[] karAcl = Files.readAllBytes(kar);
        assertAllowed("viewer", "kar:list", "");
        Files.delete(kar);
        try {
            Poll.until("kar:list needs admin once its scope has no ACL", START,
                    () -> shell.exec("viewer", "viewer-pw-1", "kar:list").toString(),
                    () -> DENIED.matcher(shell.exec("viewer", "viewer-pw-1", "kar:list").output()).find());
            assertAllowed("admin", "kar:list", "");
        } finally {
            Files.write(kar, karAcl);
        }
        Poll.until("kar:list is a viewer's again", START, () -> "denied",
                () -> shell.exec("viewer", "viewer-pw-1", "kar:list").status() == 0);
    }

    @Test
    public void aStrategyInstanceIdCannotNameAFileOutsideItsFolder() throws Exception {
        Files.writeString(node.home().resolve("etc/io.alphintra.strategy-evil.cfg"), String.join("\n",
                "instanceId = ../../etc/users", "type = none", "instruments = " + BTC, "accountId = ACC-E",
                "traderId = mallory", ""));
        Path log = node.home().resolve("data/log/karaf.log");
        Poll.until("the bad instance id is logged", START, () -> "not in " + log,
                () -> read(log).contains("instanceId = '../../etc/users': must be 1 to 64 letters, digits, '.',"
                        + " '_' or '-', begin with a letter or digit and not contain '..' (it names a file)"));
        assertFalse(Files.exists(node.home().resolve("etc/users.properties.tmp")));
    }

    @Test
    public void everyListeningSocketIsOnLoopbackAndJmxAnswersThere() throws Exception {
        long pid = Long.parseLong(Files.readString(node.home().resolve("karaf.pid")).trim());
        assertTrue("needs Linux /proc", Files.isDirectory(Path.of("/proc", String.valueOf(pid), "fd")));
        int http = NodeShell.port(node, "io.alphintra.http.cfg", "port");
        int cluster = NodeShell.port(node, "io.alphintra.cluster.cfg", "port");
        int sshPort = NodeShell.port(node, "org.apache.karaf.shell.cfg", "sshPort");
        int registry = NodeShell.port(node, "org.apache.karaf.management.cfg", "rmiRegistryPort");
        int rmiServer = NodeShell.port(node, "org.apache.karaf.management.cfg", "rmiServerPort");

        List<InetSocketAddress> listening = listeningSockets(pid);
        for (InetSocketAddress socket : listening) {
            assertTrue(socket + " is not on loopback; all: " + listening, socket.getAddress().isLoopbackAddress());
        }
        assertTrue("HTTP, Hazelcast, SSH, the RMI registry and JMX are among " + listening,
                listening.stream().map(InetSocketAddress::getPort).toList()
                        .containsAll(List.of(http, cluster, sshPort, registry, rmiServer)));

        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + rmiServer + "/jndi/rmi://127.0.0.1:"
                + registry + "/karaf-root");
        Map<String, Object> credentials = Map.of(JMXConnector.CREDENTIALS, new String[] {"admin", adminPassword});
        try (JMXConnector jmx = JMXConnectorFactory.connect(url, credentials)) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertEquals("root", server.getAttribute(new ObjectName("org.apache.karaf:type=system,name=root"), "Name"));
        }
    }

    @Test
    public void sftpIsOff() throws Exception {
        try (ClientSession session = shell.login("admin", adminPassword);
             ClientChannel sftp = session.createSubsystemChannel("sftp")) {
            try {
                sftp.open().verify(COMMAND);
            } catch (IOException refused) {
                return;
            }
            // The server takes the channel, then closes it for want of the subsystem (it keeps a real one open).
            assertTrue("the SSH server has no sftp subsystem",
                    sftp.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10))
                            .contains(ClientChannelEvent.CLOSED));
        }
    }

    // --- helpers

    private static void assertAllowed(String user, String command, String expected) {
        Result result = shell.exec(user, password(user), command);
        assertEquals(user + " may run " + command + "; " + result, 0, result.status());
        assertTrue(user + ": " + command + " prints " + expected + "; " + result,
                Pattern.compile(expected).matcher(result.output()).find());
    }

    private static void assertDenied(String user, String command) {
        Result result = shell.exec(user, password(user), command);
        assertTrue(user + " may not run " + command + "; " + result,
                result.status() != 0 && DENIED.matcher(result.output()).find());
    }

    private static String password(String user) {
        return switch (user) {
            case "admin" -> adminPassword;
            case "viewer" -> "viewer-pw-1";
            case "trader" -> "trader-pw-1";
            case "risk" -> "risk-pw-1";
            default -> throw new IllegalArgumentException(user);
        };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * The TCP sockets the process listens on, port to local address: the LISTEN entries of {@code /proc/<pid>/net/tcp}
     * and {@code tcp6} (the process's network namespace) whose inode is one of the process's open sockets.
     */
    private static List<InetSocketAddress> listeningSockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<InetSocketAddress> listening = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (Files.exists(file)) {
                List<String> all = Files.readAllLines(file);
                lines.addAll(all.subList(1, all.size())); // after the heading
            }
        }
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (!"0A".equals(fields[3]) || !inodes.contains(fields[9])) {
                continue;
            }
            String[] local = fields[1].split(":");
            listening.add(new InetSocketAddress(address(local[0]), Integer.parseInt(local[1], 16)));
        }
        return listening;
    }

    /** The kernel prints an address as 32-bit words in host (little-endian) order, each as 8 hex digits. */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}

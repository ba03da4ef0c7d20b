package io.alphintra.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * A forked node's Karaf shell over SSH, reached as {@code bin/client -b} reaches it: each command in an exec channel
 * of a session of its own, logged in as the given user, without a JVM per command.
 */
final class NodeShell implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");

    private final NodeProcess node;
    private final SshClient ssh;

    private NodeShell(NodeProcess node, SshClient ssh) {
        this.node = node;
        this.ssh = ssh;
    }

    /** What a command printed (standard output and error together, without ANSI styling) and its exit status. */
    record Result(int status, String output) {
        /** The output's non-blank lines, stripped. */
        List<String> lines() {
            return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }

        @Override
        public String toString() {
            return "exit " + status + ": " + output;
        }
    }

    static NodeShell of(NodeProcess node) {
        SshClient ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
        return new NodeShell(node, ssh);
    }

    /** The password the node's first start wrote to {@code etc/admin.credential}. */
    static String adminPassword(NodeProcess node) throws IOException {
        return Files.readAllLines(node.home().resolve("etc/admin.credential")).stream()
                .filter(line -> line.startsWith("password=")).map(line -> line.substring("password=".length()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no password in etc/admin.credential"));
    }

    /** A numeric key of one of the node's {@code etc/} files, e.g. its {@code sshPort}. */
    static int port(NodeProcess node, String file, String key) {
        Pattern line = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*=\\s*(\\d+)\\s*$");
        try {
            for (String text : Files.readAllLines(node.home().resolve("etc").resolve(file))) {
                Matcher matcher = line.matcher(text);
                if (matcher.matches()) {
                    return Integer.parseInt(matcher.group(1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no " + key + " in etc/" + file);
    }

    /** One command as {@code user}; a failure to connect or log in is a result with status -1, not an exception. */
    Result exec(String user, String password, String command) {
        try (ClientSession session = login(user, password);
             ChannelExec channel = session.createExecChannel(command + "\n")) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            channel.setIn(new ByteArrayInputStream(new byte[0]));
            channel.setOut(output);
            channel.setErr(output);
            channel.open().verify(TIMEOUT);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            Integer status = channel.getExitStatus();
            return new Result(status == null ? -1 : status, plain(output.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        }
    }

    /** A logged-in session for what {@link #exec} does not cover (a subsystem channel); the caller closes it. */
    ClientSession login(String user, String password) throws IOException {
        int sshPort = port(node, "org.apache.karaf.shell.cfg", "sshPort");
        ClientSession session = ssh.connect(user, "127.0.0.1", sshPort).verify(TIMEOUT).getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    static String plain(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    @Override
    public void close() {
        ssh.stop();
    }
}

package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * The journal's disk fills up while orders flow (the journal lives on a small tmpfs, which the test then fills):
 * the engine halts instead of failing silently. The order in flight and every later one are refused at once with
 * the reason, {@code /health} turns 503/DOWN naming it, {@code alphintra:engine} shows it; after a restart with the
 * disk freed every acknowledged order is there. The tests run as root, so the test can mount the tmpfs.
 */
public class JournalFailureIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final String BTC = "BTC-USD@SIMX_CRYPTO";

    private NodeProcess node;
    private Path mount;

    @After
    public void cleanUp() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (mount != null) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    public void aFullJournalDiskHaltsTheEngineLoudlyAndARestartRecoversEveryAcknowledgedOrder() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "journal-failure").toAbsolutePath());
        node = NodeProcess.unpack(root.resolve("node"), "jfail-1", "AMER", KarafNode.freePort(), "");
        // A full disk needs a file system of its own: a tmpfs, which only root may mount. CI runs as root; elsewhere
        // EngineFailureTest fails the same journal commit in-process (a segment swapped for /dev/full).
        assumeTrue("mounting a tmpfs for the journal needs root", "root".equals(System.getProperty("user.name")));
        Path journal = Files.createDirectories(root.resolve("journal"));
        run("umount", "-l", journal.toString()); // a mount left by an aborted run
        assertEquals("mounting a tmpfs for the journal (the tests run as root)", 0,
                run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", journal.toString()));
        mount = journal;
        node.configure("io.alphintra.engine.cfg", Map.of("journalDirectory", journal.toString(),
                "durability", "write", "segmentBytes", String.valueOf(1 << 20)));
        node.start();
        Poll.until("the node is healthy", START, node::health, node::healthy);
        int[] attempt = {0};
        Poll.until(BTC + " is listed and the US rule set installed", START, () -> "not yet", () -> {
            String answer = submit("probe-" + attempt[0]++);
            return answer.contains("PENDING_NEW");
        });

        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "ack-" + i;
            String answer = submit(id);
            assertTrue(answer, answer.contains("PENDING_NEW"));
            acknowledged.add(id);
        }

        // The disk fills up.
        Path filler = journal.resolve("filler");
        fill(filler);

        // Orders keep coming until the journal cannot write: that order and every later one are refused.
        String refusal = null;
        for (int i = 0; i < 40 && refusal == null; i++) {
            String id = "flow-" + i;
            String answer = submit(id);
            if (answer.contains("PENDING_NEW")) {
                acknowledged.add(id);
            } else {
                refusal = answer;
            }
        }
        assertNotNull("the journal's writes failed on the full disk", refusal);
        assertTrue(refusal, refusal.contains("the engine has halted") && refusal.contains("journal")
                && refusal.contains("No space left on device"));
        long before = System.nanoTime();
        String later = submit("after-halt");
        assertTrue(later, later.contains("the engine has halted") && later.contains("No space left on device"));
        assertFalse(later, later.contains("PENDING_NEW"));
        assertTrue("refused at once, not after the command's 10 s wait", System.nanoTime() - before
                < TimeUnit.SECONDS.toNanos(9));

        Http.Response health = Http.get("http://127.0.0.1:" + httpPort() + "/health");
        assertEquals(health.body(), 503, health.status());
        assertTrue(health.body(), health.body().contains("\"status\":\"DOWN\"")
                && health.body().contains("engine: the engine has halted")
                && health.body().contains("No space left on device"));
        String engine = node.shell("alphintra:engine");
        assertTrue(engine, engine.contains("HALTED") && engine.contains("No space left on device"));
        assertTrue("logged at ERROR", Files.readString(node.home().resolve("data/log/karaf.log"))
                .contains("ENGINE HALTED"));

        // The operator frees the disk and restarts the node: every acknowledged order is back.
        node.stop();
        Files.delete(filler);
        node.start();
        Poll.until("the node is healthy again", START, node::health, node::healthy);
        String orders = node.shell("alphintra:orders --limit 1000");
        for (String id : acknowledged) {
            assertTrue(id + " was acknowledged before the halt and is recovered: " + orders, orders.contains(id));
        }
        assertFalse(orders, orders.contains("after-halt"));
        assertTrue(submit("after-restart").contains("PENDING_NEW"));
    }

    /** An IOC bid far below the market: accepted and journaled, then cancelled by the venue. */
    private String submit(String id) {
        try {
            return node.shell("alphintra:order-submit --account ACC-X --id " + id + " --tif IOC BUY 0.001 " + BTC
                    + " 1");
        } catch (Exception | AssertionError e) {
            return String.valueOf(e.getMessage());
        }
    }

    private int httpPort() throws IOException {
        for (String line : Files.readAllLines(node.home().resolve("etc/io.alphintra.http.cfg"))) {
            if (line.trim().startsWith("port")) {
                return Integer.parseInt(line.substring(line.indexOf('=') + 1).trim());
            }
        }
        throw new IllegalStateException("no http port configured");
    }

    private static void fill(Path filler) {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException expected) {
            // No space left on device: full to the last page
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(String.join(" ", command), process.waitFor(30, TimeUnit.SECONDS));
        return process.exitValue();
    }
}

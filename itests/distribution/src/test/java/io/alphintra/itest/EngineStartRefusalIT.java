package io.alphintra.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.itest.NodeShell.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * A node whose engine configuration has a bad key at start (a custom journal directory beside a misspelt wait
 * strategy) does not trade at all: the engine refuses to start, naming the key, rather than starting on the shipped
 * defaults, whose journal directory is another one; {@code /health} says so.
 */
public class EngineStartRefusalIT {
    private static final Duration START = Duration.ofSeconds(180);

    private NodeProcess node;

    @After
    public void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    public void aBadWaitStrategyWithACustomJournalNeverTradesOnAnEmptyJournal() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "engine-refusal").toAbsolutePath());
        node = NodeProcess.unpack(root.resolve("node"), "refusal-1", "AMER", KarafNode.freePort(), "");
        Path journal = root.resolve("custom-journal");
        node.configure("io.alphintra.engine.cfg", Map.of("journalDirectory", journal.toString(),
                "waitStrategy", "sleepy"));
        node.start();

        Poll.until("/health is DOWN and names the key", START, node::health,
                () -> node.health().contains("status=503") && node.health().contains("waitStrategy = 'sleepy'"));
        assertTrue(node.health(), node.health().contains("the engine did not start"));

        try (NodeShell shell = NodeShell.of(node)) {
            Result order = shell.exec("admin", NodeShell.adminPassword(node),
                    "alphintra:order-submit --account ACC-1 --tif IOC BUY 0.01 BTC-USD@SIMX_CRYPTO 99999");
            assertNotEquals("no engine, no order: " + order, 0, order.status());
            assertFalse(order.toString(), order.output().contains("PENDING_NEW"));
        }
        assertFalse("the custom journal was not touched", Files.exists(journal));
        assertFalse("no journal was started at the shipped default either",
                Files.exists(node.home().resolve("var/journal")));
        assertTrue(Files.readString(node.home().resolve("data/log/karaf.log"))
                .contains("the engine did not start: "));
    }
}

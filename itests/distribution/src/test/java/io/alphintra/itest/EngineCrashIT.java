package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Test;

/**
 * A node is killed with SIGKILL while its market keeps trading, and restarts from its journal with identical orders,
 * fills and positions (same state digest, same order and position listings).
 */
public class EngineCrashIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final Pattern HASH = Pattern.compile("State hash ([0-9a-f]{64})");
    private static final String BTC = "BTC-USD@SIMX_CRYPTO";

    private NodeProcess node;

    @After
    public void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    public void killedNodeRestartsWithIdenticalOrdersFillsAndPositions() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "engine-crash").toAbsolutePath());
        node = NodeProcess.unpack(root.resolve("node"), "crash-1", "AMER", KarafNode.freePort(), "");
        node.configure("io.alphintra.engine.cfg", Map.of("durability", "fsync"));
        node.start();
        Poll.until("the node is healthy", START, node::health, node::healthy);
        int[] attempt = {0};
        Poll.until(BTC + " is listed and the US rule set installed", START, () -> "not yet", () -> {
            try {
                return node.shell("alphintra:order-submit --account ACC-X --id probe-" + (attempt[0]++)
                        + " --tif IOC BUY 0.001 " + BTC + " 1").contains("PENDING_NEW");
            } catch (Exception | AssertionError e) {
                return false;
            }
        });

        // Buys that take liquidity, bids that rest, and a sale that reduces the position.
        node.shell("alphintra:order-submit --account ACC-X --id buy-1 --tif IOC BUY 0.05 " + BTC + " 99999");
        node.shell("alphintra:order-submit --account ACC-X --id buy-2 --tif IOC BUY 0.02 " + BTC + " 99999");
        node.shell("alphintra:order-submit --account ACC-X --id bid-1 --tif GTC BUY 0.01 " + BTC + " 1000");
        node.shell("alphintra:order-submit --account ACC-X --id bid-2 --tif GTC BUY 0.03 " + BTC + " 1500");
        // A snapshot before the last order: the restart restores it and replays only the journal after it.
        String snapshot = node.shell("alphintra:snapshot");
        assertTrue(snapshot, snapshot.contains("Snapshot at journal sequence"));
        node.shell("alphintra:order-submit --account ACC-X --id sell-1 --tif IOC SELL 0.01 " + BTC + " 1");
        Poll.until("every order is answered by the venue", START, this::orders,
                () -> !orders().contains("PENDING") && orders().contains("bid-2") && orders().contains("FILLED"));

        String ordersBefore = node.shell("alphintra:orders --working");
        String positionsBefore = positions();
        String hashBefore = hash();
        assertTrue("the account holds BTC: " + positionsBefore, positionsBefore.contains("ACC-X"));

        node.kill();
        node.start();
        Poll.until("the node is healthy again", START, node::health, node::healthy);

        Poll.until("the engine replayed its journal", START, () -> "no second recovery logged",
                () -> recoveredHash() != null);
        assertEquals("recovered with the same orders, fills and positions", hashBefore, recoveredHash());
        assertTrue("recovered from the snapshot and the journal after it", Files.readString(
                node.home().resolve("data/log/karaf.log")).contains("Restored snapshot"));
        // The restarted venue lost its book in the crash: reconciliation cancels the resting bids, fills stay.
        Poll.until("the lost resting bids are cancelled by reconciliation", START, this::orders,
                () -> orders().contains("bid-1") && workingOrders().lines().count() <= 2);
        Poll.until("the positions list as before the crash", START, this::positions,
                () -> positions().equals(positionsBefore));
        assertTrue(ordersBefore, ordersBefore.contains("NEW "));
        assertNotEquals("the digest covers state", "", hashBefore);
    }

    private String orders() {
        try {
            return node.shell("alphintra:orders");
        } catch (Exception e) {
            return e.toString();
        }
    }

    /**
     * The digest the engine logged when it replayed its journal after the restart (the second start), before any
     * venue reconnected; null until it has.
     */
    private String recoveredHash() {
        Pattern recovered = Pattern.compile("Recovered \\d+ orders .*; state hash ([0-9a-f]{64})");
        List<String> hashes = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(node.home().resolve("data/log/karaf.log"))) {
                Matcher matcher = recovered.matcher(line);
                if (matcher.find()) {
                    hashes.add(matcher.group(1));
                }
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return hashes.size() >= 2 ? hashes.get(hashes.size() - 1) : null;
    }

    private String positions() {
        try {
            return node.shell("alphintra:positions --all");
        } catch (Exception e) {
            return e.toString();
        }
    }

    private String workingOrders() {
        try {
            return node.shell("alphintra:orders --working");
        } catch (Exception e) {
            return e.toString();
        }
    }

    private String hash() throws Exception {
        String output = node.shell("alphintra:engine");
        Matcher matcher = HASH.matcher(output);
        assertTrue("alphintra:engine prints the digest: " + output, matcher.find());
        return matcher.group(1);
    }
}

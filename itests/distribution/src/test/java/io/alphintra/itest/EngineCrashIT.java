package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
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
 * fills and positions (same state digest); its venue kept the resting orders meanwhile and filled one of them, which
 * the restarted node books exactly once, however often the venue replays it (two restarts).
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

        // While the node is down its market moves: the crypto venue reopens at 1,200 USD, through bid-2 (1,500) and
        // above bid-1 (1,000). The venue keeps its resting orders across the restart, as an exchange keeps a member's.
        node.kill();
        Path venueConfig = node.home().resolve("etc/io.alphintra.venue.simulated-simx-crypto.cfg");
        String shipped = Files.readString(venueConfig);
        assertTrue("the shipped crypto venue opens BTC at 65,000", shipped.contains("BTC-USD start=65000.00"));
        Files.writeString(venueConfig, shipped.replace("BTC-USD start=65000.00", "BTC-USD start=1200.00"));
        node.start();
        Poll.until("the node is healthy again", START, node::health, node::healthy);

        Poll.until("the engine replayed its journal", START, () -> "no second recovery logged",
                () -> recoveredHash() != null);
        assertEquals("recovered with the same orders, fills and positions", hashBefore, recoveredHash());
        assertTrue("recovered from the snapshot and the journal after it", Files.readString(
                node.home().resolve("data/log/karaf.log")).contains("Restored snapshot"));

        // The fill made while the node was down is booked once: bid-2 filled, bid-1 still works at the venue.
        Poll.until("bid-2, filled at the venue while the node was down, is FILLED", START, this::orders,
                () -> statusOf("bid-2").equals("FILLED"));
        BigDecimal afterFill = btcHeld();
        assertEquals("exactly bid-2's 0.03 BTC more than before the crash: " + positions(),
                btcHeldIn(positionsBefore).add(new BigDecimal("0.03")).stripTrailingZeros(), afterFill);
        assertEquals("bid-1 rests at the venue still, not cancelled by reconciliation: " + orders(), "NEW",
                statusOf("bid-1"));
        assertTrue("the venue replayed executions the engine had booked, and they were dropped: " + karafLog(),
                karafLog().contains("again; it was booked once"));

        // A kill switch engaged before the second crash is engaged after it.
        String killed = node.shell("alphintra:kill --reason \"crash test\" account:ACC-K");
        assertTrue(killed, killed.contains("Kill switch account:ACC-K engaged"));

        // A second restart: the venue replays bid-2's fill again (bid-1, older, still works there); still once.
        node.kill();
        node.start();
        Poll.until("the node is healthy after the second restart", START, node::health, node::healthy);
        Poll.until("the venue reconnected and was reconciled", START, this::karafLog,
                () -> karafLog().split("replayed \\d+ executions since", -1).length > 2);
        assertEquals("no fill booked twice after the second restart: " + positions(), afterFill, btcHeld());
        assertEquals("bid-1 still works: " + orders(), "NEW", statusOf("bid-1"));
        assertEquals("bid-2 stays filled: " + orders(), "FILLED", statusOf("bid-2"));
        String kills = node.shell("alphintra:kills");
        assertTrue("the kill switch came back engaged: " + kills, kills.contains("account:ACC-K")
                && kills.contains("crash test"));
        String refused = node.shell("alphintra:order-submit --account ACC-K --id k-1 --tif GTC BUY 0.01 " + BTC
                + " 1000");
        assertTrue("an order in its scope is refused: " + refused, refused.contains("KILL_SWITCH"));
        assertNotEquals("the digest covers state", "", hashBefore);
    }

    /** The status column of an order in {@code alphintra:orders}, by its client order id. */
    private String statusOf(String clientOrderId) {
        for (String line : orders().lines().toList()) {
            List<String> cells = cells(line);
            int at = cells.indexOf(clientOrderId);
            if (at >= 0) {
                return cells.stream().filter(cell -> cell.matches("[A-Z_]+") && !cell.equals("BUY")
                        && !cell.equals("SELL")).findFirst().orElse("?");
            }
        }
        return "not listed";
    }

    private BigDecimal btcHeld() {
        return btcHeldIn(positions());
    }

    /** ACC-X's net BTC over its positions in {@code alphintra:positions --all}. */
    private static BigDecimal btcHeldIn(String positions) {
        BigDecimal total = BigDecimal.ZERO;
        for (String line : positions.lines().toList()) {
            List<String> cells = cells(line);
            int instrument = cells.indexOf(BTC);
            if (cells.contains("ACC-X") && instrument >= 0 && instrument + 1 < cells.size()) {
                total = total.add(new BigDecimal(cells.get(instrument + 1)));
            }
        }
        return total.stripTrailingZeros();
    }

    private static List<String> cells(String line) {
        return java.util.Arrays.stream(line.split("[|│]")).map(String::trim).filter(cell -> !cell.isEmpty())
                .toList();
    }

    private String karafLog() {
        try {
            return Files.readString(node.home().resolve("data/log/karaf.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
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

package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.engine.MarketLine;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.PositionView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.marketdata.MarketDataReader;
import io.alphintra.marketdata.MarketDataWriter;
import io.alphintra.marketdata.RecordType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The engine on the real distribution, trading on the simulated market it boots with: the fail-closed gate, and a
 * strategy bundle installed, trading, stopped and uninstalled while the node runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EngineIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final InstrumentId DBS = InstrumentId.parse("D05@SIMX_SG");

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Test
    public void orderForAJurisdictionWithoutRuleSetIsRejected() throws Exception {
        // A venue opened at run time in a jurisdiction the node ships no rule set for (Singapore).
        org.osgi.service.cm.Configuration venue =
                configurationAdmin.createFactoryConfiguration("io.alphintra.venue.simulated", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("venueId", "SIMX_SG");
        properties.put("venueName", "Simulated Singapore equities");
        properties.put("jurisdiction", "SG");
        properties.put("currency", "SGD");
        properties.put("timeZone", "Asia/Singapore");
        properties.put("sessions", "24x7");
        properties.put("instruments", "D05 start=35.00");
        properties.put("twin.enabled", "false");
        venue.update(properties);
        Instrument dbs = EngineCalls.awaitInstrument(engine, DBS, WAIT);
        assertTrue("no rule set decides for SG", !ruleSetJurisdictions().contains(Jurisdiction.SG));

        // The venue lists its instrument as it comes up, a moment before it reports itself connected: until then
        // the engine's own check refuses the order first (VENUE_DISCONNECTED), which is not what this test is about.
        AtomicReference<ExecutionReport> last = new AtomicReference<>();
        AtomicInteger attempt = new AtomicInteger();
        Poll.until("SIMX_SG connected", WAIT, () -> String.valueOf(last.get()), () -> {
            ClientOrderId id = ClientOrderId.of("it-sg-" + attempt.incrementAndGet());
            last.set(EngineCalls.submit(engine, OrderRequest.limit(id, dbs, Side.BUY,
                    dbs.parseQuantity("quantity", "100"), dbs.parsePrice("price", "35.00"), TimeInForce.DAY,
                    new Attribution("manual", "itest", "ACC-IT", "operations", "house")), "itest"));
            return last.get().rejectReason() != RejectReason.VENUE_DISCONNECTED;
        });
        ExecutionReport answer = last.get();

        assertEquals(ExecType.REJECTED, answer.execType());
        assertEquals(RejectReason.NO_RULE_SET, answer.rejectReason());
        assertTrue(answer.text(), answer.text().contains("no compliance rule set is installed for jurisdiction SG"));
        venue.delete();
    }

    @Test
    public void onlyTheStrategyHostAttributesOrdersToAStrategy() throws Exception {
        Instrument btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        java.util.concurrent.CompletableFuture<ExecutionReport> answer = engine.submit(OrderRequest.limit(
                ClientOrderId.of("it-impostor-1"), btc, Side.BUY, btc.parseQuantity("quantity", "0.001"),
                btc.parsePrice("price", "1000"), TimeInForce.DAY,
                new Attribution("momentum-1", "itest", "ACC-IT", "operations", "house")), "strategy:momentum-1")
                .toCompletableFuture();
        try {
            answer.get(10, TimeUnit.SECONDS);
            throw new AssertionError("an order attributed to a strategy passed the exported engine service");
        } catch (java.util.concurrent.ExecutionException refused) {
            assertTrue(refused.getCause().getMessage(), refused.getCause().getMessage()
                    .contains("only the strategy host attributes orders to a strategy"));
        }
        assertTrue("nothing of it reached the engine", EngineCalls.orders(engine).stream()
                .noneMatch(o -> o.clientOrderId().value().equals("it-impostor-1")));
    }

    @Test
    public void strategyBundleInstalledAtRuntimeTradesAndLeavesNoOrdersWhenUninstalled() throws Exception {
        EngineCalls.awaitInstrument(engine, BTC, WAIT);
        Poll.until("a rule set decides for US", WAIT, () -> ruleSetJurisdictions().toString(),
                () -> ruleSetJurisdictions().contains(Jurisdiction.US));
        Bundle strategyBundle = Plugins.install(bundleContext, "alphintra.strategy.probe.jar");
        org.osgi.service.cm.Configuration instance = startProbe("probe-1", "ACC-IT", false);

        Poll.until("the strategy bought and rests a bid", WAIT,
                () -> EngineCalls.ordersOf(engine, "probe-1").toString(), () -> {
                    List<OrderView> orders = EngineCalls.ordersOf(engine, "probe-1");
                    return orders.stream().anyMatch(o -> o.cumQuantity() > 0)
                            && orders.stream().anyMatch(o -> o.status() == OrderStatus.NEW);
                });
        for (OrderView order : EngineCalls.ordersOf(engine, "probe-1")) {
            assertEquals("attributed to the strategy's trader", "itest", order.traderId());
            assertEquals("ACC-IT", order.accountId());
            assertEquals("strategy:probe-1", order.source());
        }
        Poll.until("the fill is booked", WAIT, () -> positionsOf("probe-1").toString(),
                () -> positionsOf("probe-1").stream().anyMatch(p -> p.position().netQuantity() > 0));
        long bought = EngineCalls.ordersOf(engine, "probe-1").stream().mapToLong(OrderView::cumQuantity).sum();
        assertEquals("the position is what was filled", bought, positionsOf("probe-1").get(0).position().netQuantity());

        strategyBundle.uninstall();

        Poll.until("no order of the strategy is left working", WAIT,
                () -> EngineCalls.ordersOf(engine, "probe-1").toString(),
                () -> EngineCalls.ordersOf(engine, "probe-1").stream().noneMatch(o -> !o.status().isTerminal()));
        assertTrue("its resting bid was cancelled", EngineCalls.ordersOf(engine, "probe-1").stream()
                .anyMatch(o -> o.status() == OrderStatus.CANCELED));
        assertEquals("its position is kept", bought, positionsOf("probe-1").get(0).position().netQuantity());
        instance.delete();
    }

    @Test
    public void aStrategyThatThrowsIsQuarantinedAfterReadingItsAccount() throws Exception {
        EngineCalls.awaitInstrument(engine, BTC, WAIT);
        Bundle strategyBundle = Plugins.install(bundleContext, "alphintra.strategy.probe.jar");
        org.osgi.service.cm.Configuration instance = startProbe("probe-q", "ACC-Q", true);
        try {
            Pattern quarantined = Pattern.compile("Strategy probe-q QUARANTINED: onExecution threw "
                    + "java.lang.IllegalStateException: deliberate failure: account ACC-Q holds ([0-9]+) lots");
            Poll.until("the strategy read its account and was quarantined", WAIT, () -> "not in karaf.log",
                    () -> quarantined.matcher(NodeLog.file()).find());
            Matcher held = quarantined.matcher(NodeLog.file());
            assertTrue(held.find());
            assertTrue("the account it read holds the fill", Long.parseLong(held.group(1)) > 0);
            Poll.until("its resting bid is cancelled", WAIT, () -> EngineCalls.ordersOf(engine, "probe-q").toString(),
                    () -> EngineCalls.ordersOf(engine, "probe-q").stream().allMatch(o -> o.status().isTerminal())
                            && EngineCalls.ordersOf(engine, "probe-q").stream()
                                    .anyMatch(o -> o.status() == OrderStatus.CANCELED));
            assertTrue("the fill is kept", positionsOf("probe-q").stream()
                    .anyMatch(p -> p.position().netQuantity() > 0));
        } finally {
            instance.delete();
            strategyBundle.uninstall();
        }
    }

    /** An instance of the probe strategy on BTC, trader {@code itest}. */
    private org.osgi.service.cm.Configuration startProbe(String instanceId, String accountId, boolean failAfterFill)
            throws Exception {
        return Plugins.startStrategy(configurationAdmin, instanceId, "itest-probe", BTC.toString(), accountId,
                "itest", "param.quantity", "0.01", "param.failAfterFill", Boolean.toString(failAfterFill));
    }

    @Test
    public void everyShippedVenueShowsAMovingMarket() throws Exception {
        List<String> shipped = new ArrayList<>();
        for (org.osgi.service.cm.Configuration venue : configurationAdmin.listConfigurations(
                "(&(service.factoryPid=io.alphintra.venue.simulated)(felix.fileinstall.filename=*))")) {
            shipped.add((String) venue.getProperties().get("venueId"));
        }
        assertEquals("venues in etc/", 5, shipped.size());
        // Whatever the hour of the run: the shipped venues are continuously open (sessionMode = continuous).
        Map<InstrumentId, Set<Long>> lastPrices = new HashMap<>();
        Poll.until("a last price moves on every venue of " + shipped, WAIT, () -> lastPrices.toString(), () -> {
            for (MarketLine line : EngineCalls.market(engine)) {
                if (line.lastPrice().isPresent()) {
                    lastPrices.computeIfAbsent(line.instrumentId(), id -> new HashSet<>())
                            .add(line.lastPrice().getAsLong());
                }
            }
            return shipped.stream().allMatch(venue -> lastPrices.entrySet().stream()
                    .anyMatch(e -> e.getKey().venueId().equals(venue) && e.getValue().size() > 1));
        });
    }

    @Test
    public void liveMarketDataIsRecordedForReplay() throws Exception {
        EngineCalls.awaitInstrument(engine, BTC, WAIT);
        org.osgi.service.cm.Configuration recorder =
                configurationAdmin.getConfiguration("io.alphintra.market.recorder", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("instruments", BTC.toString());
        properties.put("directory", "var/itest-recordings");
        recorder.update(properties);
        Path directory = Path.of(System.getProperty("karaf.home"), "var", "itest-recordings");

        Poll.until("trades are recorded and read back", WAIT, () -> String.valueOf(recordedTrades(directory)),
                () -> recordedTrades(directory) > 0);
        recorder.delete();
    }

    private static long recordedTrades(Path directory) {
        long trades = 0;
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(MarketDataWriter.EXTENSION)).toList()) {
                try (MarketDataReader reader = MarketDataReader.open(file)) {
                    while (reader.next()) {
                        if (reader.type() == RecordType.TRADE) {
                            assertEquals(BTC, reader.trade().instrumentId());
                            trades++;
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return trades;
    }

    private List<Jurisdiction> ruleSetJurisdictions() {
        List<Jurisdiction> jurisdictions = new ArrayList<>();
        try {
            for (ServiceReference<RuleSet> reference : bundleContext.getServiceReferences(RuleSet.class, null)) {
                RuleSet ruleSet = bundleContext.getService(reference);
                if (ruleSet != null) {
                    jurisdictions.add(ruleSet.jurisdiction());
                    bundleContext.ungetService(reference);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return jurisdictions;
    }

    private List<PositionView> positionsOf(String strategyId) {
        return EngineCalls.answer("the list of positions", engine.positions()).stream()
                .filter(p -> p.position().strategyId().equals(strategyId)).collect(Collectors.toList());
    }
}

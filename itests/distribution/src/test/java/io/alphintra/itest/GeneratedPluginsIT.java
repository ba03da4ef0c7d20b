package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Plugins generated from the SDK's archetypes (the build generates, builds and installs the archetypes' sample
 * projects) installed into a running node as the Karaf features they produce: the rule set decides on orders, the
 * strategy trades on the simulated market, and the exchange adapter bundle resolves and starts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GeneratedPluginsIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final InstrumentId ETH = InstrumentId.parse("ETH-USD@SIMX_CRYPTO");

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    @Inject
    private FeaturesService featuresService;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Test
    public void generatedRuleSetDecidesOnOrders() throws Exception {
        Instrument eth = EngineCalls.awaitInstrument(engine, ETH, WAIT);
        installFeature("example-rules", "com.example.rules");
        org.osgi.service.cm.Configuration config =
                configurationAdmin.getConfiguration("com.example.rules.RestrictedListRuleSet", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("version", "7.1.0");
        properties.put("jurisdiction", "US");
        properties.put("restrictedInstruments", new String[] {ETH.toString()});
        config.update(properties);

        Poll.until("the generated rule set decides for US", WAIT, () -> "baseline still decides", () -> {
            ExecutionReport answer = submit(eth, "probe-" + System.nanoTime());
            return answer.execType() == ExecType.REJECTED && answer.rejectReason() == RejectReason.COMPLIANCE;
        });
        OrderView rejected = EngineCalls.orders(engine).get(0);
        GateDecision decision = rejected.decisions().get(rejected.decisions().size() - 1);
        assertEquals("COMPLIANCE", decision.stage());
        assertEquals("the decision records the generated rule set's version", "7.1.0", decision.version());
        assertTrue(decision.checkId(), decision.checkId().contains("RESTRICTED_LIST"));

        config.delete();
        Poll.until("the baseline rule set decides again", WAIT, () -> "generated still decides", () -> {
            ExecutionReport answer = submit(eth, "after-" + System.nanoTime());
            return answer.execType() == ExecType.PENDING_NEW;
        });
    }

    @Test
    public void generatedStrategyTradesOnTheSimulatedMarket() throws Exception {
        EngineCalls.awaitInstrument(engine, BTC, WAIT);
        installFeature("example-strategy", "com.example.strategy");
        org.osgi.service.cm.Configuration instance = Plugins.startStrategy(configurationAdmin, "ma-1", "ma-cross",
                BTC.toString(), "ACC-GEN", "partner", "param.fastWindow", "2", "param.slowWindow", "4",
                "param.quantity", "0.001");

        Poll.until("the generated strategy sent orders that filled", WAIT,
                () -> EngineCalls.ordersOf(engine, "ma-1").toString(),
                () -> EngineCalls.ordersOf(engine, "ma-1").stream().anyMatch(o -> o.cumQuantity() > 0));
        instance.delete();
    }

    @Test
    public void generatedExchangeAdapterBundleStarts() throws Exception {
        Bundle adapter = installFeature("example-adapter", "com.example.adapter");
        assertEquals("the generated adapter bundle resolves against the SDK and starts", Bundle.ACTIVE,
                adapter.getState());
    }

    /**
     * Installs a generated project the way its README tells a partner to: the Karaf feature the project attached
     * to its build (the archetype test installed it into the local Maven repository), by repository URL and name.
     */
    private Bundle installFeature(String artifactId, String symbolicName) throws Exception {
        featuresService.addRepository(URI.create("mvn:com.example/" + artifactId + "/1.0.0-SNAPSHOT/xml/features"));
        featuresService.installFeature(artifactId);
        assertTrue("feature " + artifactId + " is installed",
                featuresService.isInstalled(featuresService.getFeature(artifactId)));
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("feature " + artifactId + " installed no " + symbolicName));
    }

    /** An IOC bid far below the market: the rule set refuses it, or the venue cancels it unfilled. */
    private ExecutionReport submit(Instrument instrument, String id) {
        return EngineCalls.submit(engine, OrderRequest.limit(ClientOrderId.of(id), instrument, Side.BUY,
                instrument.parseQuantity("quantity", "0.01"), instrument.parsePrice("price", "1"), TimeInForce.IOC,
                new Attribution("manual", "itest", "ACC-IT", "operations", "house")), "itest");
    }
}

package io.alphintra.itest;

import static io.alphintra.itest.EngineCalls.smallBid;
import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderStatus;
import java.time.Duration;
import java.util.Dictionary;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Cancel on disconnect on the real distribution (PT12): with {@code cancelOnDisconnect = SIMX_US}, the orders resting
 * on SIMX_US are cancelled when its session drops and comes back (the venue reconfigured: its old session ends, a new
 * one connects), and the strategy whose order it was is told; SIMX_CRYPTO, not listed, keeps its orders across the
 * same drop.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CancelOnDisconnectIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final InstrumentId AAPL = InstrumentId.parse("AAPL@SIMX_US");
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final Attribution DESK = new Attribution("manual", "itest", "ACC-COD", "operations", "house");

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(KarafNode.options(),
                editConfigurationFilePut("etc/io.alphintra.engine.cfg", "cancelOnDisconnect", "SIMX_US"));
    }

    @Test
    public void aListedVenuesOrdersAreCancelledWhenItsSessionDropsAndAnUnlistedVenueKeepsItsOwn() throws Exception {
        Instrument aapl = EngineCalls.awaitInstrument(engine, AAPL, WAIT);
        Instrument btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        ExecutionReport listed = EngineCalls.submit(engine, smallBid(aapl, "cod-us", "10.00", DESK), "itest");
        ExecutionReport unlisted = EngineCalls.submit(engine, smallBid(btc, "cod-crypto", "1000", DESK), "itest");
        Bundle probe = Plugins.install(bundleContext, "alphintra.strategy.probe.jar");
        org.osgi.service.cm.Configuration instance = Plugins.startStrategy(configurationAdmin, "cod-1", "itest-flow",
                AAPL.toString(), "ACC-COD", "itest", "param.burst", "1");
        try {
            EngineCalls.awaitStatus(engine, listed.orderId(), OrderStatus.NEW, WAIT);
            EngineCalls.awaitStatus(engine, unlisted.orderId(), OrderStatus.NEW, WAIT);
            Poll.until("the strategy's bid rests on SIMX_US", WAIT,
                    () -> EngineCalls.ordersOf(engine, "cod-1").toString(),
                    () -> EngineCalls.ordersOf(engine, "cod-1").stream().anyMatch(o -> o.status() == OrderStatus.NEW));
            OrderView strategyBid = EngineCalls.ordersOf(engine, "cod-1").get(0);
            long cryptoSessions = NodeLog.occurrences("Venue SIMX_CRYPTO connected");

            dropSession("SIMX_US");
            dropSession("SIMX_CRYPTO");

            EngineCalls.awaitStatus(engine, listed.orderId(), OrderStatus.CANCELED, WAIT);
            EngineCalls.awaitStatus(engine, strategyBid.orderId(), OrderStatus.CANCELED, WAIT);
            Poll.until("the strategy heard its bid was cancelled", WAIT, () -> "not in karaf.log",
                    () -> NodeLog.file().contains("flow cod-1: CANCELED"));
            Poll.until("SIMX_CRYPTO connected again and was reconciled", WAIT, () -> "not in karaf.log",
                    () -> NodeLog.occurrences("Venue SIMX_CRYPTO connected") > cryptoSessions
                            && NodeLog.file().lastIndexOf("Venue SIMX_CRYPTO replayed")
                                    > NodeLog.file().lastIndexOf("Venue SIMX_CRYPTO connected"));
            Thread.sleep(1_000);
            assertEquals("the unlisted venue's order rests on", OrderStatus.NEW,
                    EngineCalls.order(engine, unlisted.orderId()).status());
            EngineCalls.cancel(engine, unlisted, "itest", WAIT);
        } finally {
            instance.delete();
            probe.uninstall();
        }
    }

    /** Reconfigures the venue: its session ends ("venue reconfigured") and the new venue's connects. */
    private void dropSession(String venueId) throws Exception {
        org.osgi.service.cm.Configuration[] venues = configurationAdmin.listConfigurations(
                "(&(service.factoryPid=io.alphintra.venue.simulated)(venueId=" + venueId + "))");
        assertEquals("one configuration of " + venueId, 1, venues == null ? 0 : venues.length);
        Dictionary<String, Object> properties = venues[0].getProperties();
        properties.put("venueName", properties.get("venueName") + " (reconnected)");
        venues[0].update(properties);
    }
}

package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.itest.ConfigChanges.Answer;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A soft limit held for an authorised override (PT3/PT4) on the real distribution: a soft order-size limit put in
 * force through ConfigAdmin holds an order over it in the engine (never at the venue) until another user releases it;
 * then it goes to the venue and trades. An order under the limit passes straight; the order's own trader may not
 * release it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoftLimitHoldIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final String ACCOUNT = "ACC-HOLD";
    private static final Attribution ALICE = new Attribution("manual", "alice", ACCOUNT, "operations", "house");
    private static final String SOURCE = "itest:alice";

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    private ConfigChanges limits;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @After
    public void removeTheLimit() throws Exception {
        if (limits != null) {
            limits.close();
        }
    }

    @Test
    public void anOrderOverTheSoftLimitIsHeldUntilAnotherUserReleasesItThenTrades() throws Exception {
        Instrument btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        String scope = "account:" + ACCOUNT + " instrument:" + BTC;
        limits = new ConfigChanges(bundleContext, configurationAdmin, "SoftLimitHoldIT", WAIT);
        limits.create("io.alphintra.risk.limit", "itest-hold", Map.of("scope", scope, "warnOrderQuantity", "0.005",
                "softLimitAction", "hold"), pid -> Answer.riskLimits(scope, pid));
        long last = EngineCalls.lastPrice(engine, BTC, WAIT);
        long far = btc.tickTable().floor(last / 2);

        ExecutionReport held = EngineCalls.submitAccepted(engine, bid(btc, "held", "0.008",
                btc.tickTable().floor(last * 3 / 2)), SOURCE);
        assertTrue(held.text(), held.text().startsWith("HELD") && held.text().contains("order-size: quantity 0.008"
                + " of " + BTC + " over the soft limit of 0.005"));
        OrderView holding = EngineCalls.order(engine, held.orderId());
        assertTrue(holding.toString(), holding.held());
        assertEquals(holding.toString(), OrderStatus.PENDING_NEW, holding.status());
        assertTrue(holding.toString(), holding.decisions().stream().anyMatch(GateDecision::holds));
        TimeUnit.MILLISECONDS.sleep(500);
        assertEquals("not at the venue: no acknowledgement came", OrderStatus.PENDING_NEW,
                EngineCalls.order(engine, held.orderId()).status());

        ExecutionReport small = EngineCalls.submit(engine, bid(btc, "small", "0.001", far), SOURCE);
        assertEquals(small.toString(), null, small.text());
        EngineCalls.awaitStatus(engine, small.orderId(), OrderStatus.NEW, WAIT);

        try {
            engine.releaseHeldOrder(held.clientOrderId(), "alice", "mine").toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            fail("the order's own trader released it");
        } catch (ExecutionException e) {
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof IllegalStateException
                    && e.getCause().getMessage().startsWith("four eyes: alice is the trader"));
        }
        OrderView released = engine.releaseHeldOrder(held.clientOrderId(), "bob", "confirmed with the client")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertFalse(released.toString(), released.held());
        GateDecision override = released.decisions().get(released.decisions().size() - 1);
        assertEquals(override.toString(), GateDecision.RELEASED, override.outcome());
        assertTrue(override.toString(), override.text().startsWith("released by bob at ")
                && override.text().endsWith(": confirmed with the client"));

        Poll.until("the released order trades", WAIT, () -> String.valueOf(EngineCalls.order(engine,
                held.orderId())), () -> EngineCalls.order(engine, held.orderId()).cumQuantity() > 0);
        EngineCalls.cancel(engine, small, SOURCE, WAIT);
    }

    private static OrderRequest bid(Instrument btc, String id, String quantity, long price) {
        return OrderRequest.limit(ClientOrderId.of("slh-" + id), btc, Side.BUY, btc.parseQuantity("quantity",
                quantity), price, TimeInForce.GTC, ALICE);
    }
}

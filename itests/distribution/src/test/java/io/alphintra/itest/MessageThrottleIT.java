package io.alphintra.itest;

import static io.alphintra.itest.EngineCalls.smallBid;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.ReplaceRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
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
 * Message throttles on the real distribution (PT6): per account, per venue and per strategy instance, new orders,
 * replaces and cancels up to the rate pass, the next one in the same second is refused {@code THROTTLED} and never
 * reaches the venue, and a second later the next one passes. Every test starts in a second of its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MessageThrottleIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Longer than a throttle's one-second window. */
    private static final long NEXT_SECOND_MILLIS = 1_100;
    private static final int PER_VENUE = 3;
    private static final int PER_ACCOUNT = 4;
    private static final InstrumentId AAPL = InstrumentId.parse("AAPL@SIMX_US");
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final InstrumentId SAP = InstrumentId.parse("SAP@SIMX_EU");

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(KarafNode.options(),
                editConfigurationFilePut("etc/io.alphintra.engine.cfg", "maxMessagesPerSecondPerVenue",
                        String.valueOf(PER_VENUE)),
                editConfigurationFilePut("etc/io.alphintra.engine.cfg", "maxMessagesPerSecondPerAccount",
                        String.valueOf(PER_ACCOUNT)),
                editConfigurationFilePut("etc/io.alphintra.engine.cfg", "maxMessagesPerSecondPerStrategy", "5"));
    }

    @Test
    public void anAccountsMessagesBeyondItsRateAreRefusedAndTheNextSecondPasses() throws Exception {
        Instrument aapl = EngineCalls.awaitInstrument(engine, AAPL, WAIT);
        Instrument btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        Attribution account = manual("ACC-THROTTLE");
        Thread.sleep(NEXT_SECOND_MILLIS);

        // Handed over together, so the engine counts them within one second: four messages on two venues.
        CompletionStage<ExecutionReport> a1 = engine.submit(smallBid(aapl, "a-1", "10.00", account), "itest");
        CompletionStage<ExecutionReport> a2 = engine.submit(smallBid(btc, "a-2", "1000", account), "itest");
        CompletionStage<ExecutionReport> cancel = engine.cancel(ClientOrderId.of("a-1"), "itest");
        CompletionStage<ExecutionReport> a3 = engine.submit(smallBid(aapl, "a-3", "10.01", account), "itest");
        CompletionStage<ExecutionReport> replace = engine.replace(ClientOrderId.of("a-2"),
                btc.parseQuantity("quantity", "0.002"), ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, "itest");
        CompletionStage<ExecutionReport> a4 = engine.submit(smallBid(btc, "a-4", "1001", account), "itest");

        ExecutionReport a1Answer = EngineCalls.answer("a-1", a1);
        assertEquals(ExecType.PENDING_NEW, a1Answer.execType());
        assertEquals(ExecType.PENDING_NEW, EngineCalls.answer("a-2", a2).execType());
        assertEquals(ExecType.PENDING_CANCEL, EngineCalls.answer("the cancel of a-1", cancel).execType());
        assertEquals(ExecType.PENDING_NEW, EngineCalls.answer("a-3", a3).execType());
        assertThrottled(EngineCalls.answer("the replace of a-2", replace), ExecType.REPLACE_REJECTED,
                "account ACC-THROTTLE sent its " + PER_ACCOUNT + " messages");
        ExecutionReport refused = EngineCalls.answer("a-4", a4);
        assertThrottled(refused, ExecType.REJECTED, "account ACC-THROTTLE sent its " + PER_ACCOUNT + " messages");
        assertNeverSent(refused.orderId());
        EngineCalls.awaitStatus(engine, a1Answer.orderId(), OrderStatus.CANCELED, WAIT);
        String a2Id = EngineCalls.answer("a-2", a2).orderId();
        EngineCalls.awaitStatus(engine, a2Id, OrderStatus.NEW, WAIT);
        assertEquals("the refused replace left the order as it was", btc.parseQuantity("quantity", "0.001"),
                EngineCalls.order(engine, a2Id).quantity());

        Thread.sleep(NEXT_SECOND_MILLIS);
        ExecutionReport replaced = EngineCalls.answer("the replace of a-2 a second later",
                engine.replace(ClientOrderId.of("a-2"), btc.parseQuantity("quantity", "0.002"),
                        ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, "itest"));
        assertEquals(replaced.text(), ExecType.PENDING_REPLACE, replaced.execType());
        Poll.until("the venue replaced a-2", WAIT, () -> String.valueOf(EngineCalls.order(engine, a2Id)),
                () -> EngineCalls.order(engine, a2Id).quantity() == btc.parseQuantity("quantity", "0.002")
                        && EngineCalls.order(engine, a2Id).status() == OrderStatus.REPLACED);
        ExecutionReport a5 = EngineCalls.submit(engine, smallBid(btc, "a-5", "1002", account), "itest");
        assertEquals(a5.text(), ExecType.PENDING_NEW, a5.execType());
        cancelAll("ACC-THROTTLE");
    }

    @Test
    public void aVenueIsSentNoMoreThanItsRateAndTheNextSecondPasses() throws Exception {
        Instrument sap = EngineCalls.awaitInstrument(engine, SAP, WAIT);
        Attribution account = manual("ACC-THROTTLE-2");
        Thread.sleep(NEXT_SECOND_MILLIS);

        CompletionStage<ExecutionReport> v1 = engine.submit(smallBid(sap, "v-1", "10.00", account), "itest");
        CompletionStage<ExecutionReport> v2 = engine.submit(smallBid(sap, "v-2", "10.01", account), "itest");
        CompletionStage<ExecutionReport> cancel = engine.cancel(ClientOrderId.of("v-1"), "itest");
        CompletionStage<ExecutionReport> replace = engine.replace(ClientOrderId.of("v-2"),
                sap.parseQuantity("quantity", "2"), ReplaceRequest.UNCHANGED, ReplaceRequest.UNCHANGED, "itest");
        CompletionStage<ExecutionReport> v3 = engine.submit(smallBid(sap, "v-3", "10.02", account), "itest");

        String v1Id = EngineCalls.answer("v-1", v1).orderId();
        String v2Id = EngineCalls.answer("v-2", v2).orderId();
        assertEquals(ExecType.PENDING_CANCEL, EngineCalls.answer("the cancel of v-1", cancel).execType());
        String full = "venue SIMX_EU was sent its " + PER_VENUE + " messages";
        assertThrottled(EngineCalls.answer("the replace of v-2", replace), ExecType.REPLACE_REJECTED, full);
        ExecutionReport refused = EngineCalls.answer("v-3", v3);
        assertThrottled(refused, ExecType.REJECTED, full);
        assertNeverSent(refused.orderId());
        EngineCalls.awaitStatus(engine, v1Id, OrderStatus.CANCELED, WAIT);
        EngineCalls.awaitStatus(engine, v2Id, OrderStatus.NEW, WAIT);
        assertEquals(sap.parseQuantity("quantity", "1"), EngineCalls.order(engine, v2Id).quantity());

        Thread.sleep(NEXT_SECOND_MILLIS);
        ExecutionReport v4 = EngineCalls.submit(engine, smallBid(sap, "v-4", "10.03", account), "itest");
        assertEquals(v4.text(), ExecType.PENDING_NEW, v4.execType());
        EngineCalls.awaitStatus(engine, v4.orderId(), OrderStatus.NEW, WAIT);
        cancelAll("ACC-THROTTLE-2");
    }

    @Test
    public void aStrategyBeyondItsOwnRateIsToldItsOrderIsThrottledAndTradesOnUnquarantined() throws Exception {
        EngineCalls.awaitInstrument(engine, BTC, WAIT);
        Bundle probe = Plugins.install(bundleContext, "alphintra.strategy.probe.jar");
        Thread.sleep(NEXT_SECOND_MILLIS);
        org.osgi.service.cm.Configuration instance = Plugins.startStrategy(configurationAdmin, "thr-1", "itest-flow",
                BTC.toString(), "ACC-THROTTLE-2", "itest", "maxMessagesPerSecond", "2", "param.quantity", "0.001",
                "param.burst", "3", "param.laterMillis", "1500");
        try {
            Poll.until("its burst of three was answered and its later bid rests", WAIT,
                    () -> EngineCalls.ordersOf(engine, "thr-1").toString(), () -> {
                        List<OrderView> orders = EngineCalls.ordersOf(engine, "thr-1");
                        return orders.size() == 4 && orders.stream()
                                .filter(o -> o.status() == OrderStatus.NEW).count() == 3;
                    });
            List<OrderView> orders = EngineCalls.ordersOf(engine, "thr-1");
            List<OrderView> rejected = orders.stream().filter(o -> o.status() == OrderStatus.REJECTED).toList();
            assertEquals(orders.toString(), 1, rejected.size());
            OrderView throttled = rejected.get(0);
            assertTrue(throttled.reason(), throttled.reason().contains("strategy thr-1 sent its 2 messages")
                    && throttled.reason().contains("maxMessagesPerSecond of the instance"));
            Poll.until("the strategy was told", WAIT, () -> "not in karaf.log",
                    () -> NodeLog.file().contains("flow thr-1: REJECTED " + throttled.clientOrderId() + " THROTTLED"));
            assertTrue("a throttle is no quarantine", !NodeLog.file().contains("Strategy thr-1 QUARANTINED"));
        } finally {
            instance.delete();
            probe.uninstall();
        }
        Poll.until("its orders are cancelled as it stops", WAIT,
                () -> EngineCalls.ordersOf(engine, "thr-1").toString(),
                () -> EngineCalls.ordersOf(engine, "thr-1").stream().allMatch(o -> o.status().isTerminal()));
    }

    private static void assertThrottled(ExecutionReport answer, ExecType execType, String why) {
        assertEquals(answer.toString(), execType, answer.execType());
        assertEquals(answer.toString(), RejectReason.THROTTLED, answer.rejectReason());
        assertTrue(answer.text(), answer.text().contains(why));
    }

    /** Refused by the throttle alone: no other check ran, and the venue never acknowledged it. */
    private void assertNeverSent(String orderId) {
        OrderView order = EngineCalls.order(engine, orderId);
        assertEquals(order.toString(), OrderStatus.REJECTED, order.status());
        assertEquals(order.toString(), "message-throttle",
                order.decisions().get(order.decisions().size() - 1).checkId());
        assertEquals(order.toString(), 1, order.decisions().size());
    }

    private void cancelAll(String accountId) {
        for (OrderView order : EngineCalls.orders(engine)) {
            if (order.accountId().equals(accountId) && !order.status().isTerminal()) {
                engine.cancel(order.clientOrderId(), "itest");
            }
        }
    }

    private static Attribution manual(String accountId) {
        return new Attribution("manual", "itest", accountId, "operations", "house");
    }

}

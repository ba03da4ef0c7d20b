package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.RiskFigures;
import io.alphintra.engine.TradingEngine;
import io.alphintra.itest.ConfigChanges.Answer;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A loss threshold acting by itself on the real distribution: configured at run time through ConfigAdmin for the test
 * account {@code ACC-DD} (a drawdown of one ten-thousandth of a dollar, reduce-only), a position bought through the
 * real order path on the simulated BTC-USD market at its ask, half of it sold at its bid: the spread is a loss at once,
 * whatever the market does next, so equity is below its peak; the engine engages a reduce-only switch for the account
 * by itself, a buy is refused, a sell closing the rest of the position is accepted, and after an authorised reset a
 * buy is accepted again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DrawdownIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    private static final String FACTORY_PID = "io.alphintra.risk.loss";
    private static final String SOURCE = "itest:risk";
    private static final String ACCOUNT = "ACC-DD";
    private static final KillScope SCOPE = KillScope.parse("account:" + ACCOUNT);
    private static final AtomicInteger ORDER_IDS = new AtomicInteger();

    @Inject
    private TradingEngine engine;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext bundleContext;

    private ConfigChanges thresholds;
    private ExecutionReport resting;

    @org.ops4j.pax.exam.Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @After
    public void cleanUp() throws Exception {
        try {
            if (resting != null) {
                EngineCalls.awaitStatus(engine, resting.orderId(), OrderStatus.NEW, WAIT);
                EngineCalls.cancel(engine, resting, SOURCE, WAIT);
            }
        } finally {
            if (thresholds != null) {
                thresholds.close();
            }
            EngineCalls.answer("the reset of " + SCOPE, engine.resetKillSwitch(SCOPE, SOURCE));
        }
    }

    @Test
    public void aDrawdownEngagesAReduceOnlySwitchByItselfUntilAnAuthorisedReset() throws Exception {
        Instrument btc = EngineCalls.awaitInstrument(engine, BTC, WAIT);
        Attribution who = new Attribution("manual", "itest", ACCOUNT, "desk", "client");
        thresholds = new ConfigChanges(bundleContext, configurationAdmin, "DrawdownIT", WAIT);
        thresholds.create(FACTORY_PID, "itest-dd", Map.of("scope", "account:" + ACCOUNT, "maxDrawdown", "USD 0.0001",
                "action", "reduce-only"), Answer::lossThreshold);

        long last = EngineCalls.lastPrice(engine, BTC, WAIT);
        long quantity = btc.parseQuantity("quantity", "0.001");
        ExecutionReport bought = EngineCalls.submitAccepted(engine, order(btc, who, Side.BUY, 2 * quantity,
                btc.tickTable().floor(last * 105 / 100)), SOURCE);
        EngineCalls.awaitStatus(engine, bought.orderId(), OrderStatus.FILLED, WAIT);
        // Crossing back: bought at the ask, half sold at the bid, the spread (and fees) lost on it for certain.
        ExecutionReport halfSold = EngineCalls.submitAccepted(engine, order(btc, who, Side.SELL, quantity,
                btc.tickTable().floor(last * 95 / 100)), SOURCE);
        EngineCalls.awaitStatus(engine, halfSold.orderId(), OrderStatus.FILLED, WAIT);

        Poll.until("the engine engages a reduce-only switch for " + SCOPE + " by itself", WAIT,
                () -> killSwitches() + " / " + figures(), () -> engaged().isPresent());
        KillSwitchState engaged = engaged().orElseThrow();
        assertEquals(engaged.toString(), KillSwitchState.Mode.REDUCE_ONLY, engaged.mode());
        assertTrue(engaged.toString(), engaged.reason().contains("is beyond maxDrawdown USD 0.0001"));
        RiskFigures figures = figures().orElseThrow();
        assertTrue(figures.toString(), figures.maxDrawdown().isPresent()
                && figures.maxDrawdown().get().headroom().signum() < 0);

        last = EngineCalls.lastPrice(engine, BTC, WAIT);
        ExecutionReport more = EngineCalls.submit(engine, order(btc, who, Side.BUY, quantity,
                btc.tickTable().floor(last / 2)), SOURCE);
        EngineCalls.assertRejected(more, RejectReason.RISK_LIMIT,
                "reduce-only kill switch " + SCOPE + " engaged by risk:drawdown");

        ExecutionReport sold = EngineCalls.submit(engine, order(btc, who, Side.SELL, quantity,
                btc.tickTable().floor(last * 95 / 100)), SOURCE);
        assertEquals("a sale reducing the position passes: " + sold, ExecType.PENDING_NEW, sold.execType());
        EngineCalls.awaitStatus(engine, sold.orderId(), OrderStatus.FILLED, WAIT);

        assertTrue("reset", EngineCalls.answer("the reset of " + SCOPE, engine.resetKillSwitch(SCOPE, SOURCE)));
        resting = EngineCalls.submitAccepted(engine, order(btc, who, Side.BUY, quantity,
                btc.tickTable().floor(last / 2)), SOURCE);
        assertTrue(killSwitches().toString(), engaged().isEmpty());
    }

    private Optional<KillSwitchState> engaged() {
        return killSwitches().stream().filter(s -> s.scope().equals(SCOPE) && s.engagedBy().equals("risk:drawdown"))
                .findFirst();
    }

    private List<KillSwitchState> killSwitches() {
        return EngineCalls.answer("the kill switches", engine.killSwitches());
    }

    private Optional<RiskFigures> figures() {
        return EngineCalls.answer("the risk figures", engine.riskMonitor()).stream()
                .filter(f -> f.scope().equals(SCOPE)).findFirst();
    }

    private static OrderRequest order(Instrument btc, Attribution who, Side side, long quantity, long price) {
        return OrderRequest.limit(ClientOrderId.of("dd-" + ORDER_IDS.incrementAndGet()), btc, side, quantity, price,
                TimeInForce.GTC, who);
    }
}

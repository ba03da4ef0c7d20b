package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The kill switch on the real distribution (PT8): engaged with 10,000 orders resting on three venues, it leaves none
 * working and lets no new order out until it is reset; a switch on one account leaves the others trading.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KillSwitchIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** How long an order sent in a wave of 500, or a list of ten thousand orders, may take to be answered. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(30);
    private static final int ORDERS = 10_000;
    /** Far below each market, so they rest: instrument and a bid price. */
    private static final String[][] BIDS = {{"BTC-USD@SIMX_CRYPTO", "1000"}, {"AAPL@SIMX_US", "10.00"},
        {"SAP@SIMX_EU", "10.00"}};

    @Inject
    private TradingEngine engine;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Test
    public void aKillSwitchOnTenThousandOrdersOnThreeVenuesLeavesNoneWorkingAndLetsNothingNewOut() throws Exception {
        List<Instrument> instruments = new ArrayList<>();
        for (String[] bid : BIDS) {
            instruments.add(EngineCalls.awaitInstrument(engine, InstrumentId.parse(bid[0]), WAIT));
        }
        Attribution desk = new Attribution("manual", "itest", "ACC-KILL", "operations", "house");
        // In waves, so that no venue's command ring overflows: each wave is answered before the next is sent.
        for (int sent = 0; sent < ORDERS; ) {
            List<CompletableFuture<ExecutionReport>> wave = new ArrayList<>();
            for (int i = 0; i < 500 && sent < ORDERS; i++, sent++) {
                wave.add(engine.submit(bid(instruments, sent, "k-" + sent, desk), "itest").toCompletableFuture());
            }
            for (CompletableFuture<ExecutionReport> answer : wave) {
                ExecutionReport report = EngineCalls.answer("an order of the wave", answer, SLOW_ANSWER);
                assertEquals(report.text(), ExecType.PENDING_NEW, report.execType());
            }
        }
        Poll.until("all " + ORDERS + " orders rest at their venues", WAIT, () -> summary(),
                () -> count(OrderStatus.NEW) == ORDERS);
        Attribution other = new Attribution("manual", "itest", "ACC-OTHER", "operations", "house");

        int cancels = EngineCalls.answer("the kill switch on account:ACC-KILL",
                engine.engageKillSwitch(KillScope.parse("account:ACC-KILL"), "itest", "test of PT8"),
                Duration.ofSeconds(60));

        assertEquals("a cancel for every working order in scope", ORDERS, cancels);
        ExecutionReport refused = EngineCalls.submit(engine, bid(instruments, 0, "k-after", desk), "itest");
        assertEquals(ExecType.REJECTED, refused.execType());
        assertEquals(RejectReason.KILL_SWITCH, refused.rejectReason());
        assertTrue(refused.text(), refused.text().contains("account:ACC-KILL") && refused.text().contains("itest"));
        ExecutionReport outOfScope = EngineCalls.submit(engine, bid(instruments, 1, "o-1", other), "itest");
        assertEquals("another account trades on", ExecType.PENDING_NEW, outOfScope.execType());
        Poll.until("no order of the account works any more", WAIT, this::summary, () -> workingOf("ACC-KILL") == 0);
        assertEquals(List.of("account:ACC-KILL"), EngineCalls.answer("the kill switches", engine.killSwitches())
                .stream().map(state -> state.scope().toString()).toList());

        assertTrue(EngineCalls.answer("the reset of account:ACC-KILL",
                engine.resetKillSwitch(KillScope.parse("account:ACC-KILL"), "itest")));
        ExecutionReport again = EngineCalls.submit(engine, bid(instruments, 2, "k-reset", desk), "itest");
        assertEquals("accepted again once reset", ExecType.PENDING_NEW, again.execType());
        engine.cancel(ClientOrderId.of("k-reset"), "itest");
        engine.cancel(ClientOrderId.of("o-1"), "itest");
    }

    private static OrderRequest bid(List<Instrument> instruments, int n, String id, Attribution who) {
        Instrument instrument = instruments.get(n % instruments.size());
        String[] bid = BIDS[n % BIDS.length];
        return OrderRequest.limit(ClientOrderId.of(id), instrument, Side.BUY,
                instrument.parseQuantity("quantity", instrument.id().venueId().equals("SIMX_CRYPTO") ? "0.001" : "1"),
                instrument.parsePrice("price", bid[1]), TimeInForce.GTC, who);
    }

    private long count(OrderStatus status) {
        return openOrders().stream().filter(o -> o.status() == status).count();
    }

    private long workingOf(String account) {
        return EngineCalls.answer("the list of orders", engine.orders(), SLOW_ANSWER).stream()
                .filter(o -> o.accountId().equals(account) && !o.status().isTerminal()).count();
    }

    private List<OpenOrder> openOrders() {
        return EngineCalls.answer("the working orders", engine.openOrders(), SLOW_ANSWER);
    }

    private String summary() {
        List<OpenOrder> open = openOrders();
        return open.size() + " working, " + open.stream().filter(o -> o.status() == OrderStatus.NEW).count()
                + " NEW at their venues";
    }
}

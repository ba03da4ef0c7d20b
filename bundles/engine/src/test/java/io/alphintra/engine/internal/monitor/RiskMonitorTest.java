package io.alphintra.engine.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.RiskFigures;
import io.alphintra.engine.internal.portfolio.Portfolio;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The monitor's figures after fills and marks against values worked out by hand (USD figures at scale 4), its peaks
 * and drawdowns, thresholds that fire once and latch, a rebuild from restored books, and the hot path's promise.
 */
class RiskMonitorTest {
    /** Prices in cents, whole shares. */
    static final Instrument AAPL = new Equity(InstrumentId.of("AAPL", "SIMX"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    static final Instrument MSFT = new Equity(InstrumentId.of("MSFT", "SIMX"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));

    private final Portfolio books = new Portfolio();
    private final RiskMonitor monitor = new RiskMonitor();

    RiskMonitorTest() {
        books.registerInstrument(AAPL);
        books.registerInstrument(MSFT);
    }

    @Test
    void figuresFollowFillsAndMarksAsWorkedOutByHand() {
        fill("ACC-1", "alpha", AAPL, 100, 15_000, 100); // buy 100 at 150.00, fee 1.00
        mark(AAPL, 15_500);
        RiskFigures alpha = line("strategy:alpha");
        assertThat(alpha.equity()).isEqualTo(usd(499)); // 100 × 5.00 − 1.00
        assertThat(alpha.realizedPnl()).isEqualTo(usd(-1));
        assertThat(alpha.unrealizedPnl()).isEqualTo(usd(500));
        assertThat(alpha.peakEquity()).isEqualTo(usd(499));
        assertThat(alpha.grossExposure()).isEqualTo(usd(15_500));

        mark(AAPL, 14_000);
        alpha = line("strategy:alpha");
        assertThat(alpha.equity()).isEqualTo(usd(-1_001)); // 100 × −10.00 − 1.00
        assertThat(alpha.peakEquity()).isEqualTo(usd(499));
        assertThat(alpha.drawdown()).isEqualTo(usd(1_500));

        fill("ACC-1", "alpha", AAPL, -40, 14_500, 0); // sell 40 at 145.00: marks the instrument at 145.00
        alpha = line("strategy:alpha");
        assertThat(alpha.realizedPnl()).isEqualTo(usd(-201)); // 40 × −5.00 − 1.00
        assertThat(alpha.unrealizedPnl()).isEqualTo(usd(-300)); // 60 × −5.00
        assertThat(alpha.equity()).isEqualTo(usd(-501));
        assertThat(alpha.drawdown()).isEqualTo(usd(1_000));
        assertThat(alpha.grossExposure()).isEqualTo(usd(8_700));
        assertThat(alpha.netExposure()).isEqualTo(usd(8_700));

        // Another strategy of the account goes short 50 AAPL and long 10 MSFT: the account nets AAPL, sums both.
        fill("ACC-1", "beta", AAPL, -50, 14_500, 0);
        fill("ACC-1", "beta", MSFT, 10, 40_000, 0);
        RiskFigures account = line("account:ACC-1");
        assertThat(account.instruments()).extracting(RiskFigures.InstrumentExposure::netQuantity)
                .containsExactly(10L, 10L);
        assertThat(account.grossExposure()).isEqualTo(usd(1_450 + 4_000));
        assertThat(account.netExposure()).isEqualTo(usd(1_450 + 4_000));
        assertThat(account.largestInstrument()).contains(MSFT.id());
        assertThat(account.concentrationBps()).isEqualTo(7_339); // 4000 / 5450, rounded down
        RiskFigures beta = line("strategy:beta");
        assertThat(beta.grossExposure()).isEqualTo(usd(7_250 + 4_000));
        assertThat(beta.netExposure()).isEqualTo(usd(-7_250 + 4_000));
        assertThat(line("all").equity()).isEqualTo(account.equity());
        assertThat(monitor.figures(books, 0)).extracting(f -> f.scope().toString())
                .containsExactly("all", "strategy:alpha", "strategy:beta", "account:ACC-1");
    }

    @Test
    void aThresholdFiresOnceLatchesAndFiresAgainAfterAResetFromTheRebasedPeak() {
        monitor.thresholds(List.of(threshold("strategy:alpha", Map.of(Currency.USD, usd(1_000)), Map.of(),
                KillSwitchState.Mode.REDUCE_ONLY)));
        fill("ACC-1", "alpha", AAPL, 100, 15_000, 0);
        mark(AAPL, 15_500); // peak 500
        mark(AAPL, 14_600); // equity −400, drawdown 900: within
        assertThat(monitor.hasBreaches()).isFalse();

        mark(AAPL, 14_400); // equity −600, drawdown 1,100
        List<RiskMonitor.Breach> breaches = monitor.takeBreaches();
        assertThat(breaches).singleElement().satisfies(breach -> {
            assertThat(breach.scope()).isEqualTo(KillScope.parse("strategy:alpha"));
            assertThat(breach.engagedBy()).isEqualTo("risk:drawdown");
            assertThat(breach.action()).isEqualTo(KillSwitchState.Mode.REDUCE_ONLY);
            assertThat(breach.reason()).contains("drawdown USD 1100.0000", "peak USD 500.0000",
                    "equity USD -600.0000", "maxDrawdown USD 1000.0000", "io.alphintra.risk.loss.test");
        });
        mark(AAPL, 13_000);
        assertThat(monitor.hasBreaches()).as("latched").isFalse();

        monitor.onReset(KillScope.parse("strategy:alpha")); // peak becomes −2,000
        mark(AAPL, 12_100); // equity −2,900: drawdown 900 from the rebased peak
        assertThat(monitor.hasBreaches()).isFalse();
        mark(AAPL, 11_900); // drawdown 1,100
        assertThat(monitor.takeBreaches()).hasSize(1);
    }

    @Test
    void aLossThresholdOnEveryScopeFiresForTheStrategyAndTheAccount() {
        monitor.thresholds(List.of(threshold("*", Map.of(), Map.of(Currency.USD, usd(500)),
                KillSwitchState.Mode.HALT)));
        fill("ACC-1", "alpha", AAPL, 100, 15_000, 0);
        mark(AAPL, 14_500); // equity −500: not below −500
        assertThat(monitor.hasBreaches()).isFalse();
        mark(AAPL, 14_499);
        assertThat(monitor.takeBreaches()).extracting(b -> b.scope() + " " + b.engagedBy() + " " + b.action())
                .containsExactly("strategy:alpha risk:loss HALT", "account:ACC-1 risk:loss HALT");
        assertThat(line("strategy:alpha").maxLoss()).hasValueSatisfying(t -> {
            assertThat(t.limit()).isEqualTo(usd(500));
            assertThat(t.headroom()).isEqualTo(usd(-1)); // −500 + 499 (scale 4: 500 − 501)
        });
        assertThat(line("all").maxLoss()).as("the node is watched, not limited").isEmpty();
    }

    @Test
    void nothingFiresWhileDisarmedAndSwitchesStillEngagedStayLatched() {
        monitor.thresholds(List.of(threshold("*", Map.of(Currency.USD, usd(100)), Map.of(),
                KillSwitchState.Mode.HALT)));
        monitor.disarm();
        fill("ACC-1", "alpha", AAPL, 100, 15_000, 0);
        mark(AAPL, 14_000);
        assertThat(monitor.hasBreaches()).isFalse();
        monitor.arm(List.of(new KillSwitchState(KillScope.parse("account:ACC-1"), "risk:drawdown", "", 1L)));
        assertThat(line("strategy:alpha").drawdown()).as("peaks start at recovery").isEqualTo(usd(0));
        mark(AAPL, 13_800); // drawdown 200 for both scopes
        assertThat(monitor.takeBreaches()).extracting(b -> b.scope().toString()).containsExactly("strategy:alpha");
    }

    @Test
    void figuresRebuiltFromRestoredBooksEqualTheLiveOnes() {
        fill("ACC-1", "alpha", AAPL, 100, 15_000, 137);
        fill("ACC-1", "alpha", AAPL, -30, 15_100, 50);
        fill("ACC-2", "beta", MSFT, -7, 40_010, 3);
        ByteBuffer snapshot = ByteBuffer.allocate(books.snapshotSize());
        books.writeSnapshot(snapshot);
        snapshot.flip();
        Portfolio restored = new Portfolio();
        restored.registerInstrument(AAPL);
        restored.registerInstrument(MSFT);
        restored.readSnapshot(snapshot);
        RiskMonitor rebuilt = new RiskMonitor();
        rebuilt.rebuild(restored, 0);
        assertThat(rebuilt.figures(restored, 0)).extracting(RiskFigures::scope, RiskFigures::equity,
                RiskFigures::realizedPnl).containsExactlyElementsOf(monitor.figures(books, 0).stream()
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.scope(), f.realizedPnl(), f.realizedPnl())).toList());

        mark(AAPL, 15_321);
        mark(MSFT, 39_000);
        rebuilt.onMark(restored, AAPL.id(), 15_321);
        rebuilt.onMark(restored, MSFT.id(), 39_000);
        assertThat(rebuilt.figures(restored, 0)).extracting(RiskFigures::equity, RiskFigures::unrealizedPnl,
                RiskFigures::grossExposure).containsExactlyElementsOf(monitor.figures(books, 0).stream()
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.equity(), f.unrealizedPnl(), f.grossExposure()))
                .toList());
    }

    @Test
    void updatingTheFiguresOnFillsAndMarksAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        monitor.thresholds(List.of(threshold("*", Map.of(Currency.USD, usd(1_000_000_000)),
                Map.of(Currency.USD, usd(1_000_000_000)), KillSwitchState.Mode.HALT)));
        String[] accounts = {"ACC-1", "ACC-2"};
        String[] strategies = {"alpha", "beta"};
        Instrument[] instruments = {AAPL, MSFT};
        long[] cycle = {3, -1, -4, 5, -3};
        int events = 100_000;
        Runnable flow = () -> {
            for (int n = 0; n < events; n++) {
                String account = accounts[n % 2];
                String strategy = strategies[(n / 2) % 2];
                Instrument instrument = instruments[(n / 4) % 2];
                long price = 15_000 + (n % 17) * 5;
                if (n % 3 == 0) {
                    monitor.onMark(books, instrument.id(), price);
                } else {
                    long quantity = cycle[n % cycle.length];
                    books.applyFill(books.accountIndex(account), books.strategyIndex(strategy),
                            books.instrumentIndex(instrument.id()), quantity, price, Currency.USD, 7, 2, n);
                    monitor.onFill(books, account, strategy, instrument.id(), quantity, price, Currency.USD, 7, 2);
                }
            }
        };
        for (String account : accounts) {
            books.registerAccount(account, Currency.USD);
        }
        for (String strategy : strategies) {
            books.registerStrategy(strategy);
        }
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            flow.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        flow.run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // As the portfolio's own test: one object per event would show as 1.6 MB.
        assertThat(allocated).as("bytes allocated by %d fills and marks", events).isLessThan(events / 100);
        assertThat(monitor.hasBreaches()).isFalse();
        assertThat(line("all").grossExposure().signum()).isNotZero();
    }

    private void fill(String account, String strategy, Instrument instrument, long quantity, long price,
                      long feeCents) {
        books.applyFill(books.registerAccount(account, Currency.USD), books.registerStrategy(strategy),
                books.instrumentIndex(instrument.id()), quantity, price, Currency.USD, feeCents, 2, 1L);
        monitor.onFill(books, account, strategy, instrument.id(), quantity, price, Currency.USD, feeCents, 2);
    }

    private void mark(Instrument instrument, long price) {
        books.mark(books.instrumentIndex(instrument.id()), price);
        monitor.onMark(books, instrument.id(), price);
    }

    private RiskFigures line(String scope) {
        return monitor.figures(books, 0).stream().filter(f -> f.scope().toString().equals(scope)).findFirst()
                .orElseThrow();
    }

    static Money usd(long dollars) {
        return Money.of(Currency.USD, dollars * 10_000, 4);
    }

    static LossThreshold threshold(String scope, Map<Currency, Money> maxDrawdown, Map<Currency, Money> maxLoss,
                                   KillSwitchState.Mode action) {
        return new LossThreshold("io.alphintra.risk.loss.test", scope.equals("*") ? KillScope.all()
                : KillScope.parse(scope), maxDrawdown, maxLoss, action);
    }
}

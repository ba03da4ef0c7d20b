package io.alphintra.benchmarks.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.alphintra.risk.limits.internal.BenchLimits;
import io.alphintra.risk.limits.internal.LimitBook;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TickTable.Band;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;

/**
 * The five risk-limit checks on a stream of 4,096 distinct limit orders (two instruments on banded tick tables, eight
 * accounts, two traders, three strategies), one order a millisecond of engine time so that every order passes every
 * check, as most do in production: the accept path, which is the one that must not allocate. Limits in force: order
 * value and duplicates for {@code *}, a collar, quantity limit and traders' credit limit per venue, a tighter collar
 * around the mid for one account in one instrument, a quantity limit per trader, duplicates, credit and position limits
 * per strategy, and long and short position and credit limits for each of {@code accounts} accounts (the orders come
 * from eight of them: the rest show that the number of scopes does not matter). One operation is one order through
 * {@code chain} (all five, in the gate's order) or through one check.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RiskChecksBenchmark {
    private static final int ORDERS = 4096;
    private static final long MILLI = 1_000_000;

    static final Equity AAPL = new Equity(InstrumentId.of("AAPL", "SIMX_US"), Currency.USD, Jurisdiction.US,
            new TradingGrid(4, TickTable.of(new Band(0, 1), new Band(10_000, 100)), 0, 1, 1));
    static final Equity TOYOTA = new Equity(InstrumentId.of("7203", "SIMX_JP"), Currency.JPY, Jurisdiction.JP,
            new TradingGrid(0, TickTable.of(new Band(0, 1), new Band(3_000, 5), new Band(5_000, 10),
                    new Band(30_000, 50)), 0, 100, 100));

    /** Scopes with position limits, one per account. */
    @Param({"8", "1000"})
    public int accounts;

    private PreTradeCheck[] chain;
    private PreTradeCheck credit;
    private PreTradeCheck orderSize;
    private PreTradeCheck priceCollar;
    private PreTradeCheck duplicates;
    private PreTradeCheck position;
    private final OrderRequest[] orders = new OrderRequest[ORDERS];
    private final BenchContext[] contexts = new BenchContext[ORDERS];
    private int next;
    private long now = 1_767_225_600_000_000_000L;

    @Setup
    public void setUp() {
        LimitBook book = BenchLimits.book(limits(accounts));
        chain = BenchLimits.chain(book);
        credit = chain[0];
        orderSize = chain[1];
        priceCollar = chain[2];
        duplicates = chain[3];
        position = chain[4];
        // Credit used: USD 5,000,000 and JPY 5,000,000 (at the credit scale), a tenth of the limits.
        BenchContext aapl = new BenchContext(AAPL, 1_900_000, 1_000, 500, 300, 50_000_000_000L);
        BenchContext toyota = new BenchContext(TOYOTA, 2_950, 10_000, 2_000, 1_000, 50_000_000_000L);
        String[] traders = {"alice", "bob"};
        String[] strategies = {"momentum-1", "meanrev-2", "pairs-3"};
        for (int i = 0; i < ORDERS; i++) {
            Attribution who = new Attribution(strategies[i % 3], traders[i % 2], "ACC-" + (i % 8), "desk-1",
                    "client-1");
            Side side = i % 2 == 0 ? Side.BUY : Side.SELL_SHORT;
            boolean us = i % 4 != 3;
            Instrument instrument = us ? AAPL : TOYOTA;
            // Within 4 % of the last trade, on the grid, sizes within every limit.
            long price = us ? 1_900_000 + 100 * ((i % 151) - 75) : 2_950 + ((i % 101) - 50);
            long quantity = us ? 1 + i % 200 : 100 * (1 + i % 20);
            orders[i] = OrderRequest.limit(ClientOrderId.of("b-" + i), instrument, side, quantity, price,
                    TimeInForce.DAY, who);
            contexts[i] = us ? aapl : toyota;
        }
        // Every order must pass, or the benchmark would measure rejections (which build their texts).
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ORDERS; i++) {
                int failed = run(chain);
                if (failed >= 0) {
                    throw new IllegalStateException(chain[failed].id() + " rejects order " + orders[next] + ": "
                            + chain[failed].check(orders[next], contexts[next]));
                }
            }
        }
    }

    private static List<Map<String, Object>> limits(int accounts) {
        List<Map<String, Object>> limits = new ArrayList<>();
        limits.add(config("*", "maxOrderValue", "USD 10000000, JPY 1500000000", "warnOrderValue",
                "USD 1000000, JPY 150000000", "duplicateCount", "5", "duplicateWindowMillis", "1000"));
        limits.add(config("venue:SIMX_US", "priceCollarBasisPoints", "1000", "maxReferenceAgeMillis", "60000",
                "maxOrderQuantity", "10000", "traderCreditLimit", "USD 50000000"));
        limits.add(config("venue:SIMX_JP", "priceCollarBasisPoints", "1000", "maxReferenceAgeMillis", "60000",
                "maxOrderQuantity", "100000"));
        limits.add(config("account:ACC-7 instrument:AAPL@SIMX_US", "priceCollarBasisPoints", "500",
                "priceCollarReference", "mid", "maxReferenceAgeMillis", "5000"));
        limits.add(config("trader:alice", "maxOrderQuantity", "5000", "warnOrderQuantity", "2500"));
        limits.add(config("strategy:momentum-1", "duplicateCount", "3", "duplicateWindowMillis", "500",
                "strategyCreditLimit", "USD 50000000, JPY 50000000000", "maxStrategyLongPosition", "500000",
                "maxStrategyShortPosition", "250000"));
        for (int i = 0; i < accounts; i++) {
            limits.add(config("account:ACC-" + i, "maxLongPosition", "1000000", "maxShortPosition", "500000",
                    "accountCreditLimit", "USD 50000000, JPY 50000000000"));
        }
        return limits;
    }

    private static Map<String, Object> config(String scope, String... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        map.put("scope", scope);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The next order through {@code checks}: the index of the first that did not accept, or -1. */
    private int run(PreTradeCheck[] checks) {
        int i = next = (next + 1) & (ORDERS - 1);
        now += MILLI;
        OrderRequest order = orders[i];
        BenchContext context = contexts[i].at(now);
        for (int c = 0; c < checks.length; c++) {
            if (checks[c].check(order, context) != CheckResult.accept()) {
                return c;
            }
        }
        return -1;
    }

    private CheckResult one(PreTradeCheck check) {
        int i = next = (next + 1) & (ORDERS - 1);
        now += MILLI;
        return check.check(orders[i], contexts[i].at(now));
    }

    @Benchmark
    public int chain() {
        return run(chain);
    }

    @Benchmark
    public CheckResult credit() {
        return one(credit);
    }

    @Benchmark
    public CheckResult orderSize() {
        return one(orderSize);
    }

    @Benchmark
    public CheckResult priceCollar() {
        return one(priceCollar);
    }

    @Benchmark
    public CheckResult duplicates() {
        return one(duplicates);
    }

    @Benchmark
    public CheckResult position() {
        return one(position);
    }
}

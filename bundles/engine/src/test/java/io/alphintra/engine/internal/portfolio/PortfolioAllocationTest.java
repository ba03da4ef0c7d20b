package io.alphintra.engine.internal.portfolio;

import static io.alphintra.engine.internal.portfolio.TestInstruments.AAPL;
import static io.alphintra.engine.internal.portfolio.TestInstruments.BTCUSDT;
import static io.alphintra.engine.internal.portfolio.TestInstruments.ES;
import static io.alphintra.engine.internal.portfolio.TestInstruments.EURUSD;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.Fill;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.Side;

/** The hot-path promise: once its keys exist, booking a fill allocates nothing, whatever the fill does. */
class PortfolioAllocationTest {
    private static final int MEASURED_FILLS = 100_000;
    /** Quantity multiples per cycle: add, partial close, flip, flip back, close; they sum to zero. */
    private static final long[] CYCLE = {3, -1, -4, 5, -3};

    @Test
    void bookingAFillAfterWarmUpAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);

        Portfolio portfolio = new Portfolio();
        int[] accounts = {portfolio.registerAccount("ACC-1", Currency.USD),
                portfolio.registerAccount("ACC-2", Currency.EUR)};
        int[] strategies = {portfolio.registerStrategy("alpha"), portfolio.registerStrategy("beta")};
        Instrument[] instruments = {AAPL, ES, EURUSD, BTCUSDT};
        long[] lots = {100, 2, 100_000, 300_000_000}; // BTC lots large enough for the 128-bit partial close
        long[] prices = {1_012_500, 500_025, 108_510, 6_012_345};
        Currency[] feeCurrencies = {Currency.USD, Currency.USD, Currency.EUR, Currency.BTC};
        int[] instrumentIndexes = new int[instruments.length];
        Fill[] fills = new Fill[CYCLE.length];
        for (int i = 0; i < instruments.length; i++) {
            instrumentIndexes[i] = portfolio.registerInstrument(instruments[i]);
        }
        for (int step = 0; step < CYCLE.length; step++) {
            long quantity = Math.abs(CYCLE[step]) * 100;
            fills[step] = new Fill("E" + step, "O" + step, ClientOrderId.of("C" + step), AAPL.id(),
                    CYCLE[step] > 0 ? Side.BUY : Side.SELL, quantity, 1_000_000 + step * 100,
                    Money.of(Currency.USD, 35 * quantity, 4), Liquidity.TAKER, step);
        }

        long[] checksum = new long[1];
        Runnable bookFills = () -> {
            for (int n = 0; n < MEASURED_FILLS; n++) {
                int step = n % CYCLE.length;
                int account = accounts[(n / CYCLE.length) % 2];
                int strategy = strategies[(n / (2 * CYCLE.length)) % 2];
                int k = (n / (4 * CYCLE.length)) % (instruments.length + 1);
                if (k == instruments.length) {
                    portfolio.applyFill(account, strategy, fills[step]);
                } else {
                    long price = prices[k] + (step - 2) * 5L;
                    portfolio.applyFill(account, strategy, instrumentIndexes[k], CYCLE[step] * lots[k], price,
                            feeCurrencies[k], 1 + step, 2 + step, n);
                    portfolio.mark(instrumentIndexes[k], price);
                    checksum[0] += portfolio.accountNetQuantity(account, instrumentIndexes[k]);
                }
            }
        };
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            bookFills.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        bookFills.run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // Not exactly zero: a late JIT recompilation or deoptimisation may charge a few dozen bytes to this thread
        // once. The smallest object allocated per fill (16 bytes) would show as 1.6 MB, so the bound tells the two
        // apart with a margin of three orders of magnitude.
        assertThat(allocated).as("bytes allocated by %d fills", MEASURED_FILLS).isLessThan(MEASURED_FILLS / 100);
        assertThat(checksum[0]).isNotZero(); // the reads were not dead code
    }
}

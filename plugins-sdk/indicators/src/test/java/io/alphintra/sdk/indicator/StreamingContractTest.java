package io.alphintra.sdk.indicator;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The contract every indicator keeps: warm-up reported, batch equal to streaming, reset, no allocation per update. */
class StreamingContractTest {

    private static final AppleBars BARS = AppleBars.INSTANCE;

    @Test
    void registryHoldsEveryIndicatorClassOnce() {
        List<Class<?>> classes = new ArrayList<>();
        for (Supplier<Indicator> s : Fixtures.all()) {
            classes.add(s.get().getClass());
        }
        assertThat(classes).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(50);
    }

    @TestFactory
    List<DynamicTest> warmupIsReportedAndValuesAreNanUntilThen() {
        return forEach(indicator -> {
            int warmup = indicator.warmupPeriod();
            assertThat(warmup).isBetween(1, BARS.size() / 2);
            for (int i = 0; i < BARS.size(); i++) {
                double returned = Fixtures.feed(indicator, BARS, i);
                boolean shouldBeReady = i + 1 >= warmup;
                assertThat(indicator.isReady()).as("isReady after %d inputs", i + 1).isEqualTo(shouldBeReady);
                assertThat(Double.doubleToLongBits(returned)).as("returned value after %d inputs", i + 1)
                        .isEqualTo(Double.doubleToLongBits(indicator.value()));
                assertThat(Double.isNaN(returned)).as("value is NaN after %d inputs", i + 1).isEqualTo(!shouldBeReady);
                if (indicator instanceof MultiOutput m) {
                    for (int k = 0; k < m.outputCount(); k++) {
                        assertThat(Double.isNaN(m.output(k))).as("output %s after %d inputs", m.outputName(k), i + 1)
                                .isEqualTo(!shouldBeReady);
                    }
                }
            }
        });
    }

    @TestFactory
    List<DynamicTest> batchEqualsStreaming() {
        return forEach(indicator -> {
            double[] batch = Fixtures.batch(indicator, BARS);
            Indicator streaming = fresh(indicator);
            for (int i = 0; i < BARS.size(); i++) {
                double v = Fixtures.feed(streaming, BARS, i);
                assertThat(Double.doubleToLongBits(v)).as("bar %d", i).isEqualTo(Double.doubleToLongBits(batch[i]));
            }
        });
    }

    @TestFactory
    List<DynamicTest> resetStartsAfresh() {
        return forEach(indicator -> {
            double[] expected = Fixtures.batch(fresh(indicator), BARS);
            for (int i = BARS.size() - 1; i >= BARS.size() / 2; i--) {
                Fixtures.feed(indicator, BARS, i);
            }
            indicator.reset();
            assertThat(indicator.isReady()).isFalse();
            assertThat(indicator.value()).isNaN();
            double[] again = new double[BARS.size()];
            for (int i = 0; i < BARS.size(); i++) {
                again[i] = Fixtures.feed(indicator, BARS, i);
            }
            assertThat(again).containsExactly(expected);
        });
    }

    @TestFactory
    List<DynamicTest> updatesDoNotAllocate() {
        return forEach(indicator -> {
            int n = BARS.size();
            // Run first so that class loading and JIT compilation, which may allocate, are over before measuring.
            for (int i = 0; i < 200_000; i++) {
                Fixtures.feed(indicator, BARS, i % n);
            }
            long allocated = allocatedBy(() -> {
                for (int i = 0; i < 100_000; i++) {
                    Fixtures.feed(indicator, BARS, i % n);
                }
            });
            // Slack for the measuring call itself; one allocation per update would be >= 1.6 MB.
            assertThat(allocated).as("bytes allocated by 100k updates of %s", indicator.name()).isLessThan(1024);
        });
    }

    /** The probe above would see allocation: here a loop that keeps 100k small arrays reachable. */
    @Test
    void allocationProbeSeesAllocation() {
        double[][] kept = new double[100_000][];
        long allocated = allocatedBy(() -> {
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new double[1];
            }
        });
        assertThat(allocated).isGreaterThan(1_000_000);
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(self);
        work.run();
        return threads.getThreadAllocatedBytes(self) - before;
    }

    @TestFactory
    List<DynamicTest> namesAndOutputNamesAreSet() {
        return forEach(indicator -> {
            assertThat(indicator.name()).isNotBlank();
            if (indicator instanceof MultiOutput m) {
                assertThat(m.outputCount()).isGreaterThan(1);
                for (int k = 0; k < m.outputCount(); k++) {
                    assertThat(m.outputName(k)).isNotBlank();
                }
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.output(m.outputCount()))
                        .isInstanceOf(IndexOutOfBoundsException.class);
            }
        });
    }

    private static Indicator fresh(Indicator indicator) {
        for (Supplier<Indicator> s : Fixtures.all()) {
            Indicator candidate = s.get();
            if (candidate.name().equals(indicator.name())) {
                return candidate;
            }
        }
        throw new AssertionError(indicator.name());
    }

    private interface Check {
        void run(Indicator indicator) throws Exception;
    }

    private static List<DynamicTest> forEach(Check check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Supplier<Indicator> s : Fixtures.all()) {
            Indicator indicator = s.get();
            tests.add(dynamicTest(indicator.name(), () -> check.run(indicator)));
        }
        return tests;
    }
}

package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class MessageThrottlesTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String MOMENTUM = "strategy:momentum-1";
    private static final String MEAN_REVERSION = "strategy:mean-rev-2";

    @Test
    void aStrategyWithoutARateOfItsOwnHasTheEngineWideOne() {
        MessageThrottles throttles = new MessageThrottles(0, 0, 2);

        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 1L)).isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 2L)).isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 3L)).isEqualTo("message throttle: strategy"
                + " momentum-1 sent its 2 messages (orders, replaces, cancels) of this second"
                + " (maxMessagesPerSecondPerStrategy)");
        assertThat(throttles.admit("SIMX", "ACC-1", MEAN_REVERSION, 4L)).as("each instance has its own second")
                .isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", "shell:admin", 5L)).as("operators are no strategy").isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 1 + SECOND)).as("the next second").isNull();
    }

    @Test
    void anInstancesOwnRateReplacesTheEngineWideOneEitherWay() {
        MessageThrottles throttles = new MessageThrottles(0, 0, 2);
        throttles.strategyRate(MOMENTUM, 3);
        throttles.strategyRate(MEAN_REVERSION, 1);

        for (int i = 0; i < 3; i++) {
            assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, i)).isNull();
        }
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 3L)).contains("strategy momentum-1 sent its 3",
                "(maxMessagesPerSecond of the instance)");
        assertThat(throttles.admit("SIMX", "ACC-1", MEAN_REVERSION, 4L)).isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", MEAN_REVERSION, 5L)).contains("strategy mean-rev-2 sent its 1");

        throttles.strategyRate(MEAN_REVERSION, 0);
        assertThat(throttles.admit("SIMX", "ACC-1", MEAN_REVERSION, 6L))
                .as("0 hands it back to the engine-wide rate; the second it is in is kept").isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", MEAN_REVERSION, 7L)).contains("sent its 2",
                "(maxMessagesPerSecondPerStrategy)");
    }

    @Test
    void withoutAnyStrategyRateAStrategyIsLimitedOnlyByItsVenueAndAccount() {
        MessageThrottles throttles = new MessageThrottles(0, 3, 0);
        throttles.strategyRate(MEAN_REVERSION, 0);

        for (int i = 0; i < 3; i++) {
            assertThat(throttles.admit("SIMX", "ACC-1", i % 2 == 0 ? MOMENTUM : MEAN_REVERSION, i)).isNull();
        }
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 3L)).contains("account ACC-1 sent its 3",
                "(maxMessagesPerSecondPerAccount)");
        assertThat(throttles.admit("SIMX", "ACC-2", MOMENTUM, 4L)).isNull();
    }

    @Test
    void aRefusedMessageCountsAgainstNoRate() {
        MessageThrottles throttles = new MessageThrottles(2, 0, 1);

        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 1L)).isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 2L)).contains("strategy momentum-1");
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 3L)).contains("strategy momentum-1");
        assertThat(throttles.admit("SIMX", "ACC-1", "shell:admin", 4L))
                .as("the strategy's refused messages left the venue's second one message used").isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", "shell:admin", 5L)).contains("venue SIMX was sent its 2",
                "(maxMessagesPerSecondPerVenue)");
    }

    @Test
    void aClockThatGoesBackStartsANewSecond() {
        MessageThrottles throttles = new MessageThrottles(0, 0, 1);

        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 5 * SECOND)).isNull();
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 5 * SECOND + 1)).isNotNull();
        assertThat(throttles.admit("SIMX", "ACC-1", MOMENTUM, 4 * SECOND)).isNull();
    }

    @Test
    void countingAdmittedMessagesAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        MessageThrottles throttles = new MessageThrottles(10_000_000, 10_000_000, 10_000_000);
        throttles.strategyRate(MEAN_REVERSION, 9_000_000);
        String[] sources = {MOMENTUM, MEAN_REVERSION, "shell:admin"};
        String[] venues = {"SIMX", "SIMX_EU"};
        String[] accounts = {"ACC-1", "ACC-2", "ACC-3"};
        int messages = 1_000_000;
        long refused = admitAll(throttles, sources, venues, accounts, messages, 0);

        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        refused += admitAll(throttles, sources, venues, accounts, messages, 10 * SECOND);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        assertThat(refused).isZero();
        assertThat(allocated).as("bytes allocated for %d messages", messages).isLessThan(1024);
    }

    /** Sends {@code messages} spread over the sources, venues and accounts, one a microsecond from {@code from}. */
    private static long admitAll(MessageThrottles throttles, String[] sources, String[] venues, String[] accounts,
                                 int messages, long from) {
        long refused = 0;
        for (int i = 0; i < messages; i++) {
            if (throttles.admit(venues[i % venues.length], accounts[i % accounts.length], sources[i % sources.length],
                    from + i * 1_000L) != null) {
                refused++;
            }
        }
        return refused;
    }
}

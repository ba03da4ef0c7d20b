package io.alphintra.sdk.testkit.sample;

import java.time.Duration;

import io.alphintra.sdk.venue.ExchangeAdapter;

/**
 * The conformance suite against {@link BrokenExchangeAdapter}. Not a test of its own (surefire does not pick up
 * the name): {@link ConformanceSuiteCatchesBrokenAdaptersTest} runs it through the JUnit Platform launcher once
 * per defect and checks which tests fail.
 */
class BrokenAdapterConformanceRun extends GatewayExchangeAdapterConformanceTest {

    /** The defect of the next run; set by the launching test, which runs one launcher at a time. */
    static volatile BrokenExchangeAdapter.Defect defect;

    /** What the next run's {@link #venueReplaysExecutions()} declares; set by the launching test. */
    static volatile boolean replays = true;

    @Override
    protected ExchangeAdapter createAdapter() {
        return new BrokenExchangeAdapter((io.alphintra.sdk.testkit.sample.GatewayExchangeAdapter) super
                .createAdapter(), defect);
    }

    @Override
    protected boolean venueReplaysExecutions() {
        return replays;
    }

    @Override
    protected Duration timeout() {
        // Defects that swallow a report fail by timeout; keep the proof quick.
        return Duration.ofSeconds(2);
    }

    @Override
    GatewayExchangeAdapter unwrap(ExchangeAdapter adapter) {
        return ((BrokenExchangeAdapter) adapter).delegate();
    }
}

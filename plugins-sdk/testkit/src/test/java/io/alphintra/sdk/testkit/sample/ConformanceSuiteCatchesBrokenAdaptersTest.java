package io.alphintra.sdk.testkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import io.alphintra.sdk.testkit.sample.BrokenExchangeAdapter.Defect;

/**
 * Proves the conformance suite can fail: each deliberate defect must fail exactly the tests that cover it, with a
 * message that names the problem, and nothing else.
 */
class ConformanceSuiteCatchesBrokenAdaptersTest {

    private static final Map<Defect, Set<String>> EXPECTED_FAILURES = Map.of(
            Defect.AVERAGE_PRICE_FROM_LAST_FILL, Set.of("reportsPartialThenFullFillsWithExactAveragePrice"),
            Defect.REJECT_REASON_ALWAYS_OTHER, Set.of("rejectsAnOffGridPrice", "rejectsAnOffLotQuantity",
                    "rejectsAnUnknownSymbol", "rejectsACancelOfAnUnknownOrder", "rejectsADuplicateClientOrderId",
                    "rejectsOrdersWhileDisconnected"),
            Defect.SILENT_CANCEL_REJECT, Set.of("rejectsACancelOfAnUnknownOrder"),
            Defect.FORGETS_ORDERS_ON_RECONNECT, Set.of("reconnectsAndReconcilesOpenOrders",
                    "recoversFromAConnectionLoss"),
            Defect.UNSUBSCRIBE_IGNORED, Set.of("streamsMarketDataUntilUnsubscribed"),
            Defect.NULL_ORDER_IGNORED, Set.of("refusesNullArguments"),
            Defect.FEES_NOT_REPORTED, Set.of("reportsEachFillWithItsOwnExecIdAndAFee"),
            Defect.REPLAYED_FILLS_GET_NEW_EXEC_IDS, Set.of("replaysFillsWithTheirLiveExecIds"),
            Defect.NO_REPLAY, Set.of("replaysFillsWithTheirLiveExecIds"),
            Defect.REPLAY_IGNORES_SINCE, Set.of("replaysFillsWithTheirLiveExecIds"));

    private static final Map<Defect, String> EXPECTED_MESSAGE = Map.of(
            Defect.AVERAGE_PRICE_FROM_LAST_FILL, "cumPriceQuantity must be the exact sum",
            Defect.REJECT_REASON_ALWAYS_OTHER, "Map the venue's error codes to RejectReason",
            Defect.SILENT_CANCEL_REJECT, "waiting for a CANCEL_REJECTED report",
            Defect.FORGETS_ORDERS_ON_RECONNECT, "openOrders() must list the working order",
            Defect.UNSUBSCRIBE_IGNORED, "kept arriving after unsubscribe",
            Defect.NULL_ORDER_IGNORED, "submit(null) returned normally",
            Defect.FEES_NOT_REPORTED, "carries no fee",
            Defect.REPLAYED_FILLS_GET_NEW_EXEC_IDS, "with the execIds of the live reports",
            Defect.NO_REPLAY, "override venueReplaysExecutions() to return false",
            Defect.REPLAY_IGNORES_SINCE, "an instant after the last report of");

    @ParameterizedTest
    @EnumSource(Defect.class)
    void suiteFailsExactlyTheTestsThatCoverTheDefect(Defect defect) {
        BrokenAdapterConformanceRun.defect = defect;
        Map<String, String> failures = run(BrokenAdapterConformanceRun.class);
        assertThat(failures.keySet()).as("tests failed by %s", defect).isEqualTo(new TreeSet<>(EXPECTED_FAILURES
                .get(defect)));
        assertThat(failures.values()).as("failure messages for %s", defect)
                .allSatisfy(message -> assertThat(message).contains(EXPECTED_MESSAGE.get(defect)));
    }

    @Test
    void anAdapterThatCannotReplayPassesOnceItSaysSo() {
        BrokenAdapterConformanceRun.defect = Defect.NO_REPLAY;
        BrokenAdapterConformanceRun.replays = false;
        try {
            assertThat(run(BrokenAdapterConformanceRun.class)).as("failures of an adapter that keeps the default"
                    + " executionsSince, with venueReplaysExecutions() false").isEmpty();
        } finally {
            BrokenAdapterConformanceRun.replays = true;
        }
    }

    @Test
    void anAdapterThatReplaysMustNotSayItCannot() {
        BrokenAdapterConformanceRun.defect = null;
        BrokenAdapterConformanceRun.replays = false;
        try {
            Map<String, String> failures = run(BrokenAdapterConformanceRun.class);
            assertThat(failures.keySet()).containsExactly("replaysFillsWithTheirLiveExecIds");
            assertThat(failures.values()).allSatisfy(message -> assertThat(message)
                    .contains("says the venue cannot replay executions, but executionsSince"));
        } finally {
            BrokenAdapterConformanceRun.replays = true;
        }
    }

    /** Runs a test class through the launcher; failed test method name to failure message. */
    static Map<String, String> run(Class<?> testClass) {
        Map<String, String> failures = new TreeMap<>();
        Set<String> finished = new TreeSet<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.getSource().orElse(null) instanceof MethodSource method) {
                    finished.add(method.getMethodName());
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failures.put(method.getMethodName(), result.getThrowable().map(Throwable::getMessage)
                                .orElse(String.valueOf(result.getStatus())));
                    }
                }
            }
        });
        assertThat(finished).as("tests run in %s", testClass.getSimpleName()).hasSizeGreaterThanOrEqualTo(17);
        return failures;
    }
}

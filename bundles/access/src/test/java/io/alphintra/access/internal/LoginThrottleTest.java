package io.alphintra.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Instant T0 = Instant.parse("2027-01-15T08:00:00Z");

    @Test
    void fiveFailuresWithinTheWindowLockTheNameForTheLockout() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(60));
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("alice", T0.plusSeconds(i))).isEqualTo(i);
            assertThat(throttle.lockedFor("alice", T0.plusSeconds(i))).isZero();
        }
        assertThat(throttle.failed("alice", T0.plusSeconds(5))).isEqualTo(5);
        assertThat(throttle.lockedFor("alice", T0.plusSeconds(5))).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttle.lockedFor("alice", T0.plusSeconds(64))).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("bob", T0.plusSeconds(6))).as("other names are not locked").isZero();
        assertThat(throttle.lockedFor("alice", T0.plusSeconds(65))).as("the lockout ends").isZero();
        assertThat(throttle.failed("alice", T0.plusSeconds(66))).as("and the count starts again").isEqualTo(1);
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60));
        throttle.failed("alice", T0);
        throttle.failed("alice", T0.plusSeconds(30));
        assertThat(throttle.failed("alice", T0.plusSeconds(61))).isEqualTo(2);
        assertThat(throttle.lockedFor("alice", T0.plusSeconds(61))).isZero();
        assertThat(throttle.failed("alice", T0.plusSeconds(62))).isEqualTo(3);
        assertThat(throttle.lockedFor("alice", T0.plusSeconds(62))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSuccessForgetsTheFailures() {
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofSeconds(60));
        throttle.failed("alice", T0);
        throttle.succeeded("alice");
        assertThat(throttle.failed("alice", T0.plusSeconds(1))).isEqualTo(1);
        assertThat(throttle.lockedFor("alice", T0.plusSeconds(1))).isZero();
    }

    @Test
    void aNewConfigurationAppliesToTheNextFailure() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(60));
        throttle.failed("alice", T0);
        throttle.reconfigure(2, Duration.ofSeconds(300));
        throttle.failed("alice", T0.plusSeconds(1));
        assertThat(throttle.lockedFor("alice", T0.plusSeconds(1))).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void namesWithNothingRecentAreForgotten() {
        LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(60));
        for (int i = 0; i < 2000; i++) {
            throttle.failed("guess" + i, T0);
        }
        assertThat(throttle.tracked()).isEqualTo(2000);
        throttle.failed("late", T0.plusSeconds(120));
        assertThat(throttle.tracked()).isEqualTo(1);
    }
}

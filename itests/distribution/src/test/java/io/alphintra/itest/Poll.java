package io.alphintra.itest;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition that the node reaches asynchronously (a cluster join, a bundle picked up from deploy/). */
final class Poll {
    private Poll() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} and the last observation after {@code timeout}. */
    static void until(String what, Duration timeout, Supplier<String> observation, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Boolean holds;
            try {
                holds = condition.get();
            } catch (RuntimeException e) {
                holds = false;
            }
            if (Boolean.TRUE.equals(holds)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + what
                        + "; last seen: " + observation.get());
            }
            try {
                Thread.sleep(100); // polling interval, not synchronisation: the deadline bounds the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}

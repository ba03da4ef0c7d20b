package io.alphintra.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Failed logins per user name: {@code maxFailures} failures within {@code lockout} lock the name out for
 * {@code lockout}, during which its logins are refused without asking the realm. Per name, not per client address:
 * the API sits behind whatever proxy the operator chooses, and guessing one user's password is what is throttled.
 * Names nobody tried for a while are forgotten, so names made up by a guesser do not pile up.
 */
final class LoginThrottle {
    /** Past this many names, each new failure first forgets the names with nothing recent to remember. */
    private static final int PRUNE_ABOVE = 1024;

    private static final class Failures {
        final ArrayDeque<Instant> recent = new ArrayDeque<>();
        Instant lockedUntil;
    }

    private final Map<String, Failures> byUser = new HashMap<>();
    private int maxFailures;
    private Duration lockout;

    LoginThrottle(int maxFailures, Duration lockout) {
        reconfigure(maxFailures, lockout);
    }

    /** Applies to the next failure; lockouts under way keep their end. */
    synchronized void reconfigure(int maxFailures, Duration lockout) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** How much longer {@code user} is locked out at {@code now}; zero when it may try. */
    synchronized Duration lockedFor(String user, Instant now) {
        Failures failures = byUser.get(user);
        if (failures == null || failures.lockedUntil == null || !now.isBefore(failures.lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil);
    }

    /**
     * Counts a failed login of {@code user}.
     *
     * @return the failures counted within the window, this one included; when it reaches the maximum the name is now
     *     locked out and the count starts again
     */
    synchronized int failed(String user, Instant now) {
        if (byUser.size() > PRUNE_ABOVE) {
            prune(now);
        }
        Failures failures = byUser.computeIfAbsent(user, name -> new Failures());
        Instant windowStart = now.minus(lockout);
        while (!failures.recent.isEmpty() && !failures.recent.peekFirst().isAfter(windowStart)) {
            failures.recent.pollFirst();
        }
        failures.recent.addLast(now);
        int count = failures.recent.size();
        if (count >= maxFailures) {
            failures.lockedUntil = now.plus(lockout);
            failures.recent.clear();
        }
        return count;
    }

    synchronized void succeeded(String user) {
        byUser.remove(user);
    }

    synchronized int maxFailures() {
        return maxFailures;
    }

    synchronized Duration lockout() {
        return lockout;
    }

    /** Names tracked, for tests of the pruning. */
    synchronized int tracked() {
        return byUser.size();
    }

    private void prune(Instant now) {
        Instant windowStart = now.minus(lockout);
        for (Iterator<Failures> it = byUser.values().iterator(); it.hasNext(); ) {
            Failures failures = it.next();
            boolean locked = failures.lockedUntil != null && now.isBefore(failures.lockedUntil);
            boolean recent = !failures.recent.isEmpty() && failures.recent.peekLast().isAfter(windowStart);
            if (!locked && !recent) {
                it.remove();
            }
        }
    }
}

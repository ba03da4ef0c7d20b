package io.alphintra.api.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per credential: {@code burst} requests at once, refilled at {@code requestsPerSecond}. Buckets of
 * credentials that have been idle long enough to be full again are dropped once many are held, so a stream of
 * one-off credentials cannot grow the map without bound.
 */
final class RateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Buckets held before idle ones are swept. */
    private static final int SWEEP_ABOVE = 10_000;

    private final double tokensPerNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int requestsPerSecond, int burst, LongSupplier nanoClock) {
        this.tokensPerNano = (double) requestsPerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one request's token for {@code credential}.
     *
     * @return 0 when the request may go ahead, otherwise the whole seconds (at least 1) until a token is there
     */
    long acquire(String credential) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
        return buckets.computeIfAbsent(credential, key -> new Bucket(now)).take(now);
    }

    int size() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens = burst;
        private long updatedNanos;

        Bucket(long now) {
            updatedNanos = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(missingNanos / NANOS_PER_SECOND));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            long elapsed = now - updatedNanos;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
                updatedNanos = now;
            }
        }
    }
}

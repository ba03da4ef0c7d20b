package io.alphintra.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstIsTakenAtOnceThenTheRateRefillsIt() {
        RateLimiter limiter = new RateLimiter(2, 3, now::get);
        assertThat(limiter.acquire("key-a")).isZero();
        assertThat(limiter.acquire("key-a")).isZero();
        assertThat(limiter.acquire("key-a")).isZero();
        assertThat(limiter.acquire("key-a")).as("the fourth at once waits a second").isEqualTo(1);
        assertThat(limiter.acquire("key-b")).as("another credential has its own bucket").isZero();
        now.addAndGet(500_000_000L); // half a second: one token at 2 per second
        assertThat(limiter.acquire("key-a")).isZero();
        assertThat(limiter.acquire("key-a")).isEqualTo(1);
    }

    @Test
    void retryAfterCoversTheWaitForOneToken() {
        RateLimiter limiter = new RateLimiter(1, 1, now::get);
        assertThat(limiter.acquire("slow")).isZero();
        now.addAndGet(100_000_000L);
        assertThat(limiter.acquire("slow")).as("0.9 s short, rounded up").isEqualTo(1);
    }

    @Test
    void idleFullBucketsAreDroppedOnceManyAreHeld() {
        RateLimiter limiter = new RateLimiter(1_000, 1, now::get);
        for (int i = 0; i <= 10_001; i++) {
            limiter.acquire("one-off-" + i);
        }
        now.addAndGet(1_000_000_000L); // every bucket is full again
        limiter.acquire("next");
        assertThat(limiter.size()).isEqualTo(1);
    }
}

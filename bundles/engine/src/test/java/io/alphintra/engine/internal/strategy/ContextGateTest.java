package io.alphintra.engine.internal.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ContextGateTest {

    @Test
    void onceRevokedEveryRequestIsRefusedSayingWhyAndOnlyTheFirstRevocationCounts() {
        ContextGate gate = new ContextGate("momentum-1");
        gate.enter("submit");
        gate.exit();

        assertThat(gate.revoke("its context was revoked when it was quarantined: onTrade threw")).isTrue();
        assertThat(gate.revoke("its context was revoked when it stopped: stopped by an operator")).isFalse();

        assertThatThrownBy(() -> gate.enter("submit")).isInstanceOf(IllegalStateException.class)
                .hasMessage("strategy momentum-1: submit refused: its context was revoked when it was quarantined:"
                        + " onTrade threw");
        assertThat(gate.revocation()).endsWith("onTrade threw");
        assertThat(gate.drained()).isTrue();
    }

    @Test
    void aRequestAdmittedBeforeTheRevocationKeepsItUndrainedUntilItIsHandedOver() {
        ContextGate gate = new ContextGate("momentum-1");
        gate.enter("submit");

        gate.revoke("its context was revoked when it stopped: stopped by an operator");

        assertThat(gate.revoked()).isTrue();
        assertThat(gate.drained()).as("one request still on its way").isFalse();
        gate.exit();
        assertThat(gate.drained()).isTrue();
    }

    /** Threads hammering the gate: once it has drained, not one more request is admitted. */
    @Test
    void nothingIsAdmittedAfterTheGateHasDrained() throws Exception {
        ContextGate gate = new ContextGate("momentum-1");
        AtomicLong admitted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(() -> {
                while (refused.get() < 1_000_000) {
                    try {
                        gate.enter("submit");
                    } catch (IllegalStateException e) {
                        refused.incrementAndGet();
                        continue;
                    }
                    admitted.incrementAndGet();
                    gate.exit();
                }
            });
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        while (admitted.get() < 10_000) {
            Thread.onSpinWait();
        }

        gate.revoke("its context was revoked when it stopped: test");
        while (!gate.drained()) {
            Thread.onSpinWait();
        }
        long admittedWhenDrained = admitted.get();
        for (Thread thread : threads) {
            thread.join(30_000);
        }

        assertThat(refused.get()).isGreaterThanOrEqualTo(1_000_000);
        assertThat(admitted.get()).as("requests admitted after the drain").isEqualTo(admittedWhenDrained);
    }
}

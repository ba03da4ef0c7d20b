package io.alphintra.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.TradingEngine;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EngineHealthTest {

    @Test
    void healthIsDownWithTheCauseOnceTheEngineHalted() {
        AtomicReference<String> halted = new AtomicReference<>();
        TradingEngine engine = (TradingEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TradingEngine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("haltReason")) {
                        return Optional.ofNullable(halted.get());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        EngineHealth health = new EngineHealth(engine);
        assertThat(health.name()).isEqualTo("engine");
        assertThat(health.problem()).isEmpty();

        halted.set("the engine has halted and takes no orders: journal commit failed: No space left on device");
        assertThat(health.problem()).get().asString().contains("journal commit failed", "No space left on device");
    }
}

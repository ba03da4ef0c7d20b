package io.alphintra.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.ConfigReader;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration the engine cannot use at start stops the engine from starting, naming the key; it never falls back
 * to the shipped defaults, whose journal directory is another one (a node would trade on an empty journal).
 */
class EngineStartRefusalTest {

    @TempDir
    Path work;

    @AfterEach
    void forgetTheRefusal() {
        EngineStartup.started();
    }

    @Test
    void aBadWaitStrategyWithACustomJournalRefusesToStartAndHealthSaysWhy() {
        Path journal = work.resolve("custom-journal");
        EngineConfig config = with(Map.of("journalDirectory", journal.toString(), "waitStrategy", "sleepy"));

        assertThatThrownBy(() -> new TradingEngineComponent(null, config, Map.of(),
                new io.alphintra.engine.internal.account.AccountDirectory()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the engine did not start")
                .hasMessageContaining("waitStrategy = 'sleepy'")
                .hasMessageContaining("etc/io.alphintra.engine.cfg");
        assertThat(journal).doesNotExist();

        EngineHealth health = new EngineHealth();
        assertThat(health.problem()).get().asString().contains("the engine did not start", "waitStrategy");
    }

    /** The shipped defaults but for some attributes, as Declarative Services would hand them over. */
    private static EngineConfig with(Map<String, Object> values) {
        EngineConfig defaults = ConfigReader.defaults(EngineConfig.class);
        return (EngineConfig) Proxy.newProxyInstance(EngineConfig.class.getClassLoader(),
                new Class<?>[] {EngineConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.invoke(defaults, args));
    }
}

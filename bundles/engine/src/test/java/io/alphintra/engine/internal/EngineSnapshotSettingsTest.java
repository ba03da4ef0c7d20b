package io.alphintra.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.engine.internal.journal.JournalRetention;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineSnapshotSettingsTest {
    private static final Path HOME = Path.of("/opt/alphintra");

    @Test
    void aSnapshotEveryMillionRecordsWithCoveredSegmentsArchivedByDefault() {
        EngineSettings settings = EngineSettings.from(ConfigReader.defaults(EngineConfig.class), Map.of(), HOME);
        assertThat(settings.snapshotEveryRecords()).isEqualTo(1_000_000);
        assertThat(settings.journalRetention()).isEqualTo(JournalRetention.ARCHIVE);
    }

    @Test
    void zeroTurnsCountedSnapshotsOffAndDeleteIsAccepted() {
        EngineSettings settings = EngineSettings.from(config("snapshotEveryRecords", 0L, "journalRetention", "DELETE"),
                Map.of(), HOME);
        assertThat(settings.snapshotEveryRecords()).isZero();
        assertThat(settings.journalRetention()).isEqualTo(JournalRetention.DELETE);
    }

    @Test
    void aNegativeCountAndAnUnknownRetentionAreNamedWithTheirValues() {
        assertThatThrownBy(() -> EngineSettings.from(config("snapshotEveryRecords", -5L, "journalRetention", "keep"),
                Map.of("snapshotEveryRecords", "-5", "journalRetention", "keep"), HOME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("snapshotEveryRecords = '-5': must be 0 (no snapshots by record count) or a"
                        + " positive number of journal records")
                .hasMessageContaining("journalRetention = 'keep': expected archive or delete");
    }

    /** The shipped defaults but for two attributes, as Declarative Services would hand them over. */
    private static EngineConfig config(String key1, Object value1, String key2, Object value2) {
        EngineConfig defaults = ConfigReader.defaults(EngineConfig.class);
        return (EngineConfig) Proxy.newProxyInstance(EngineConfig.class.getClassLoader(),
                new Class<?>[] {EngineConfig.class}, (proxy, method, args) -> method.getName().equals(key1) ? value1
                        : method.getName().equals(key2) ? value2 : method.invoke(defaults, args));
    }
}

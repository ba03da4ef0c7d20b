package io.alphintra.service.guard.internal;

import static io.alphintra.service.guard.internal.Settings.config;
import static io.alphintra.service.guard.internal.Settings.settings;
import static io.alphintra.service.guard.internal.Settings.typed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.alphintra.config.support.InvalidConfigurationException;

/** Validation of the guard's configuration: every bad value refused naming its key, and the shipped file. */
class GuardSettingsTest {

    @Test
    void defaultsLetOnlyTheEngineReachAdaptersAndTreatStrategyBundlesAsPlugins() {
        GuardSettings defaults = GuardSettings.defaults();
        assertThat(defaults.adapterAllowList()).containsExactly("io.alphintra.engine");
        assertThat(defaults.engineAllowList()).containsExactly("io.alphintra.engine");
        assertThat(defaults.engineDenyList()).containsExactly("org.apache.karaf.services.eventadmin");
        assertThat(defaults.pluginPackages()).containsExactly("io.alphintra.sdk.strategy");
    }

    @Test
    void listsAreCommaSeparatedAndTrimmed() {
        GuardSettings settings = settings("adapterAllowList", " io.alphintra.engine ,PAXEXAM-PROBE-1f2e,io.x_y ",
                "engineAllowList", "", "pluginPackages", "io.alphintra.sdk.strategy, com.example.api");
        assertThat(settings.adapterAllowList()).containsExactly("PAXEXAM-PROBE-1f2e", "io.alphintra.engine",
                "io.x_y");
        assertThat(settings.engineAllowList()).isEmpty();
        assertThat(settings.pluginPackages()).containsExactly("com.example.api", "io.alphintra.sdk.strategy");
    }

    @Test
    void everyBadValueIsRefusedNamingItsKey() {
        Map<String, Object> bad = config("adapterAllowList", "io.alphintra.engine, bad name!",
                "engineAllowList", "io.alphintra.engine,,x", "engineDenyList", "io.alphintra.engine",
                "pluginPackages", "io.alphintra.sdk.strategy, 1st.package");
        assertThatThrownBy(() -> GuardSettings.from(typed(bad), bad))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactly(
                        "adapterAllowList = 'io.alphintra.engine, bad name!': 'bad name!' is not a bundle symbolic"
                                + " name",
                        "engineAllowList = 'io.alphintra.engine,,x': an empty entry (a stray comma?)",
                        "pluginPackages = 'io.alphintra.sdk.strategy, 1st.package': '1st.package' is not a Java"
                                + " package name"))
                .hasMessageStartingWith("Invalid configuration io.alphintra.service.guard: ");
    }

    @Test
    void aBundleOnBothEngineListsIsRefused() {
        Map<String, Object> both = config("engineAllowList", "io.alphintra.engine, com.example.a",
                "engineDenyList", "com.example.a");
        assertThatThrownBy(() -> GuardSettings.from(typed(both), both))
                .hasMessageContaining("engineDenyList = 'com.example.a': also in engineAllowList");
    }

    @Test
    void emptyListsThatWouldStopTradingOrOpenTheEngineAreRefused() {
        Map<String, Object> empty = config("adapterAllowList", " ", "pluginPackages", "");
        assertThatThrownBy(() -> GuardSettings.from(typed(empty), empty))
                .hasMessageContaining("adapterAllowList = ' ': must name at least the engine bundle")
                .hasMessageContaining("pluginPackages = '': must name at least one package");
    }

    @Test
    void theShippedConfigurationIsValidAndIsTheDefaults() throws IOException {
        Map<String, Object> shipped = load(Path.of("../../config/etc/io.alphintra.service.guard.cfg"));
        assertThat(shipped).containsOnlyKeys("adapterAllowList", "engineAllowList", "engineDenyList",
                "pluginPackages");
        assertThat(GuardSettings.from(typed(shipped), shipped)).isEqualTo(GuardSettings.defaults());
    }

    private static Map<String, Object> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, Object> map = new HashMap<>();
        properties.forEach((key, value) -> map.put((String) key, ((String) value).trim()));
        return map;
    }
}

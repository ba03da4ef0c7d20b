package io.alphintra.compliance.baseline.internal;

import static io.alphintra.compliance.baseline.internal.Fixtures.config;
import static io.alphintra.compliance.baseline.internal.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.sdk.instrument.AssetClass;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;

class BaselineSettingsTest {
    private static final Path ETC = Path.of("../../config/etc");
    private static final String PREFIX = "Invalid configuration io.alphintra.compliance.baseline: ";

    private static void assertInvalid(Map<String, Object> map, String message) {
        assertThatThrownBy(() -> settings(map)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(PREFIX + message);
    }

    @Test
    void readsAFullConfiguration() {
        Map<String, Object> map = config("us");
        map.put("restrictedList", " AAPL@SIMX_US , MSFT ");
        map.put("rules", "short-marking, LOCATE-REQUIRED");
        map.put("allowedAssetClasses", "EQUITY");
        map.put("shortExemptNeedsLocate", "false");
        BaselineSettings settings = settings(map);
        assertThat(settings.jurisdiction()).isEqualTo(Jurisdiction.US);
        assertThat(settings.ruleSetId()).isEqualTo("baseline-us");
        assertThat(settings.version()).isEqualTo("1.2.3");
        assertThat(settings.restrictedList().ids()).containsExactly(InstrumentId.of("AAPL", "SIMX_US"));
        assertThat(settings.restrictedList().symbols()).containsExactly("MSFT");
        assertThat(settings.rules()).containsExactlyInAnyOrder(BaselineRule.TRADING_HALT,
                BaselineRule.RESTRICTED_LIST, BaselineRule.ASSET_CLASS, BaselineRule.SHORT_MARKING,
                BaselineRule.LOCATE_REQUIRED);
        assertThat(settings.allowedAssetClasses()).containsExactly(AssetClass.EQUITY);
        assertThat(settings.shortExemptNeedsLocate()).isFalse();
    }

    @Test
    void defaultsAreTheJurisdictionsRulesAllAssetClassesAndLocatesForShortExempt() {
        BaselineSettings settings = settings(config("US"));
        assertThat(settings.rules()).isEqualTo(BaselineRule.defaults(Jurisdiction.US)).contains(
                BaselineRule.SHORT_MARKING, BaselineRule.LOCATE_REQUIRED, BaselineRule.REG_SHO_201);
        assertThat(settings.allowedAssetClasses()).isEqualTo(EnumSet.allOf(AssetClass.class));
        assertThat(settings.restrictedList().isEmpty()).isTrue();
        assertThat(settings.shortExemptNeedsLocate()).isTrue();
        assertThat(settings(config("HK")).rules()).contains(BaselineRule.HK_DESIGNATED_SHORT,
                BaselineRule.HK_TICK_RULE).doesNotContain(BaselineRule.REG_SHO_201);
        assertThat(settings(config("CH")).rules()).containsExactlyInAnyOrder(BaselineRule.TRADING_HALT,
                BaselineRule.RESTRICTED_LIST, BaselineRule.ASSET_CLASS);
    }

    @Test
    void noneKeepsOnlyTheAlwaysOnRules() {
        Map<String, Object> map = config("JP");
        map.put("rules", "none");
        assertThat(settings(map).rules()).containsExactlyInAnyOrder(BaselineRule.TRADING_HALT,
                BaselineRule.RESTRICTED_LIST, BaselineRule.ASSET_CLASS);
    }

    @Test
    void rejectsAnUnknownJurisdiction() {
        assertInvalid(config("XX"), "jurisdiction = 'XX': unknown jurisdiction (known: US, EU, UK, JP, SG, HK, CH,"
                + " AU)");
    }

    @Test
    void requiresJurisdictionAndVersion() {
        Map<String, Object> map = config("US");
        map.remove("jurisdiction");
        map.remove("version");
        assertInvalid(map, "jurisdiction = '': must not be empty; version = '': must not be empty");
    }

    @Test
    void rejectsAVersionThatIsNotSemantic() {
        Map<String, Object> map = config("US");
        map.put("version", "1.0");
        assertInvalid(map, "version = '1.0': not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)");
        map.put("version", "v1.0.0");
        assertInvalid(map, "version = 'v1.0.0': not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)");
    }

    @Test
    void rejectsMalformedInstrumentIdsNamingKeyAndEntry() {
        Map<String, Object> map = config("US");
        map.put("restrictedList", "AAPL@SIMX_US, MSFT@, A@B@C, BAD SYMBOL");
        assertInvalid(map, "restrictedList = 'MSFT@': venueId = '': must be 1 to 16 characters A-Z, 0-9 or _;"
                + " restrictedList = 'A@B@C': expected SYMBOL@VENUE such as AAPL@XNAS; restrictedList = 'BAD SYMBOL':"
                + " symbol = 'BAD SYMBOL': must be 1 to 32 printable ASCII characters without spaces or '@'");
    }

    @Test
    void rejectsEmptyListEntries() {
        Map<String, Object> map = config("US");
        map.put("restrictedList", "AAPL,,MSFT");
        assertInvalid(map, "restrictedList = 'AAPL,,MSFT': empty entry (two commas, or a comma at the end)");
    }

    @Test
    void rejectsUnknownRulesAndRulesOfAnotherJurisdiction() {
        Map<String, Object> map = config("US");
        map.put("rules", "short-marking, uptick, hk-tick-rule");
        assertInvalid(map, "rules = 'uptick': unknown rule 'uptick' (known: trading-halt, restricted-list,"
                + " asset-class, short-marking, locate-required, reg-sho-201, hk-designated-short, hk-tick-rule,"
                + " jp-price-restriction); rules = 'hk-tick-rule': applies to HK only; this rule set is for US");
    }

    @Test
    void rejectsUnknownAndMissingAssetClasses() {
        Map<String, Object> map = config("US");
        map.put("allowedAssetClasses", "EQUITY, BONDS");
        assertInvalid(map, "allowedAssetClasses = 'EQUITY, BONDS': unknown asset class 'BONDS' (known: EQUITY,"
                + " FUTURE, FX_SPOT, FX_FORWARD, CRYPTO)");
        map.put("allowedAssetClasses", " ");
        assertInvalid(map, "allowedAssetClasses = ' ': must name at least one asset class (known: EQUITY, FUTURE,"
                + " FX_SPOT, FX_FORWARD, CRYPTO)");
    }

    @Test
    void rejectsDesignatedSecuritiesOutsideHongKong() {
        Map<String, Object> map = config("US");
        map.put("designatedSecurities", "AAPL");
        assertInvalid(map, "designatedSecurities = 'AAPL': only used in HK (rule hk-designated-short); this rule set"
                + " is for US");
    }

    @Test
    void rejectsABooleanThatIsNotOne() {
        Map<String, Object> map = config("US");
        map.put("shortExemptNeedsLocate", "maybe");
        assertInvalid(map, "shortExemptNeedsLocate = 'maybe': not a valid value for its type");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> map = config("XX");
        map.put("version", "one");
        map.put("restrictedList", "@X");
        assertThatThrownBy(() -> settings(map)).isInstanceOfSatisfying(InvalidConfigurationException.class,
                e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void shipsAValidConfigurationForEveryJurisdictionASimulatedVenueTrades() throws IOException {
        Set<String> venueJurisdictions = new TreeSet<>();
        try (DirectoryStream<Path> venues = Files.newDirectoryStream(ETC, "io.alphintra.venue.simulated-*.cfg")) {
            for (Path venue : venues) {
                venueJurisdictions.add((String) Fixtures.load(venue).get("jurisdiction"));
            }
        }
        assertThat(venueJurisdictions).contains("US", "EU", "JP");
        for (String code : venueJurisdictions) {
            Path file = ETC.resolve("io.alphintra.compliance.baseline-" + code.toLowerCase(Locale.ROOT) + ".cfg");
            assertThat(file).as("baseline rule set for venue jurisdiction %s", code).exists();
            BaselineSettings settings = settings(Fixtures.load(file));
            assertThat(settings.jurisdiction().code()).isEqualTo(code);
            assertThat(settings.version()).isEqualTo("1.0.0");
            assertThat(settings.restrictedList().isEmpty()).isTrue();
            assertThat(settings.rules()).as(file.toString()).contains(BaselineRule.SHORT_MARKING,
                    BaselineRule.LOCATE_REQUIRED);
        }
        assertThat(settings(Fixtures.load(ETC.resolve("io.alphintra.compliance.baseline-us.cfg"))).rules())
                .contains(BaselineRule.REG_SHO_201);
        assertThat(settings(Fixtures.load(ETC.resolve("io.alphintra.compliance.baseline-jp.cfg"))).rules())
                .contains(BaselineRule.JP_PRICE_RESTRICTION);
    }
}

package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.config;
import static io.alphintra.risk.limits.internal.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.sdk.money.Currency;

class ScopeLimitsTest {
    private static final Path ETC = Path.of("../../config/etc");
    private static final String PREFIX = "Invalid configuration io.alphintra.risk.limit: ";

    private static void assertInvalid(Map<String, Object> map, String message) {
        assertThatThrownBy(() -> limits("cfg-1", map)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(PREFIX + message);
    }

    @Test
    void readsEveryLimitExactly() {
        ScopeLimits limits = limits("io.alphintra.risk.limit~acc1", config("account:ACC-1 venue:SIMX_US",
                "priceCollarBasisPoints", "250", "priceCollarReference", "last", "maxReferenceAgeMillis", "5000",
                "maxOrderQuantity", "1000.50", "warnOrderQuantity", "500", "maxOrderValue", " USD 1000000 , JPY 150000000",
                "warnOrderValue", "none", "duplicateCount", "3",
                "duplicateWindowMillis", "1000", "maxLongPosition", "0", "maxShortPosition", "none",
                "maxStrategyLongPosition", "300", "maxStrategyShortPosition", "0", "accountCreditLimit",
                "USD 50000000, JPY 7500000000", "traderCreditLimit", "USD 0.5", "strategyCreditLimit", "none"));
        assertThat(limits.source()).isEqualTo("io.alphintra.risk.limit~acc1");
        assertThat(limits.scope().toString()).isEqualTo("account:ACC-1 venue:SIMX_US");
        assertThat(limits.collar()).isEqualTo(new PriceCollar(250, 5000, false));
        assertThat(limits.maxOrderQuantity().mantissa()).isEqualTo(10005);
        assertThat(limits.maxOrderQuantity().scale()).isEqualTo(1);
        assertThat(limits.maxOrderQuantity().units(4)).isEqualTo(10_005_000);
        assertThat(limits.maxOrderQuantity().units(0)).isEqualTo(DecimalLimit.OFF_GRID);
        assertThat(limits.maxOrderValue().amount(Currency.JPY).text()).isEqualTo("150000000");
        assertThat(limits.maxOrderValue().amount(Currency.EUR)).isNull();
        assertThat(limits.warnOrderValue().isNone()).isTrue();
        assertThat(limits.duplicates()).isEqualTo(new DuplicateLimit(3, 1000));
        assertThat(limits.maxLongPosition().units(0)).isZero();
        assertThat(limits.maxShortPosition().isNone()).isTrue();
        assertThat(limits.maxStrategyLongPosition().units(0)).isEqualTo(300);
        assertThat(limits.maxStrategyShortPosition().units(0)).isZero();
        assertThat(limits.value(LimitKind.ACCOUNT_CREDIT, Currency.JPY).units(4)).isEqualTo(75_000_000_000_000L);
        assertThat(limits.value(LimitKind.TRADER_CREDIT, Currency.USD).units(4)).isEqualTo(5_000);
        assertThat(limits.value(LimitKind.TRADER_CREDIT, Currency.JPY)).isNull();
        assertThat(limits.value(LimitKind.STRATEGY_CREDIT, Currency.JPY)).isSameAs(DecimalLimit.NONE);
        assertThat(limits.describe()).isEqualTo("priceCollar = 250 bp of the last trade, reference at most 5000 ms"
                + " old, maxOrderQuantity = 1000.50, warnOrderQuantity = 500, maxOrderValue = USD 1000000, JPY"
                + " 150000000, warnOrderValue = none, softLimitAction = hold, duplicates = 3 identical orders within"
                + " 1000 ms, maxLongPosition = 0, maxShortPosition = none, maxStrategyLongPosition = 300,"
                + " maxStrategyShortPosition = 0, accountCreditLimit = USD 50000000, JPY 7500000000, traderCreditLimit"
                + " = USD 0.5, strategyCreditLimit = none");
        assertThat(limits.holdSoftBreaches()).as("a soft breach is held unless the scope says warn").isTrue();
        for (LimitKind kind : LimitKind.values()) {
            assertThat(limits.sets(kind)).as(kind.name()).isTrue();
        }
    }

    @Test
    void anEmptyKeyLeavesTheLimitToLessSpecificScopes() {
        ScopeLimits limits = limits("cfg-1", config("*", "maxOrderQuantity", "10"));
        assertThat(limits.sets(LimitKind.MAX_ORDER_QUANTITY)).isTrue();
        assertThat(limits.sets(LimitKind.PRICE_COLLAR)).isFalse();
        assertThat(limits.sets(LimitKind.MAX_ORDER_VALUE)).isFalse();
        assertThat(limits.value(LimitKind.MAX_ORDER_VALUE, Currency.USD)).isNull();
    }

    @Test
    void readsAMidReferenceAndRefusesAnyOther() {
        assertThat(limits("cfg-1", config("*", "priceCollarBasisPoints", "100", "priceCollarReference", " Mid ",
                "maxReferenceAgeMillis", "1000")).collar()).isEqualTo(new PriceCollar(100, 1000, true));
        assertThat(new PriceCollar(100, 1000, true).toString()).isEqualTo("100 bp of the mid, reference at most 1000"
                + " ms old");
        assertInvalid(config("*", "priceCollarBasisPoints", "100", "priceCollarReference", "close",
                "maxReferenceAgeMillis", "1000"), "priceCollarReference = 'close': expected 'last' or 'mid'");
    }

    @Test
    void refusesCreditLimitsFinerThanCreditIsCountedAndBadStrategyPositions() {
        assertInvalid(config("*", "accountCreditLimit", "USD 0.00001"), "accountCreditLimit = 'USD 0.00001': entry"
                + " 'USD 0.00001': more than 4 decimal places (credit is counted in units of 0.0001)");
        assertInvalid(config("*", "traderCreditLimit", "USD 0"), "traderCreditLimit = 'USD 0': entry 'USD 0': must be"
                + " positive");
        assertInvalid(config("*", "strategyCreditLimit", "5000"), "strategyCreditLimit = '5000': entry '5000':"
                + " expected CURRENCY AMOUNT, e.g. USD 1000000 (or 'none')");
        assertInvalid(config("*", "maxStrategyLongPosition", "-1"), "maxStrategyLongPosition = '-1': not a plain"
                + " non-negative decimal number (e.g. 1000 or 0.5) or 'none'");
    }

    @Test
    void namesEveryBadKeyAndValueInOneMessage() {
        assertInvalid(config("desk:d1", "priceCollarBasisPoints", "0", "maxOrderQuantity", "-5",
                "maxOrderValue", "USD 1e6", "duplicateCount", "1", "duplicateWindowMillis", "10"),
                "scope = 'desk:d1': term 'desk:d1': unknown name 'desk' (strategy:, trader:, account:,"
                        + " instrument:SYMBOL@VENUE, venue:); priceCollarBasisPoints = '0': must be between 1 and"
                        + " 100000; maxReferenceAgeMillis = '': required with priceCollarBasisPoints: a collar around"
                        + " a price of unknown age protects nothing; maxOrderQuantity = '-5': not a plain non-negative"
                        + " decimal number (e.g. 1000 or 0.5) or 'none'; maxOrderValue = 'USD 1e6': entry 'USD 1e6':"
                        + " not a plain non-negative decimal number (e.g. 1000 or 0.5); duplicateCount ="
                        + " '1': must be between 2 and 16");
    }

    @Test
    void refusesInconsistentAndEmptyConfigurations() {
        assertInvalid(config("*"), "scope = '*': the configuration sets no limit");
        assertInvalid(config(""), "scope = '': required: '*' or terms such as account:ACC-1");
        assertInvalid(config("*", "maxReferenceAgeMillis", "10"), "maxReferenceAgeMillis = '10': only used with"
                + " priceCollarBasisPoints");
        assertInvalid(config("*", "duplicateCount", "3"), "duplicateWindowMillis = '': required with duplicateCount");
        assertInvalid(config("*", "maxOrderQuantity", "0"), "maxOrderQuantity = '0': must be positive (or 'none')");
        assertInvalid(config("*", "maxOrderQuantity", "100", "warnOrderQuantity", "100"), "warnOrderQuantity ="
                + " '100': must be below maxOrderQuantity = 100, or the warning never comes before the rejection");
        assertInvalid(config("*", "maxOrderValue", "USD 100", "warnOrderValue", "USD 100.0"), "warnOrderValue ="
                + " 'USD 100.0': USD 100.0 must be below maxOrderValue USD 100, or the warning never comes before the"
                + " rejection");
        assertInvalid(config("*", "warnOrderQuantity", "10", "softLimitAction", "block"), "softLimitAction ="
                + " 'block': expected 'hold' or 'warn'");
        assertInvalid(config("*", "maxOrderQuantity", "10", "softLimitAction", "warn"), "softLimitAction = 'warn':"
                + " only used with warnOrderQuantity or warnOrderValue");
        assertThat(limits("cfg", config("*", "warnOrderQuantity", "10", "softLimitAction", " Warn "))
                .holdSoftBreaches()).isFalse();
        assertInvalid(config("*", "maxOrderValue", "USD 100, USD 200"), "maxOrderValue = 'USD 100, USD 200': entry"
                + " 'USD 200': USD is given more than once");
        assertInvalid(config("*", "maxOrderValue", "USD 0"), "maxOrderValue = 'USD 0': entry 'USD 0': must be"
                + " positive");
        assertInvalid(config("*", "maxOrderValue", "1000000"), "maxOrderValue = '1000000': entry '1000000': expected"
                + " CURRENCY AMOUNT, e.g. USD 1000000 (or 'none')");
        assertInvalid(config("*", "maxLongPosition", "0.0000000000000000001"), "maxLongPosition ="
                + " '0.0000000000000000001': more than 18 decimal places");
        assertInvalid(config("*", "maxLongPosition", "99999999999999999999"), "maxLongPosition ="
                + " '99999999999999999999': out of range: at most 9223372036854775807 units at 0 decimal places");
        assertThatThrownBy(() -> limits("cfg-1", config("*", "maxOrderValue", "XYZ 5")))
                .hasMessageStartingWith(PREFIX + "maxOrderValue = 'XYZ 5': entry 'XYZ 5': currency = 'XYZ'");
    }

    @Test
    void theShippedConfigurationsAreValid() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(ETC, "io.alphintra.risk.limit-*.cfg")) {
            stream.forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            ScopeLimits limits = limits(file.getFileName().toString(), Fixtures.load(file));
            assertThat(limits.isBroken()).isFalse();
        }
    }

    @Test
    void theShippedDefaultLimitsOrderValueInTheShippedVenuesCurrencies() throws IOException {
        ScopeLimits defaults = limits("default", Fixtures.load(ETC.resolve("io.alphintra.risk.limit-default.cfg")));
        assertThat(defaults.scope()).isSameAs(Scope.ALL);
        for (Currency currency : List.of(Currency.USD, Currency.EUR, Currency.JPY)) {
            assertThat(defaults.value(LimitKind.MAX_ORDER_VALUE, currency)).as(currency.code()).isNotNull();
            assertThat(defaults.value(LimitKind.WARN_ORDER_VALUE, currency)).as(currency.code()).isNotNull();
        }
    }
}

package io.alphintra.engine.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A loss threshold's configuration is validated whole, every bad key and value named; a bad change keeps the last. */
class LossThresholdTest {
    private static final String SOURCE = "io.alphintra.risk.loss.desk";

    @Test
    void aGoodConfigurationIsReadPerCurrencyAtTheMonitorsScale() {
        LossThreshold threshold = LossThreshold.from(config("*", "USD 50000, JPY 7500000", "USD 100000.5",
                "reduce-only"), Map.of("service.pid", SOURCE, "maxDrawdown", "x"), SOURCE);
        assertThat(threshold.scope()).isEqualTo(KillScope.all());
        assertThat(threshold.maxDrawdown()).containsEntry(Currency.USD, Money.of(Currency.USD, 500_000_000, 4))
                .containsEntry(Currency.JPY, Money.of(Currency.JPY, 750_000_000, 2));
        assertThat(threshold.maxLoss()).containsOnlyKeys(Currency.USD);
        assertThat(threshold.action()).isEqualTo(KillSwitchState.Mode.REDUCE_ONLY);
        assertThat(threshold.describe()).isEqualTo("scope=*, maxDrawdown=JPY 7500000, USD 50000,"
                + " maxLoss=USD 100000.5, action=reduce-only");
        assertThat(threshold.watches(KillScope.parse("strategy:momentum-1"))).isTrue();
        assertThat(threshold.watches(KillScope.all())).as("the node is not a threshold's scope").isFalse();
        assertThat(LossThreshold.from(config("account:ACC-1", "", "EUR 10", "halt"), Map.of(), SOURCE)
                .watches(KillScope.parse("account:ACC-2"))).isFalse();
    }

    @Test
    void everyBadKeyAndValueIsNamedAtOnce() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("maxDrawdwn", "USD 1");
        assertThatThrownBy(() -> LossThreshold.from(config("venue:SIMX", "USD -5, EUR ten, USD 3, XX", "",
                "stop"), properties, SOURCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Loss threshold " + SOURCE + " is invalid: ")
                .hasMessageContaining("maxDrawdwn: unknown key")
                .hasMessageContaining("scope = 'venue:SIMX': a loss threshold watches *, strategy:ID or account:ID")
                .hasMessageContaining("USD -5 must be above zero")
                .hasMessageContaining("'ten'")
                .hasMessageContaining("'XX' is not 'CURRENCY amount'")
                .hasMessageContaining("action = 'stop': not one of halt, reduce-only");
        assertThatThrownBy(() -> LossThreshold.from(config("", "", "", "halt"), Map.of(), SOURCE))
                .hasMessageContaining("scope: required")
                .hasMessageContaining("maxDrawdown, maxLoss: at least one is required");
        assertThatThrownBy(() -> LossThreshold.from(config("*", "USD 1, USD 2", "", "halt"), Map.of(), SOURCE))
                .hasMessageContaining("USD is given twice");
    }

    @Test
    void aBadChangeKeepsTheLastGoodThresholdAndADeletionTakesItOutOfForce() {
        LossThresholdBook book = new LossThresholdBook();
        List<List<LossThreshold>> published = new java.util.ArrayList<>();
        book.listen(published::add);
        Map<String, Object> properties = Map.of("service.pid", SOURCE);
        LossThresholdComponent component = new LossThresholdComponent(book, config("*", "USD 100", "", "halt"),
                properties);
        assertThat(book.get(SOURCE).maxDrawdown()).containsOnlyKeys(Currency.USD);

        component.modified(config("*", "USD lots", "", "halt"), properties);
        assertThat(book.get(SOURCE).maxDrawdown().get(Currency.USD)).isEqualTo(Money.of(Currency.USD, 1_000_000, 4));

        component.modified(config("*", "USD 200", "", "halt"), properties);
        assertThat(book.get(SOURCE).maxDrawdown().get(Currency.USD)).isEqualTo(Money.of(Currency.USD, 2_000_000, 4));

        component.deactivate();
        assertThat(book.get(SOURCE)).isNull();
        assertThat(published).extracting(List::size).containsExactly(0, 1, 1, 0);
    }

    static LossThresholdConfig config(String scope, String maxDrawdown, String maxLoss, String action) {
        return new LossThresholdConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LossThresholdConfig.class;
            }

            @Override
            public String scope() {
                return scope;
            }

            @Override
            public String maxDrawdown() {
                return maxDrawdown;
            }

            @Override
            public String maxLoss() {
                return maxLoss;
            }

            @Override
            public String action() {
                return action;
            }
        };
    }
}

package io.alphintra.engine.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.PositionView;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Side;
import org.junit.jupiter.api.Test;

class InstrumentKeysTest {
    private static final Currency USD = Currency.of("USD");

    @Test
    void equalIdsShareADenseKeyWhateverTheInstance() {
        InstrumentKeys keys = new InstrumentKeys();
        int aapl = keys.key(InstrumentId.of("AAPL", "SIMX"));
        int msft = keys.key(InstrumentId.of("MSFT", "SIMX"));
        assertThat(keys.key(InstrumentId.parse("AAPL@SIMX"))).isEqualTo(aapl);
        assertThat(new int[] {aapl, msft}).containsExactly(0, 1);
        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void marksByKeyReachAnInstrumentRegisteredAfterItsKeyWasFirstMarked() {
        PortfolioAccounts accounts = new PortfolioAccounts(USD);
        int key = new InstrumentKeys().key(InstrumentId.of("AAPL", "SIMX"));
        accounts.mark(key, CoreFixtures.AAPL.id(), 10_000); // not registered yet: nothing to mark

        accounts.register(CoreFixtures.AAPL);
        accounts.apply("ACC-1", "s1", CoreFixtures.AAPL.id(), Side.BUY, 10, 10_000, Money.zero(USD), 1L);
        accounts.mark(key, CoreFixtures.AAPL.id(), 10_500);
        assertThat(accounts.positions()).singleElement().extracting(PositionView::unrealizedPnl)
                .satisfies(pnl -> assertThat(pnl.orElseThrow().compareTo(Money.of(USD, 5_000, 2))).isZero());

        accounts.clear();
        accounts.register(CoreFixtures.AAPL);
        accounts.apply("ACC-1", "s1", CoreFixtures.AAPL.id(), Side.BUY, 10, 10_000, Money.zero(USD), 2L);
        accounts.mark(key, CoreFixtures.AAPL.id(), 9_900);
        assertThat(accounts.positions()).singleElement().extracting(PositionView::unrealizedPnl)
                .as("a replaced portfolio is marked through fresh lookups")
                .satisfies(pnl -> assertThat(pnl.orElseThrow().compareTo(Money.of(USD, -1_000, 2))).isZero());
    }
}

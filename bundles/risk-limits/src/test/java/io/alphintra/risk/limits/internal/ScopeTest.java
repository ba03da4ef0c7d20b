package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.ALICE;
import static io.alphintra.risk.limits.internal.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.alphintra.sdk.instrument.InstrumentId;

class ScopeTest {
    private static final InstrumentId AAPL = InstrumentId.of("AAPL", "SIMX_US");

    @Test
    void parsesEveryTermAndPrintsThemInRankOrder() {
        assertThat(Scope.parse(" * ")).isSameAs(Scope.ALL);
        assertThat(Scope.parse("account:ACC-1")).isEqualTo(new Scope(null, null, "ACC-1", null, null));
        Scope compound = Scope.parse("instrument:BTC/USDT@SIMX_CRYPTO  strategy:momentum-1\ttrader:alice");
        assertThat(compound).isEqualTo(new Scope("momentum-1", "alice", null,
                InstrumentId.of("BTC/USDT", "SIMX_CRYPTO"), null));
        assertThat(compound.toString()).isEqualTo("strategy:momentum-1 trader:alice instrument:BTC/USDT@SIMX_CRYPTO");
        assertThat(Scope.parse(compound.toString())).isEqualTo(compound);
        assertThat(Scope.parse("venue:SIMX_US").toString()).isEqualTo("venue:SIMX_US");
    }

    @Test
    void refusesMalformedScopesNamingTheTerm() {
        assertThatThrownBy(() -> Scope.parse("")).hasMessage("required: '*' or terms such as account:ACC-1");
        assertThatThrownBy(() -> Scope.parse("desk:d1")).hasMessage("term 'desk:d1': unknown name 'desk' (strategy:,"
                + " trader:, account:, instrument:SYMBOL@VENUE, venue:)");
        assertThatThrownBy(() -> Scope.parse("ACC-1")).hasMessage("term 'ACC-1': expected NAME:VALUE (strategy:,"
                + " trader:, account:, instrument:SYMBOL@VENUE, venue:)");
        assertThatThrownBy(() -> Scope.parse("account:")).hasMessage("term 'account:': the id must be 1 to 64"
                + " printable ASCII characters");
        assertThatThrownBy(() -> Scope.parse("account:A account:B")).hasMessage("term account: given more than once");
        assertThatThrownBy(() -> Scope.parse("* account:A")).hasMessage("'*' stands alone; a scope with terms is"
                + " already narrower");
        assertThatThrownBy(() -> Scope.parse("instrument:AAPL")).hasMessageStartingWith("term 'instrument:AAPL':"
                + " instrumentId = 'AAPL': expected SYMBOL@VENUE");
        assertThatThrownBy(() -> Scope.parse("venue:simx")).hasMessageStartingWith("term 'venue:simx': venueId =");
        assertThatThrownBy(() -> Scope.parse("instrument:AAPL@SIMX_US venue:SIMX_US"))
                .hasMessage("instrument: and venue: together: the instrument already names its venue");
    }

    @Test
    void matchesAnOrderOnlyWhenEveryTermDoes() {
        assertThat(Scope.ALL.matches(ALICE, AAPL)).isTrue();
        assertThat(Scope.parse("account:ACC-1").matches(ALICE, AAPL)).isTrue();
        assertThat(Scope.parse("account:ACC-1").matches(BOB, AAPL)).isFalse();
        assertThat(Scope.parse("trader:alice venue:SIMX_US").matches(ALICE, AAPL)).isTrue();
        assertThat(Scope.parse("trader:alice venue:SIMX_JP").matches(ALICE, AAPL)).isFalse();
        assertThat(Scope.parse("strategy:momentum-1 instrument:AAPL@SIMX_US").matches(ALICE, AAPL)).isTrue();
        assertThat(Scope.parse("strategy:momentum-1 instrument:AAPL@SIMX_US2").matches(ALICE, AAPL)).isFalse();
    }

    @Test
    void precedenceIsTermCountThenStrategyTraderAccountInstrumentVenue() {
        List<Scope> scopes = new ArrayList<>(List.of(Scope.parse("*"), Scope.parse("venue:SIMX_US"),
                Scope.parse("instrument:AAPL@SIMX_US"), Scope.parse("account:ACC-1"), Scope.parse("trader:alice"),
                Scope.parse("strategy:momentum-1"), Scope.parse("account:ACC-1 venue:SIMX_US"),
                Scope.parse("account:ACC-1 instrument:AAPL@SIMX_US"), Scope.parse("trader:alice account:ACC-1")));
        scopes.sort(Comparator.comparingInt(Scope::specificity).reversed());
        assertThat(scopes).extracting(Scope::toString).containsExactly("trader:alice account:ACC-1",
                "account:ACC-1 instrument:AAPL@SIMX_US", "account:ACC-1 venue:SIMX_US", "strategy:momentum-1",
                "trader:alice", "account:ACC-1", "instrument:AAPL@SIMX_US", "venue:SIMX_US", "*");
    }
}

package io.alphintra.engine.internal.account;

import static io.alphintra.engine.internal.account.AccountFixtures.account;
import static io.alphintra.engine.internal.account.AccountFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.RejectReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading an account's configuration exactly, refusing a bad one whole, and deciding what it may trade. */
class AccountTest {
    private static final InstrumentId AAPL = InstrumentId.of("AAPL", "SIMX_US");
    private static final InstrumentId SAP = InstrumentId.of("SAP", "SIMX_EU");

    @Test
    void aValidConfigurationIsReadExactly() {
        Account account = account(properties("ACC-7", "margin", "USD 50000", "instruments", "AAPL@SIMX_US, SAP@SIMX_EU",
                "venues", "SIMX_US, SIMX_EU", "status", "Suspended", "cash", "USD 1000000.25, JPY 150000000"),
                "io.alphintra.account.x");

        assertThat(account.id()).isEqualTo("ACC-7");
        assertThat(account.owner()).isEqualTo("desk-eq");
        assertThat(account.baseCurrency()).isSameAs(Currency.USD);
        assertThat(account.cash().list()).containsExactly(Money.of(Currency.USD, 100_000_025, 2),
                Money.of(Currency.JPY, 150_000_000, 0));
        assertThat(account.margin().get(Currency.USD)).isEqualTo(Money.of(Currency.USD, 5_000_000, 2));
        assertThat(account.margin().get(Currency.EUR)).isNull();
        assertThat(account.venues().values()).containsExactly("SIMX_US", "SIMX_EU");
        assertThat(account.instruments().values()).containsExactly(AAPL, SAP);
        assertThat(account.status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(account.describe()).isEqualTo("id = ACC-7, owner = desk-eq, baseCurrency = USD, cash = USD"
                + " 1000000.25, JPY 150000000, margin = USD 50000.00, venues = SIMX_US, SIMX_EU, instruments ="
                + " AAPL@SIMX_US, SAP@SIMX_EU, status = suspended");
    }

    @Test
    void defaultsAreNoCashNoMarginEveryInstrumentAndActive() {
        Account account = account(properties("ACC-1", "cash", ""), "pid");

        assertThat(account.cash().isEmpty()).isTrue();
        assertThat(account.margin()).isSameAs(Amounts.NONE);
        assertThat(account.instruments().isAll()).isTrue();
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void aBadConfigurationIsRefusedWholeNamingEveryKeyAndValueAtFault() {
        assertThatThrownBy(() -> account(properties("ACC 1", "owner", " ", "baseCurrency", "XYZ",
                "cash", "USD 10.001, EUR -5, USD", "margin", "USD 1e6", "venues", "simx_us",
                "instruments", "AAPL", "status", "frozen"), "pid"))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).satisfiesExactly(
                        p -> assertThat(p).isEqualTo("id = 'ACC 1': must be 1 to 64 printable ASCII characters"
                                + " without spaces"),
                        p -> assertThat(p).isEqualTo("owner = ' ': required: the person or desk that answers for"
                                + " the account"),
                        p -> assertThat(p).startsWith("baseCurrency = 'XYZ': currency = 'XYZ': unknown currency"),
                        p -> assertThat(p).isEqualTo("cash = 'USD 10.001, EUR -5, USD': entry 'USD 10.001':"
                                + " amount = '10.001': more than 2 decimal places"),
                        p -> assertThat(p).startsWith("margin = 'USD 1e6': entry 'USD 1e6': amount = '1e6':"),
                        p -> assertThat(p).startsWith("venues = 'simx_us': entry 'simx_us': venueId = 'simx_us':"),
                        p -> assertThat(p).startsWith("instruments = 'AAPL': entry 'AAPL': instrumentId = 'AAPL':"
                                + " expected SYMBOL@VENUE"),
                        p -> assertThat(p).isEqualTo("status = 'frozen': not one of active, suspended, closed")));
    }

    @Test
    void requiredKeysAndContradictionsAreNamed() {
        assertThatThrownBy(() -> account(properties("", "owner", "", "baseCurrency", "", "venues", ""), "pid"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("id = '': required: the account id orders carry")
                .hasMessageContaining("owner = '': required")
                .hasMessageContaining("baseCurrency = '': required: e.g. USD")
                .hasMessageContaining("venues = '': required: '*' or a comma list of venue ids");
        assertThatThrownBy(() -> account(properties("ACC-1", "venues", "SIMX_US", "instruments", "SAP@SIMX_EU"),
                "pid")).hasMessageContaining("instruments = 'SAP@SIMX_EU': SAP@SIMX_EU is on venue SIMX_EU, which"
                        + " venues = 'SIMX_US' does not permit");
        assertThatThrownBy(() -> account(properties("ACC-1", "cash", "USD 5, USD 6"), "pid"))
                .hasMessageContaining("cash = 'USD 5, USD 6': entry 'USD 6': USD is given more than once");
        assertThatThrownBy(() -> account(properties("ACC-1", "cash", "USD -5"), "pid"))
                .hasMessageContaining("entry 'USD -5': must not be negative");
        assertThatThrownBy(() -> account(properties("ACC-1", "venues", "SIMX_US, SIMX_US"), "pid"))
                .hasMessageContaining("entry 'SIMX_US' is given more than once");
    }

    @Test
    void anAccountRefusesWhatItMayNotTradeSayingWhy() {
        Account limited = account(properties("ACC-7", "venues", "SIMX_US, SIMX_EU", "instruments", "AAPL@SIMX_US"),
                "io.alphintra.account.limited");

        assertThat(limited.refusal(AAPL)).isNull();
        assertThat(limited.refusal(InstrumentId.of("MSFT", "SIMX_US"))).isEqualTo(new Account.Refusal(
                RejectReason.ACCOUNT_NOT_PERMITTED, "account ACC-7 is not permitted instrument MSFT@SIMX_US"
                        + " (instruments = AAPL@SIMX_US, io.alphintra.account.limited)"));
        assertThat(limited.refusal(InstrumentId.of("7203", "SIMX_JP")).text()).isEqualTo("account ACC-7 is not"
                + " permitted venue SIMX_JP (venues = SIMX_US, SIMX_EU, io.alphintra.account.limited)");
        for (String status : List.of("suspended", "closed")) {
            assertThat(account(properties("ACC-7", "status", status), "pid").refusal(AAPL)).isEqualTo(
                    new Account.Refusal(RejectReason.ACCOUNT_NOT_PERMITTED, "account ACC-7 is " + status
                            + " (pid): it may cancel its orders but not place new ones or replace them"));
        }
        assertThat(Account.broken("a, b", "ACC-7", "configured twice").refusal(AAPL)).isEqualTo(new Account.Refusal(
                RejectReason.ACCOUNT_NOT_PERMITTED, "account ACC-7 is not in force: configured twice"));
    }

    @Test
    void aChangeIsDescribedKeyByKey() {
        Account before = account(properties("ACC-7"), "pid");
        Account after = account(properties("ACC-7", "status", "suspended", "cash", "USD 2000000"), "pid");

        assertThat(after.changesFrom(before)).isEqualTo("cash = USD 1000000.00, EUR 250000.50 -> USD 2000000.00;"
                + " status = active -> suspended");
    }
}

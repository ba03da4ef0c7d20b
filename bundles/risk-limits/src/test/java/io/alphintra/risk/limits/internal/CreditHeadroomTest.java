package io.alphintra.risk.limits.internal;

import static io.alphintra.risk.limits.internal.Fixtures.config;
import static io.alphintra.risk.limits.internal.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;

import io.alphintra.engine.CreditUsage;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.risk.CreditScope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What alphintra:risk shows: each scope's own credit limit, else the default, and the headroom left. */
class CreditHeadroomTest {
    private static final Currency USD = Currency.of("USD");
    private static final Currency JPY = Currency.of("JPY");

    @Test
    void eachScopeShowsItsOwnLimitElseTheDefaultAndWhatIsLeft() {
        LimitBook book = new LimitBook();
        book.put(limits("limit~default", config("*", "accountCreditLimit", "USD 1000000")));
        book.put(limits("limit~acc1", config("account:ACC-1", "accountCreditLimit", "USD 500")));
        book.put(limits("limit~acc1-us", config("account:ACC-1 venue:SIMX_US", "accountCreditLimit", "USD 5")));
        book.put(limits("limit~alice", config("trader:alice", "traderCreditLimit", "none")));
        LimitAdmin admin = new LimitAdmin(null, book, null);

        List<CreditHeadroom> rows = admin.creditHeadroom(List.of(
                usage(CreditScope.ACCOUNT, "ACC-1", USD, 400_0000L, 150_5000L),
                usage(CreditScope.ACCOUNT, "ACC-2", USD, 10_0000L, 0),
                usage(CreditScope.ACCOUNT, "ACC-2", JPY, 10_0000L, 0),
                usage(CreditScope.TRADER, "alice", USD, 400_0000L, 150_5000L)));

        // ACC-1's own scope, not the narrower account-and-venue one (which decides only its SIMX_US orders).
        assertThat(rows.get(0).limit()).hasValue("USD 500");
        assertThat(rows.get(0).scope()).hasValue("account:ACC-1");
        assertThat(rows.get(0).headroom()).hasValue(Money.of(USD, -50_5000L, 4));
        assertThat(rows.get(1).limit()).hasValue("USD 1000000");
        assertThat(rows.get(1).scope()).hasValue("*");
        assertThat(rows.get(1).headroom()).hasValue(Money.of(USD, 999_990_0000L, 4));
        assertThat(rows.get(2).limit()).as("no limit in yen anywhere").isEmpty();
        assertThat(rows.get(2).headroom()).isEmpty();
        assertThat(rows.get(3).limit()).hasValue("USD none");
        assertThat(rows.get(3).headroom()).as("lifted").isEqualTo(Optional.empty());
    }

    private static CreditUsage usage(CreditScope scope, String id, Currency currency, long working, long executed) {
        return new CreditUsage(scope, id, Money.of(currency, working, 4), Money.of(currency, executed, 4));
    }
}

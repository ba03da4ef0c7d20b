package io.alphintra.engine.internal.account;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.RejectReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One account's validated reference data. Immutable. {@link #from} reads every key, collects every problem as
 * {@code key = 'value': why} and throws one {@link io.alphintra.config.support.InvalidConfigurationException} if there
 * is any, so nothing of a bad configuration is ever put in force.
 *
 * <p>A <em>broken</em> account ({@link #problem()} not null) stands for reference data that should be in force but is
 * not: a first configuration that failed validation, or two configurations of one id. Its orders are refused naming
 * the problem; it has no owner, currency, cash or permissions.
 *
 * @param source the configuration's PID (or PIDs), for messages
 * @param id the account id orders carry
 * @param owner the person or desk that answers for it
 * @param baseCurrency the currency it reports and limits in
 * @param cash capital deposited, per currency
 * @param margin borrowing power, per currency
 * @param venues venues it may trade
 * @param instruments instruments it may trade (on those venues)
 * @param status whether it may place orders
 * @param problem why it is not in force, or null
 */
public record Account(String source, String id, String owner, Currency baseCurrency, Amounts cash, Amounts margin,
        Permitted<String> venues, Permitted<InstrumentId> instruments, AccountStatus status, String problem) {

    /** The SDK's id rule for {@code Attribution.accountId}, restated: its checker is not exported. */
    private static final int MAX_ID_LENGTH = 64;

    public Account {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        if (problem == null) {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(baseCurrency, "baseCurrency");
            Objects.requireNonNull(cash, "cash");
            Objects.requireNonNull(margin, "margin");
            Objects.requireNonNull(venues, "venues");
            Objects.requireNonNull(instruments, "instruments");
            Objects.requireNonNull(status, "status");
        }
    }

    /** An active account with no cash that may trade everything: for tests, benchmarks and tools. */
    public static Account open(String id, Currency baseCurrency) {
        return new Account(id, id, id, baseCurrency, Amounts.NONE, Amounts.NONE, Permitted.all(), Permitted.all(),
                AccountStatus.ACTIVE, null);
    }

    /** Reference data of {@code id} that is not in force because of {@code problem}; see the class comment. */
    public static Account broken(String source, String id, String problem) {
        return new Account(source, id, null, null, null, null, null, null, null, problem);
    }

    public boolean isBroken() {
        return problem != null;
    }

    /**
     * Why this account may not place an order in {@code instrument}, or null when it may. Allocates only when it
     * refuses.
     */
    public Refusal refusal(InstrumentId instrument) {
        if (problem != null) {
            return new Refusal(RejectReason.ACCOUNT_NOT_PERMITTED, "account " + id + " is not in force: " + problem);
        }
        if (status != AccountStatus.ACTIVE) {
            return new Refusal(RejectReason.ACCOUNT_NOT_PERMITTED, "account " + id + " is " + status.word()
                    + " (" + source + "): it may cancel its orders but not place new ones or replace them");
        }
        if (!venues.permits(instrument.venueId())) {
            return new Refusal(RejectReason.ACCOUNT_NOT_PERMITTED, "account " + id + " is not permitted venue "
                    + instrument.venueId() + " (venues = " + venues + ", " + source + ")");
        }
        if (!instruments.permits(instrument)) {
            return new Refusal(RejectReason.ACCOUNT_NOT_PERMITTED, "account " + id + " is not permitted instrument "
                    + instrument + " (instruments = " + instruments + ", " + source + ")");
        }
        return null;
    }

    /** Why an order was refused for its account: the code for programs and the text for people. */
    public record Refusal(RejectReason reason, String text) {
    }

    /** The reference data as the configuration sets it, for logs, the journal and the shell. */
    public String describe() {
        if (problem != null) {
            return "id = " + id + ", NOT IN FORCE (" + problem + ")";
        }
        return "id = " + id + ", owner = " + owner + ", baseCurrency = " + baseCurrency + ", cash = " + cash
                + ", margin = " + margin + ", venues = " + venues + ", instruments = " + instruments + ", status = "
                + status.word();
    }

    /** What differs from {@code before}, key by key: {@code status = active -> suspended; cash = ... -> ...}. */
    public String changesFrom(Account before) {
        if (isBroken() || before.isBroken()) {
            return before.describe() + " -> " + describe();
        }
        List<String> changes = new ArrayList<>();
        change(changes, "source", before.source, source);
        change(changes, "owner", before.owner, owner);
        change(changes, "baseCurrency", before.baseCurrency, baseCurrency);
        change(changes, "cash", before.cash, cash);
        change(changes, "margin", before.margin, margin);
        change(changes, "venues", before.venues, venues);
        change(changes, "instruments", before.instruments, instruments);
        change(changes, "status", before.status.word(), status.word());
        return String.join("; ", changes);
    }

    private static void change(List<String> changes, String key, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(key + " = " + before + " -> " + after);
        }
    }

    /**
     * Parses and validates a configuration.
     *
     * @param source the configuration's PID, kept for messages
     * @throws io.alphintra.config.support.InvalidConfigurationException naming every key and value at fault
     */
    static Account from(AccountConfig config, Map<String, ?> raw, String source) {
        ConfigReader<AccountConfig> reader = new ConfigReader<>(AccountConfig.PID, config, raw);
        String id = readableId(reader);
        String owner = required(reader, "owner", AccountConfig::owner, text -> text,
                "the person or desk that answers for the account");
        Currency baseCurrency = required(reader, "baseCurrency", AccountConfig::baseCurrency, Currency::of,
                "e.g. USD");
        Amounts cash = reader.parsed("cash", AccountConfig::cash, Amounts::parse);
        Amounts margin = reader.parsed("margin", AccountConfig::margin, Amounts::parse);
        Permitted<String> venues = required(reader, "venues", AccountConfig::venues,
                text -> Permitted.parse(text, Account::venueId), "'*' or a comma list of venue ids");
        Permitted<InstrumentId> instruments = required(reader, "instruments", AccountConfig::instruments,
                text -> Permitted.parse(text, InstrumentId::parse), "'*' or a comma list of SYMBOL@VENUE");
        if (venues != null && instruments != null) {
            for (InstrumentId instrument : instruments.values()) {
                if (!venues.permits(instrument.venueId())) {
                    reader.problem("instruments", config.instruments(), instrument + " is on venue "
                            + instrument.venueId() + ", which venues = '" + venues + "' does not permit");
                }
            }
        }
        AccountStatus status = required(reader, "status", AccountConfig::status, AccountStatus::parse,
                "active, suspended or closed");
        reader.requireValid();
        return new Account(source, id, owner, baseCurrency, cash, margin, venues, instruments, status, null);
    }

    /**
     * The configuration's account id if it is valid, else null (with a problem recorded): the one key without which
     * a broken configuration cannot even hold its account's orders back.
     */
    private static String readableId(ConfigReader<AccountConfig> reader) {
        String id = reader.get("id", AccountConfig::id);
        if (id == null || id.isBlank()) {
            reader.problem("id", id == null ? "" : id, "required: the account id orders carry");
            return null;
        }
        String trimmed = id.trim();
        String why = idProblem(trimmed);
        if (why != null) {
            reader.problem("id", id, why);
            return null;
        }
        return trimmed;
    }

    /** The id of a configuration that may be invalid otherwise, or null when not even the id is usable. */
    static String readableId(AccountConfig config) {
        try {
            String id = config.id();
            return id == null || idProblem(id.trim()) != null ? null : id.trim();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String idProblem(String id) {
        boolean valid = !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
        for (int i = 0; valid && i < id.length(); i++) {
            char c = id.charAt(i);
            valid = c > 0x20 && c < 0x7F;
        }
        return valid ? null : "must be 1 to " + MAX_ID_LENGTH + " printable ASCII characters without spaces";
    }

    private static String venueId(String text) {
        Venue.requireVenueId(text);
        return text;
    }

    /** A key that must be set; a parser's {@link IllegalArgumentException} is its problem. */
    private static <T> T required(ConfigReader<AccountConfig> reader, String key,
            Function<AccountConfig, String> accessor, Function<String, T> parser, String expected) {
        String value = reader.get(key, accessor);
        if (value == null || value.isBlank()) {
            reader.problem(key, value == null ? "" : value, "required: " + expected);
            return null;
        }
        T parsed = null;
        try {
            parsed = parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            reader.problem(key, value, e.getMessage());
        }
        return parsed;
    }
}

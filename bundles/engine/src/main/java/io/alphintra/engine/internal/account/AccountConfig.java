package io.alphintra.engine.internal.account;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One account's reference data (factory configuration: one {@code etc/io.alphintra.account-NAME.cfg} per account).
 * Every value is text, parsed and validated whole by {@link Account#from}, so that a mistyped amount is reported
 * with its key instead of being turned into a default. The keys are described in the engine's README.md.
 */
@ObjectClassDefinition(id = AccountConfig.PID, name = "Alphintra account",
        description = "An account the engine takes orders for: owner, base currency, deposited cash, borrowing"
                + " power, the venues and instruments it may trade, and whether it may trade at all.")
public @interface AccountConfig {
    String PID = "io.alphintra.account";

    @AttributeDefinition(description = "The account id orders carry (Attribution.accountId), 1 to 64 printable ASCII"
            + " characters without spaces. Required.")
    String id() default "";

    @AttributeDefinition(description = "Who answers for the account: a person or desk. Required.")
    String owner() default "";

    @AttributeDefinition(description = "Currency the account reports and limits in, e.g. USD. Required.")
    String baseCurrency() default "";

    @AttributeDefinition(description = "Capital deposited, per currency, e.g. 'USD 1000000, EUR 250000' (exact, at"
            + " most the currency's minor units); empty: none.")
    String cash() default "";

    @AttributeDefinition(description = "Borrowing power per currency, same form as cash; empty or 'none': none.")
    String margin() default "";

    @AttributeDefinition(description = "Venues the account may trade: '*' (every venue) or a comma list of venue"
            + " ids. Required.")
    String venues() default "";

    @AttributeDefinition(description = "Instruments the account may trade: '*' (every instrument of its venues) or a"
            + " comma list of SYMBOL@VENUE.")
    String instruments() default "*";

    @AttributeDefinition(description = "active (trades), suspended or closed (new orders and replaces are refused;"
            + " cancels always go).")
    String status() default "active";
}

package io.alphintra.risk.limits.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The limits of one scope (factory configuration: one {@code etc/io.alphintra.risk.limit-NAME.cfg} per scope). Every
 * limit is optional: empty leaves it to a less specific scope, {@code none} lifts it at this scope. Quantities and
 * amounts are exact decimals. The keys are described in the bundle's README.md.
 */
@ObjectClassDefinition(id = LimitConfig.PID, name = "Alphintra risk limits of one scope",
        description = "Pre-trade limits (credit, price collar, order size and value, duplicate orders, position) for the"
                + " orders of one scope; the most specific matching scope decides each limit.")
@interface LimitConfig {
    String PID = "io.alphintra.risk.limit";

    @AttributeDefinition(description = "Which orders: '*' (all) or terms strategy:ID, trader:ID, account:ID,"
            + " instrument:SYMBOL@VENUE, venue:VENUE separated by spaces (an order must match every term).")
    String scope() default "";

    @AttributeDefinition(description = "Price collar (PT2): half-width of the band around the reference price, in"
            + " basis points (1 to 100000; 100 = 1 %), or 'none'.")
    String priceCollarBasisPoints() default "";

    @AttributeDefinition(description = "Reference price of the collar: 'last' (the last trade, the default) or"
            + " 'mid' (the middle of the best bid and ask).")
    String priceCollarReference() default "";

    @AttributeDefinition(description = "Oldest reference price the collar trusts, milliseconds (1 to 86400000);"
            + " required with priceCollarBasisPoints. An older or missing reference rejects.")
    String maxReferenceAgeMillis() default "";

    @AttributeDefinition(description = "Largest order quantity (PT4, hard: rejected), in the instrument's quantity"
            + " (e.g. 1000 shares, 0.5 BTC), or 'none'.")
    String maxOrderQuantity() default "";

    @AttributeDefinition(description = "Order quantity above which an order passes with a warning (PT4, soft), or"
            + " 'none'.")
    String warnOrderQuantity() default "";

    @AttributeDefinition(description = "Largest order value (PT3, hard: rejected) per quote currency, e.g."
            + " 'USD 1000000, JPY 150000000', or 'none'. Orders in a currency not listed have no value limit here.")
    String maxOrderValue() default "";

    @AttributeDefinition(description = "Order value above which an order passes with a warning (PT3, soft), per"
            + " quote currency, or 'none'.")
    String warnOrderValue() default "";

    @AttributeDefinition(description = "What a breach of this configuration's soft limits (warnOrderQuantity,"
            + " warnOrderValue) does: 'hold' (the default: the engine keeps the order from its venue until another"
            + " authorised user releases it, PT3/PT4) or 'warn' (it passes with a warning in its decisions).")
    String softLimitAction() default "";

    @AttributeDefinition(description = "Duplicate prevention (PT5): the Nth identical order within"
            + " duplicateWindowMillis is rejected (2 to 16), or 'none'.")
    String duplicateCount() default "";

    @AttributeDefinition(description = "Window of duplicate prevention, milliseconds (1 to 3600000); required with"
            + " duplicateCount.")
    String duplicateWindowMillis() default "";

    @AttributeDefinition(description = "Largest long position of the account in the instrument, counting its"
            + " working buys and the order, in the instrument's quantity, or 'none'.")
    String maxLongPosition() default "";

    @AttributeDefinition(description = "Largest short position of the account in the instrument, counting its"
            + " working sells and the order, in the instrument's quantity (0: no short position), or 'none'.")
    String maxShortPosition() default "";

    @AttributeDefinition(description = "Largest long position of the order's strategy in the instrument within its"
            + " account, counting the strategy's working buys and the order, or 'none'.")
    String maxStrategyLongPosition() default "";

    @AttributeDefinition(description = "Largest short position of the order's strategy in the instrument within its"
            + " account, counting the strategy's working sells and the order (0: no short position), or 'none'.")
    String maxStrategyShortPosition() default "";

    @AttributeDefinition(description = "Credit limit (PT1) of the order's account per quote currency, e.g."
            + " 'USD 50000000, JPY 7500000000', or 'none': its working orders plus what it executed today (UTC)"
            + " plus the order.")
    String accountCreditLimit() default "";

    @AttributeDefinition(description = "Credit limit (PT1) of the order's trader per quote currency, or 'none'.")
    String traderCreditLimit() default "";

    @AttributeDefinition(description = "Credit limit (PT1) of the order's strategy per quote currency, or 'none'.")
    String strategyCreditLimit() default "";
}

package io.alphintra.sdk.risk;

import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;

/**
 * What a {@link PreTradeCheck} may know about an order's situation, provided by the host. Valid only during the
 * {@code check} call. Values are consistent with each other: taken at one point of the engine's sequence, with
 * orders the gate accepted earlier already counted as open (so concurrent submitters cannot overshoot a limit).
 */
@ProviderType
public interface PreTradeContext {

    /** The order's instrument. */
    Instrument instrument();

    /** The order's account, including positions and cash. */
    AccountSnapshot account();

    /** The submitting strategy's position in the instrument, if any. */
    Optional<Position> position();

    /**
     * The account's net position in the instrument over all its strategies, quantity units (positive long, negative
     * short), for position limits per account.
     *
     * @since 1.1
     */
    long accountNetQuantity();

    /**
     * The unfilled quantity of the account's working orders in the instrument on one side, quantity units: {@code BUY}
     * for buys, any of the sell sides for every sell ({@code SELL}, {@code SELL_SHORT}, {@code SELL_SHORT_EXEMPT}).
     * Counted from the moment the host accepted them, leaving out the order being decided (and, for a replace, the
     * order being replaced), so a position limit can count what the account would hold if all of them filled.
     *
     * @since 1.1
     */
    long accountWorkingQuantity(Side side);

    /**
     * Notional of the account's open orders (not yet filled quantity at limit or reference price), converted to
     * the account's base currency.
     */
    Money openOrdersNotional();

    /**
     * The reference price for collars, in the instrument's price units: last trade, mid or official price as
     * the host is configured. Empty if none is known.
     */
    OptionalLong referencePrice();

    /**
     * Age of {@link #referencePrice()} in nanoseconds of engine time; {@link Long#MAX_VALUE} when there is none.
     * A check that needs a fresh reference compares this with its configured maximum.
     */
    long referencePriceAgeNanos();

    /** Engine time of the decision, epoch nanoseconds. */
    long nowNanos();

    /**
     * When the order being decided is a replace, the working order as it stands (its quantity, filled quantity and
     * prices before the change); empty for a new order. A replace is decided as the order it would become: the
     * request passed to the check carries the new quantity and prices, and {@link #openOrdersNotional()} leaves the
     * replaced order out, so a limit counts the order once, at its new size.
     *
     * @since 1.1
     */
    Optional<OpenOrder> replacing();

    /**
     * The submitting strategy's net position in the instrument within the order's account, quantity units (positive
     * long, negative short); 0 when it has none. Allocation-free, unlike {@link #position()}.
     *
     * @since 1.2
     */
    long strategyNetQuantity();

    /**
     * The unfilled quantity of the submitting strategy's working orders in the instrument within the order's account,
     * on one side, counted as {@link #accountWorkingQuantity(Side)} counts the account's: from the moment the host
     * accepted them, leaving out the order being decided and, for a replace, the order being replaced.
     *
     * @since 1.2
     */
    long strategyWorkingQuantity(Side side);

    /**
     * The middle of the instrument's best bid and best ask, in its price units, rounded down to a whole unit (toward
     * negative infinity) when the two are an odd number of units apart. Empty when either side of the book is empty
     * or the book is crossed.
     *
     * @since 1.2
     */
    OptionalLong midPrice();

    /**
     * Age of {@link #midPrice()} in nanoseconds of engine time: since the later of the best bid and ask it is made of
     * was last updated; {@link Long#MAX_VALUE} when there is none.
     *
     * @since 1.2
     */
    long midPriceAgeNanos();

    /** Scale of {@link #creditUsed}: amounts are in units of 10<sup>-4</sup> of their currency. */
    int CREDIT_SCALE = 4;

    /**
     * Credit the order's account, trader or strategy (as {@code scope} says, by the order's {@link
     * io.alphintra.sdk.order.Attribution}) uses in one currency (instruments quoted in it) during the engine's current
     * UTC day: the value of its working orders (leaves at the limit price, a stop's at its stop price, a market
     * order's at the reference price when accepted) plus the value of what it executed since 00:00 UTC (each fill's
     * quantity at its price, buys and sells alike), times the contract multiplier, in units of {@link
     * #CREDIT_SCALE}, each order's value rounded up. Orders count from the moment the host accepted them; a fill moves
     * value from working to executed at the fill's price, a cancel or rejection releases the rest. Leaves out the
     * order being decided and, for a replace, the order being replaced (the request is decided at its new size).
     * Saturates at {@link Long#MAX_VALUE}.
     *
     * @since 1.2
     */
    long creditUsed(CreditScope scope, Currency currency);
}

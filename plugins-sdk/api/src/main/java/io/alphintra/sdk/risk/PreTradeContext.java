package io.alphintra.sdk.risk;

import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.Instrument;
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
}

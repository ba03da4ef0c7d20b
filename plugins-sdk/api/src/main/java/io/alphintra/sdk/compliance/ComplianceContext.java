package io.alphintra.sdk.compliance;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.portfolio.AccountSnapshot;

/**
 * Reference and market data as of one instant, for a {@link RuleSet} deciding on one order; provided by the
 * host and valid only during the {@code evaluate} call. Everything a rule reads comes from here, so the audit
 * trail can record the inputs of each decision.
 */
@ProviderType
public interface ComplianceContext {

    /** Engine time the inputs are as of, epoch nanoseconds. */
    long asOfNanos();

    /** The venue's trading date of {@link #asOfNanos()} (venue-local), for day-based restrictions. */
    LocalDate tradingDate();

    Instrument instrument();

    Venue venue();

    AccountSnapshot account();

    /** The account's net position in the instrument over all strategies, quantity units (for short-sale rules). */
    long accountNetQuantity();

    /**
     * The unfilled quantity of the account's other working sell orders (every {@code SELL}, {@code SELL_SHORT} and
     * {@code SELL_SHORT_EXEMPT}, from the moment the host accepted them) in the instrument, quantity units, for
     * short-sale rules: a sell is long only as far as {@code accountNetQuantity() - accountWorkingSellQuantity()}
     * covers it, so two sells sent together cannot both count the same position.
     *
     * @since 1.1
     */
    long accountWorkingSellQuantity();

    /**
     * Quantity covered by valid locates or borrows for the account and instrument, quantity units; 0 if none
     * (Reg SHO 203(b), SSR Art 12).
     */
    long locatedQuantity();

    /** Best bid and offer (consolidated where the host has it). */
    Optional<TopOfBookRecord> topOfBook();

    /** Last trade price, price units. */
    OptionalLong lastPrice();

    /** Previous session's official close, price units (reference for Reg SHO 201, JPX price restriction). */
    OptionalLong previousClose();

    /** Whether trading in the instrument is halted. */
    boolean isHalted();

    /** Whether the instrument is on the firm's restricted list for this account. */
    boolean isRestricted();
}

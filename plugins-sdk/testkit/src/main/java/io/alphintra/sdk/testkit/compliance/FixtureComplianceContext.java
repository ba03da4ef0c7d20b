package io.alphintra.sdk.testkit.compliance;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.portfolio.AccountSnapshot;

/**
 * The {@link ComplianceContext} a fixture describes: fixed values, as the host would hand them to a rule set for
 * one order. Immutable; for tests only.
 *
 * @param asOfNanos engine time of the inputs
 * @param tradingDate venue-local trading date
 * @param instrument the order's instrument
 * @param venue its venue
 * @param account the account snapshot
 * @param accountNetQuantity the account's net position in the instrument
 * @param accountWorkingSellQuantity unfilled quantity of the account's other working sells in the instrument
 * @param locatedQuantity quantity covered by locates
 * @param topOfBook best bid and offer, if the fixture gives them
 * @param lastPrice last trade price, if given
 * @param previousClose previous close, if given
 * @param isHalted whether trading is halted
 * @param isRestricted whether the instrument is on the restricted list for the account
 */
public record FixtureComplianceContext(long asOfNanos, LocalDate tradingDate, Instrument instrument, Venue venue,
        AccountSnapshot account, long accountNetQuantity, long accountWorkingSellQuantity, long locatedQuantity,
        Optional<TopOfBookRecord> topOfBook, OptionalLong lastPrice, OptionalLong previousClose, boolean isHalted,
        boolean isRestricted)
        implements ComplianceContext {

    public FixtureComplianceContext {
        if (accountWorkingSellQuantity < 0) {
            throw new IllegalArgumentException("accountWorkingSellQuantity = " + accountWorkingSellQuantity
                    + ": must not be negative");
        }
    }

    /** The 1.0 shape, with no working sells, so tests that build a context themselves keep compiling. */
    public FixtureComplianceContext(long asOfNanos, LocalDate tradingDate, Instrument instrument, Venue venue,
            AccountSnapshot account, long accountNetQuantity, long locatedQuantity, Optional<TopOfBookRecord> topOfBook,
            OptionalLong lastPrice, OptionalLong previousClose, boolean isHalted, boolean isRestricted) {
        this(asOfNanos, tradingDate, instrument, venue, account, accountNetQuantity, 0, locatedQuantity, topOfBook,
                lastPrice, previousClose, isHalted, isRestricted);
    }
}

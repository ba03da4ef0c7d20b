package io.alphintra.engine;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * The engine's live risk figures of one scope in one quote currency (no FX is assumed: an account trading in USD and
 * JPY has a line per currency). Equity is P&amp;L since inception (realised, fees in the quote currency included, plus
 * unrealised), as the engine's books hold it; peak and drawdown are tracked from the engine's start or the last reset
 * of a drawdown switch in the scope, whichever is later (marks are market data and are not journaled).
 *
 * @param scope             {@code all} (the whole node), {@code strategy:ID} or {@code account:ID}
 * @param currency          the quote currency every amount here is in
 * @param realizedPnl       realised P&amp;L of the positions in scope
 * @param unrealizedPnl     equity less realised P&amp;L: the open positions at their marks
 * @param equity            realised plus unrealised P&amp;L
 * @param peakEquity        the highest equity seen since tracking started
 * @param drawdown          peak less equity, never negative
 * @param grossExposure     sum over instruments of |net quantity| × mark (× multiplier)
 * @param netExposure       sum over instruments of net quantity × mark (× multiplier), signed
 * @param concentrationBps  the largest instrument's share of gross exposure, in basis points (0 when flat)
 * @param largestInstrument that instrument, empty when flat
 * @param instruments       exposure per instrument, ordered by instrument
 * @param maxDrawdown       the loss threshold in force on drawdown, if one applies to this scope and currency
 * @param maxLoss           the loss threshold in force on equity below zero, if one applies
 * @param leverageBps       gross exposure over capital (the configured cash in this currency plus equity), in basis
 *                          points (25,000 = 2.5 times); for accounts and the node, whose capital the account reference
 *                          data gives; empty for strategies, without configured cash, or when capital is not positive
 * @since 1.5
 */
public record RiskFigures(KillScope scope, Currency currency, Money realizedPnl, Money unrealizedPnl, Money equity,
                          Money peakEquity, Money drawdown, Money grossExposure, Money netExposure,
                          long concentrationBps, Optional<InstrumentId> largestInstrument,
                          List<InstrumentExposure> instruments, Optional<Threshold> maxDrawdown,
                          Optional<Threshold> maxLoss, java.util.OptionalLong leverageBps) {

    public RiskFigures {
        instruments = List.copyOf(instruments);
    }

    /** These figures with their leverage on {@code capital} (configured cash plus equity), when that is positive. */
    public RiskFigures withLeverageOn(Money configuredCash) {
        java.math.BigDecimal capital = exact(configuredCash).add(exact(equity));
        if (capital.signum() <= 0) {
            return this;
        }
        long bps = exact(grossExposure).multiply(java.math.BigDecimal.valueOf(10_000))
                .divide(capital, 0, java.math.RoundingMode.HALF_UP).longValue();
        return new RiskFigures(scope, currency, realizedPnl, unrealizedPnl, equity, peakEquity, drawdown, grossExposure,
                netExposure, concentrationBps, largestInstrument, instruments, maxDrawdown, maxLoss,
                java.util.OptionalLong.of(bps));
    }

    private static java.math.BigDecimal exact(Money money) {
        return java.math.BigDecimal.valueOf(money.mantissa(), money.scale());
    }

    /**
     * One instrument's exposure within a scope.
     *
     * @param netQuantity signed net quantity, quantity units
     * @param mark        the price it is valued at: the last trade seen or fill booked, price units
     */
    public record InstrumentExposure(InstrumentId instrumentId, long netQuantity, long mark, Money grossExposure,
                                     Money netExposure) {
    }

    /**
     * A loss threshold in force ({@code etc/io.alphintra.risk.loss-NAME.cfg}).
     *
     * @param source   the configuration it comes from
     * @param limit    the limit
     * @param headroom how much more drawdown or loss the scope can take before the threshold fires; negative once
     *                 beyond it
     * @param action   the kill switch mode it engages
     */
    public record Threshold(String source, Money limit, Money headroom, KillSwitchState.Mode action) {
    }
}

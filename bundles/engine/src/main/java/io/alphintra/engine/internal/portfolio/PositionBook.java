package io.alphintra.engine.internal.portfolio;

/** The mutable state behind one SDK {@code Position}: one (account, strategy, instrument). */
final class PositionBook {
    final AccountBook account;
    final String strategyId;
    final InstrumentBook instrument;
    final ExposureBook exposure;
    /** Quantity units; positive long, negative short. */
    long netQuantity;
    /** Σ price × |quantity| of the open quantity at the instrument's notional scale; 0 when flat. */
    long openCost;
    /** Quote currency, after fees charged in the quote currency. */
    final ScaledAmount realizedPnl;
    long lastChangeNanos;

    PositionBook(AccountBook account, String strategyId, InstrumentBook instrument,
            ExposureBook exposure) {
        this.account = account;
        this.strategyId = strategyId;
        this.instrument = instrument;
        this.exposure = exposure;
        this.realizedPnl = new ScaledAmount(instrument.pnlScale);
    }
}

package io.alphintra.engine.internal.portfolio;

/**
 * The aggregate of all strategies' positions in one instrument of one account, kept up to date by every fill so
 * that account-level limits read it in O(1).
 *
 * <p>Open costs of a long and a short strategy cannot be netted into one meaningful average price, so the
 * aggregate keeps {@code Σ signum(net) × openCost} instead: with it, the aggregate unrealised P&amp;L at mark
 * {@code m} is exactly {@code (m × Σ net − signedOpenCost) × multiplier}, the sum of the strategies' unrealised
 * P&amp;L, without visiting them.
 */
final class ExposureBook {
    final InstrumentBook instrument;
    long netQuantity;
    long signedOpenCost;
    final ScaledAmount realizedPnl;

    ExposureBook(InstrumentBook instrument) {
        this.instrument = instrument;
        this.realizedPnl = new ScaledAmount(instrument.pnlScale);
    }
}

package io.alphintra.engine.internal.portfolio;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Currency;

/**
 * What the booking needs to know about one registered instrument, resolved once at registration so that a fill
 * reads fields instead of dispatching on the instrument's type, plus its latest mark.
 */
final class InstrumentBook {
    final int index;
    final Instrument instrument;
    /** {@code SYMBOL@VENUE}, the instrument's key in hashes and snapshots. */
    final String idText;
    final CashEffect cashEffect;
    final Currency quoteCurrency;
    final int quoteCurrencyIndex;
    /** Index of the base currency of an FX or crypto pair, whose cash moves by the quantity; -1 otherwise. */
    final int baseCurrencyIndex;
    final int quantityScale;
    /** Scale of {@code price × quantity}: open costs are kept at it. */
    final int notionalScale;
    /** The futures multiplier's mantissa; 1 for everything else. */
    final long multiplier;
    /** Scale of P&amp;L before fees: {@link #notionalScale} plus the multiplier's scale. */
    final int pnlScale;
    final boolean allowsNonPositivePrices;

    long markPrice;
    boolean marked;

    InstrumentBook(int index, Instrument instrument, CashEffect cashEffect, int quoteCurrencyIndex,
            int baseCurrencyIndex, long multiplier, int multiplierScale) {
        this.index = index;
        this.instrument = instrument;
        this.idText = instrument.id().toString();
        this.cashEffect = cashEffect;
        this.quoteCurrency = instrument.quoteCurrency();
        this.quoteCurrencyIndex = quoteCurrencyIndex;
        this.baseCurrencyIndex = baseCurrencyIndex;
        this.quantityScale = instrument.quantityScale();
        this.notionalScale = instrument.priceScale() + instrument.quantityScale();
        this.multiplier = multiplier;
        this.pnlScale = notionalScale + multiplierScale;
        this.allowsNonPositivePrices = instrument.allowsNonPositivePrices();
    }
}

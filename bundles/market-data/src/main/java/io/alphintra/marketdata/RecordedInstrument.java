package io.alphintra.marketdata;

import java.util.Objects;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Decimals;

/**
 * An instrument in a recording's dictionary, with the scales its prices and quantities were recorded at, so that
 * a recording can be read back as decimals without the instrument's reference data.
 *
 * @param id the instrument
 * @param priceScale decimals of its prices, 0..18
 * @param quantityScale decimals of its quantities, 0..18
 */
public record RecordedInstrument(InstrumentId id, int priceScale, int quantityScale) {

    public RecordedInstrument {
        Objects.requireNonNull(id, "id");
        Decimals.requireScale("priceScale", priceScale);
        Decimals.requireScale("quantityScale", quantityScale);
    }

    public static RecordedInstrument of(Instrument instrument) {
        return new RecordedInstrument(instrument.id(), instrument.priceScale(), instrument.quantityScale());
    }
}

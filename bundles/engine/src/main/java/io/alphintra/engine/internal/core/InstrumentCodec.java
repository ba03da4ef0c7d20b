package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.FxForward;
import io.alphintra.sdk.instrument.FxSpot;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Instrument reference data in the journal. The engine journals an instrument's full definition before the first
 * order in it, so that recovery can book fills before any venue has reconnected and listed its instruments again.
 */
final class InstrumentCodec {
    private InstrumentCodec() {
    }

    static void write(Instrument instrument, ByteBuffer out) {
        putString(out, instrument.getClass().getSimpleName());
        putString(out, instrument.id().toString());
        putString(out, instrument.jurisdiction().name());
        putString(out, instrument.quoteCurrency().code());
        TradingGrid grid = instrument.grid();
        out.putInt(grid.priceScale()).putInt(grid.quantityScale()).putLong(grid.lotSize()).putLong(grid.minQuantity());
        List<TickTable.Band> bands = grid.tickTable().bands();
        out.putInt(bands.size());
        for (TickTable.Band band : bands) {
            out.putLong(band.fromPrice()).putLong(band.tick());
        }
        if (instrument instanceof FxSpot fx) {
            putString(out, fx.baseCurrency().code());
        } else if (instrument instanceof FxForward fx) {
            putString(out, fx.baseCurrency().code());
            out.putLong(fx.valueDate().toEpochDay());
        } else if (instrument instanceof CryptoPair pair) {
            putString(out, pair.baseCurrency().code());
        } else if (instrument instanceof FutureContract future) {
            out.putLong(future.multiplier().mantissa()).putInt(future.multiplier().scale());
            out.putLong(future.expiry().toEpochDay());
        }
    }

    static Instrument read(ByteBuffer in) {
        String kind = getString(in);
        InstrumentId id = InstrumentId.parse(getString(in));
        Jurisdiction jurisdiction = Jurisdiction.valueOf(getString(in));
        Currency quote = Currency.of(getString(in));
        int priceScale = in.getInt();
        int quantityScale = in.getInt();
        long lotSize = in.getLong();
        long minQuantity = in.getLong();
        int bandCount = in.getInt();
        List<TickTable.Band> bands = new ArrayList<>(bandCount);
        for (int i = 0; i < bandCount; i++) {
            bands.add(new TickTable.Band(in.getLong(), in.getLong()));
        }
        TradingGrid grid = new TradingGrid(priceScale, TickTable.of(bands), quantityScale, lotSize, minQuantity);
        return switch (kind) {
            case "Equity" -> new Equity(id, quote, jurisdiction, grid);
            case "FxSpot" -> new FxSpot(id, Currency.of(getString(in)), quote, jurisdiction, grid);
            case "FxForward" -> new FxForward(id, Currency.of(getString(in)), quote, jurisdiction, grid,
                    LocalDate.ofEpochDay(in.getLong()));
            case "CryptoPair" -> new CryptoPair(id, Currency.of(getString(in)), quote, jurisdiction, grid);
            case "FutureContract" -> new FutureContract(id, quote, jurisdiction, grid,
                    Decimal.of(in.getLong(), in.getInt()), LocalDate.ofEpochDay(in.getLong()));
            default -> throw new IllegalStateException("journal names instrument kind '" + kind
                    + "', which this engine does not know");
        };
    }

    private static void putString(ByteBuffer out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
    }

    private static String getString(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

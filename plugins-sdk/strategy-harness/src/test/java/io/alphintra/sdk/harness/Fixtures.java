package io.alphintra.sdk.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.strategy.StrategyConfig;

/** Instruments, configurations and hand-made data files of the harness's tests. */
final class Fixtures {

    static final long SECOND = 1_000_000_000L;

    /** A stock with cent ticks and whole shares. */
    static final Equity XYZ = new Equity(InstrumentId.of("XYZ", "SIMH"), Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    static final Equity AAPL = new Equity(InstrumentId.of("AAPL", "SIMH"), Currency.USD, Jurisdiction.US,
            XYZ.grid());
    /** Bitstamp's pair: cent ticks, quantities to the satoshi. */
    static final CryptoPair BTC_USD = new CryptoPair(InstrumentId.of("BTC-USD", "SIMH"), Currency.BTC, Currency.USD,
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 8, 1, 1));

    private Fixtures() {
    }

    static StrategyConfig config(Instrument instrument, Map<String, String> parameters) {
        return new StrategyConfig("s-1", "test", List.of(instrument.id()),
                new Attribution("s-1", "trader-1", "ACC-1", "desk-1", "PROP"), parameters);
    }

    /** Writes a recording into {@code directory}, one line per argument. */
    static Path csv(Path directory, String name, String... lines) {
        try {
            return Files.writeString(directory.resolve(name), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

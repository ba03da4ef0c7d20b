package io.alphintra.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.testdata.TestData;

/** The example of the module README, verbatim between the markers, so that the README's code compiles and runs. */
class ReadmeExampleTest {

    @TempDir
    Path directory;

    @Test
    void theReadmeExampleWorks() throws IOException {
        Path csv = TestData.bitstampTrades();
        // README example start
        InstrumentId btcUsd = InstrumentId.of("BTC/USD", "BITSTAMP");
        List<BarRecord> bars = new ArrayList<>();
        BarAggregator oneMinute = BarAggregator.builder(btcUsd, BarSpec.time(Duration.ofMinutes(1)))
                .build(bars::add);

        // Import: prices at 2 decimals, quantities at 8; skip and report bad lines instead of stopping.
        MarketDataImport importer = MarketDataImport.builder(btcUsd, 2, 8)
                .errorPolicy(ErrorPolicy.SKIP_AND_REPORT)
                .build();
        Path recording = directory.resolve("bitstamp.amd");
        ImportReport report;
        try (MarketDataWriter writer = MarketDataWriter.builder().instrument(btcUsd, 2, 8).open(recording)) {
            report = importer.readTrades(csv, trade -> {
                oneMinute.onTrade(trade);    // bars as the trades stream by
                writer.onTrade(trade);       // and a compact recording of them
            });
        }
        oneMinute.flush();
        report.errors().forEach(error -> System.out.println(error.message()));

        // Replay the recording into any MarketDataListener, here a second aggregator.
        List<BarRecord> replayed = new ArrayList<>();
        BarAggregator again = BarAggregator.builder(btcUsd, BarSpec.time(Duration.ofMinutes(1)))
                .build(replayed::add);
        try (MarketDataReader reader = MarketDataReader.open(recording)) {
            reader.replay(again);
        }
        again.flush();
        // README example end

        assertThat(report.goodRecords()).isEqualTo(99_982);
        assertThat(report.errors()).hasSize(18);
        assertThat(bars).isNotEmpty().isEqualTo(replayed);
        // 9399 minutes hold a trade; the first one holds the eleven trades of 1385337600..1385337657.
        assertThat(bars).hasSize(9399);
        assertThat(bars.get(0)).isEqualTo(new BarRecord(btcUsd, BarSpec.time(Duration.ofMinutes(1)), 80001, 80747,
                80001, 80747, 285_664_446, 1_385_337_600_000_000_000L, 1_385_337_660_000_000_000L));
    }
}

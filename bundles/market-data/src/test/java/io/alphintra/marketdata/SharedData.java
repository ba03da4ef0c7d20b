package io.alphintra.marketdata;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real market data files of {@code shared/data} beside the clone (surefire passes the path). */
final class SharedData {

    private SharedData() {
    }

    static Path file(String name) {
        String configured = System.getProperty("alphintra.shared.data");
        Path directory = configured != null ? Path.of(configured) : Path.of("../../../shared/data");
        Path file = directory.resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing test data " + file.toAbsolutePath()
                    + " (shared/data beside the clone, see shared/data/README.md)");
        }
        return file;
    }

    static final String BITSTAMP_TRADES = "bitstamp_trades_from_20131125_usd.csv";
    static final String APPLE_DAILY_BARS = "appleinc_bars_from_20130101_usd.csv";
    static final String ETH_FIVE_MINUTE_BARS = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";
}

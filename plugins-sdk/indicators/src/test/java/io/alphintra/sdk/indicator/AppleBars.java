package io.alphintra.sdk.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.alphintra.testdata.TestData;

/** Apple daily bars for 2013 (252 bars) from the repository's test data (test-data/README.md). */
final class AppleBars {

    static final AppleBars INSTANCE = load();

    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    private AppleBars(int n) {
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
    }

    int size() {
        return close.length;
    }

    private static AppleBars load() {
        Path file = TestData.appleDailyBars2013();
        try {
            List<String> lines = Files.readAllLines(file);
            AppleBars bars = new AppleBars(lines.size() - 1);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                bars.open[i - 1] = Double.parseDouble(f[1]);
                bars.high[i - 1] = Double.parseDouble(f[2]);
                bars.low[i - 1] = Double.parseDouble(f[3]);
                bars.close[i - 1] = Double.parseDouble(f[4]);
                bars.volume[i - 1] = Double.parseDouble(f[5]);
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}

package io.alphintra.benchmarks.indicators;

import java.util.SplittableRandom;

/**
 * A reproducible random-walk bar series (geometric Brownian motion closes, opens at the previous close, highs and
 * lows around them, noisy volume), so that every run and both libraries see the same numbers.
 */
final class SyntheticBars {

    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;

    SyntheticBars(int n, long seed) {
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        double previous = 100.0;
        for (int i = 0; i < n; i++) {
            double c = previous * Math.exp(0.0001 + 0.01 * gaussian(random));
            double o = previous;
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(o, c) * (1 + 0.004 * Math.abs(gaussian(random)));
            low[i] = Math.min(o, c) * (1 - 0.004 * Math.abs(gaussian(random)));
            volume[i] = 1_000_000 * (0.5 + random.nextDouble());
            previous = c;
        }
    }

    int size() {
        return close.length;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}

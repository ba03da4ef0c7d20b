package io.alphintra.simexchange.internal.twin;

/**
 * SplitMix64: a small, fast generator whose whole state is one {@code long}, so that a seed fixes every draw on
 * every JVM. Not thread-safe; each instrument's twin owns one.
 */
public final class Rng {
    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A generator for one stream of a seed, e.g. one instrument: different streams do not overlap in practice. */
    public static Rng stream(long seed, String name) {
        long mixed = seed;
        for (int i = 0; i < name.length(); i++) {
            mixed = mix(mixed ^ name.charAt(i)) + 0x9E3779B97F4A7C15L;
        }
        return new Rng(mix(mixed));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    public boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal, Marsaglia's polar method. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /** Student-t with {@code degrees} degrees of freedom, scaled to unit variance (needs degrees > 2). */
    public double nextStudentT(int degrees) {
        double chiSquare = 0;
        for (int i = 0; i < degrees; i++) {
            double g = nextGaussian();
            chiSquare += g * g;
        }
        return nextGaussian() / Math.sqrt(chiSquare / degrees) * Math.sqrt((degrees - 2.0) / degrees);
    }

    /** Exponential with the given mean. */
    public double nextExponential(double mean) {
        return -Math.log(1 - nextDouble()) * mean;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

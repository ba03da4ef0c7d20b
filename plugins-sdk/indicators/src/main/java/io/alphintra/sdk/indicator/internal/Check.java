package io.alphintra.sdk.indicator.internal;

/** Argument checks whose messages name the parameter and the rejected value. */
public final class Check {

    private Check() {
    }

    /** {@code value >= min}, else {@code "name = value: must be >= min"}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " = " + value + ": must be >= " + min);
        }
        return value;
    }

    /** A finite number {@code > 0}. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be finite and > 0");
        }
        return value;
    }

    /** A finite number {@code >= 0}. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ": must be finite and >= 0");
        }
        return value;
    }

    /** {@code lower < upper}, else {@code "lowerName = a, upperName = b: lowerName must be < upperName"}. */
    public static void less(String lowerName, int lower, String upperName, int upper) {
        if (lower >= upper) {
            throw new IllegalArgumentException(lowerName + " = " + lower + ", " + upperName + " = " + upper + ": "
                    + lowerName + " must be < " + upperName);
        }
    }
}

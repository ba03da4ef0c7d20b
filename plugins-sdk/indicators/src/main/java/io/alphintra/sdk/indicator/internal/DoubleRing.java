package io.alphintra.sdk.indicator.internal;

/** The last {@code capacity} values of a series, oldest first, in a preallocated array. */
public final class DoubleRing {

    private final double[] values;
    private int next;
    private int size;

    public DoubleRing(int capacity) {
        values = new double[Check.atLeast("capacity", capacity, 1)];
    }

    /**
     * Appends {@code value}.
     *
     * @return the value that fell out of the window, or {@code NaN} while the ring is not yet full
     */
    public double push(double value) {
        double evicted = size == values.length ? values[next] : Double.NaN;
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        if (size < values.length) {
            size++;
        }
        return evicted;
    }

    /** The value {@code ago} pushes back: 0 is the latest; requires {@code ago < size()}. */
    public double get(int ago) {
        int i = next - 1 - ago;
        return values[i < 0 ? i + values.length : i];
    }

    /** The oldest value held. */
    public double oldest() {
        return get(size - 1);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return values.length;
    }

    public boolean isFull() {
        return size == values.length;
    }

    /** Whether the next push overwrites the physical start of the array: used to schedule drift-free recomputes. */
    public boolean atWrapPoint() {
        return next == 0;
    }

    public void clear() {
        next = 0;
        size = 0;
    }
}

package io.alphintra.sdk.indicator;

/** Index checks shared by the {@link MultiOutput} implementations. */
final class Outputs {

    private Outputs() {
    }

    static String name(String[] names, int index) {
        if (index < 0 || index >= names.length) {
            throw invalid(index, names.length);
        }
        return names[index];
    }

    static IndexOutOfBoundsException invalid(int index, int count) {
        return new IndexOutOfBoundsException("output index = " + index + ": must be in [0, " + count + ")");
    }
}

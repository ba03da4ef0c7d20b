package io.alphintra.engine.internal.core;

/** Which failures the engine survives and which stop it. */
final class Failures {
    private Failures() {
    }

    /**
     * Whether a throwable means the JVM or the engine can no longer be trusted: out of memory, an internal VM error.
     * A {@link StackOverflowError} is not: it unwinds the plugin that overflowed and leaves the stack usable.
     */
    static boolean fatal(Throwable failure) {
        return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
    }

    /** @return {@code failure} unless it is {@link #fatal}, which is thrown on */
    static Throwable rethrowIfFatal(Throwable failure) {
        if (fatal(failure)) {
            throw (Error) failure;
        }
        return failure;
    }
}

package io.alphintra.engine.internal.journal;

/** How far a commit goes before the journal reports it durable. */
public enum Durability {
    /**
     * Each commit is forced to the storage device ({@code fdatasync}): an acknowledged record survives a crash of the
     * process, the operating system or the machine. The default for anything that moves money.
     */
    FSYNC,
    /**
     * Each commit is handed to the operating system: an acknowledged record survives a crash (even {@code kill -9})
     * of the process, not of the machine. For simulation, backtests and benchmarks.
     */
    WRITE
}

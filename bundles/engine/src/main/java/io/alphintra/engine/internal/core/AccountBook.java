package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;
import java.nio.ByteBuffer;
import java.util.Optional;

/** The engine's positions and cash, as the gate and the order manager need them. Engine thread only. */
public interface AccountBook {

    /** Makes an instrument known before its first fill; registering it again is harmless. */
    void register(Instrument instrument);

    /**
     * Marks positions in an instrument to a new price.
     *
     * @param instrumentKey the engine's key of the instrument ({@link InstrumentKeys}), for a lookup without hashing
     */
    void mark(int instrumentKey, InstrumentId instrumentId, long price);

    /**
     * The account reference data in force: which accounts may place which orders, their deposited cash (which
     * {@link #account} adds to the booked cash) and base currency.
     */
    io.alphintra.engine.internal.account.AccountTable table();

    AccountSnapshot account(String accountId);

    Optional<Position> position(String accountId, String strategyId, InstrumentId instrumentId);

    /** Net quantity of the whole account (all strategies) in an instrument. */
    long accountNetQuantity(String accountId, InstrumentId instrumentId);

    /** Net quantity of one strategy within the account in an instrument; 0 when it has none. Allocation-free. */
    long strategyNetQuantity(String accountId, String strategyId, InstrumentId instrumentId);

    /**
     * Books a fill of an accepted order: {@code quantity} (positive) at {@code price} on {@code side}.
     *
     * @param fee the fill's fee, required
     */
    void apply(String accountId, String strategyId, InstrumentId instrumentId, Side side, long quantity, long price,
               Money fee, long timeNanos);

    /** A digest of every position and balance, equal for equal books whatever the order of events. */
    byte[] stateHash();

    /** Bytes {@link #snapshot} writes now. */
    int snapshotSize();

    /**
     * Writes every account, position and balance, versioned and ending with their own hash, for the engine's
     * snapshot. Marks are market data and are not in it.
     */
    void snapshot(ByteBuffer out);

    /**
     * Replaces every account, position and balance with those of a {@link #snapshot}; instruments registered so far
     * stay registered and must include every instrument the snapshot names. All or nothing: when it throws, the book
     * is as it was.
     *
     * @throws IllegalArgumentException for a snapshot that is damaged, inconsistent or names unknown instruments
     */
    void restore(ByteBuffer snapshot);

    /** Forgets every account, position, balance and instrument: the book before the engine's first event. */
    void clear();
}

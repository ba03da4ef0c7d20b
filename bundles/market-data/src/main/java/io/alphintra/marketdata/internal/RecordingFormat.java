package io.alphintra.marketdata.internal;

/**
 * Constants and varint codecs of the recording format (described in the module README). Little-endian fixed
 * fields; everything else LEB128 varints, signed values zig-zag encoded.
 */
public final class RecordingFormat {

    /** {@code AMDR}, read as a little-endian int. */
    public static final int FILE_MAGIC = 'A' | 'M' << 8 | 'D' << 16 | 'R' << 24;
    public static final int VERSION = 1;
    /** {@code BLK1}, read as a little-endian int: where every block starts. */
    public static final int BLOCK_MARKER = 'B' | 'L' << 8 | 'K' << 16 | '1' << 24;
    /** Marker, payload length, record count, CRC-32C. */
    public static final int BLOCK_HEADER_BYTES = 16;
    /** Magic, version, flags, dictionary length; the dictionary and a CRC-32C follow. */
    public static final int FILE_HEADER_FIXED_BYTES = 12;
    /** Largest payload a reader accepts, so that a damaged length cannot make it allocate gigabytes. */
    public static final int MAX_BLOCK_PAYLOAD = 16 << 20;
    /** Generous bound on one encoded record (an instrument definition with a 32-character symbol and venue). */
    public static final int MAX_RECORD_BYTES = 128;

    public static final int TYPE_TRADE = 1;
    public static final int TYPE_TOP_OF_BOOK = 2;
    public static final int TYPE_BOOK_DELTA = 3;
    public static final int TYPE_BAR = 4;
    public static final int TYPE_INSTRUMENT = 5;
    public static final int TYPE_MASK = 0x07;
    /** The receive time differs from the event time; its delta follows the event time. */
    public static final int FLAG_RECEIVE_TIME = 0x08;
    /** Bits 4..6: aggressor of a trade, side/clear/end-of-batch of a book delta, bar type of a bar. */
    public static final int DETAIL_SHIFT = 4;
    public static final int FLAG_ASK = 0x10;
    public static final int FLAG_CLEARS_BOOK = 0x20;
    public static final int FLAG_END_OF_BATCH = 0x40;
    /** The instrument index follows; absent, the record is of the previous record's instrument. */
    public static final int FLAG_INSTRUMENT = 0x80;

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L};
    private static final long[] TIME_UNITS = {1L, 1_000L, 1_000_000L, 1_000_000_000L};

    private RecordingFormat() {
    }

    public static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    public static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    /** Writes an unsigned varint at {@code pos}; returns the position after it. */
    public static int putVarint(byte[] buffer, int pos, long value) {
        while ((value & ~0x7FL) != 0) {
            buffer[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[pos++] = (byte) value;
        return pos;
    }

    /**
     * Writes {@code value} (unsigned) with a {@code tagBits}-bit tag in the low bits of its first byte: the varint of
     * {@code value << tagBits | tag}, without losing the top bits of {@code value}.
     */
    public static int putTagged(byte[] buffer, int pos, long value, int tag, int tagBits) {
        int payloadBits = 7 - tagBits;
        long rest = value >>> payloadBits;
        int first = tag | (int) (value & ((1 << payloadBits) - 1)) << tagBits;
        if (rest == 0) {
            buffer[pos++] = (byte) first;
            return pos;
        }
        buffer[pos++] = (byte) (first | 0x80);
        return putVarint(buffer, pos, rest);
    }

    /**
     * A non-negative quantity as a decimal-coded varint: trailing decimal zeros (up to 7) move into a 3-bit tag, so
     * 0.1 BTC at scale 8 ({@code 10000000}) takes one byte instead of four.
     */
    public static int putQuantity(byte[] buffer, int pos, long quantity) {
        int zeros = 0;
        if (quantity != 0) {
            while (zeros < 7 && quantity % 10 == 0) {
                quantity /= 10;
                zeros++;
            }
        }
        return putTagged(buffer, pos, quantity, zeros, 3);
    }

    /**
     * A signed time difference in nanoseconds, in the coarsest unit (ns, us, ms, s) that holds it exactly, as a
     * 2-bit unit tag: a one-second gap between second-stamped trades takes one byte.
     */
    public static int putTimeDelta(byte[] buffer, int pos, long deltaNanos) {
        int unit = 3;
        while (unit > 0 && deltaNanos % TIME_UNITS[unit] != 0) {
            unit--;
        }
        return putTagged(buffer, pos, zigZag(deltaNanos / TIME_UNITS[unit]), unit, 2);
    }

    public static int putIntLE(byte[] buffer, int pos, int value) {
        buffer[pos] = (byte) value;
        buffer[pos + 1] = (byte) (value >>> 8);
        buffer[pos + 2] = (byte) (value >>> 16);
        buffer[pos + 3] = (byte) (value >>> 24);
        return pos + 4;
    }

    public static int getIntLE(byte[] buffer, int pos) {
        return (buffer[pos] & 0xFF) | (buffer[pos + 1] & 0xFF) << 8 | (buffer[pos + 2] & 0xFF) << 16
                | (buffer[pos + 3] & 0xFF) << 24;
    }

    /** The multiplier that a decimal-coded quantity's tag stands for. */
    public static long powerOfTen(int zeros) {
        return POWERS_OF_TEN[zeros];
    }

    /** The unit in nanoseconds that a time delta's tag stands for. */
    public static long timeUnit(int tag) {
        return TIME_UNITS[tag];
    }
}

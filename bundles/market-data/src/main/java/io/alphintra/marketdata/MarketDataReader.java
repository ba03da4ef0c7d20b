package io.alphintra.marketdata;

import static io.alphintra.marketdata.internal.RecordingFormat.BLOCK_HEADER_BYTES;
import static io.alphintra.marketdata.internal.RecordingFormat.BLOCK_MARKER;
import static io.alphintra.marketdata.internal.RecordingFormat.DETAIL_SHIFT;
import static io.alphintra.marketdata.internal.RecordingFormat.FILE_HEADER_FIXED_BYTES;
import static io.alphintra.marketdata.internal.RecordingFormat.FILE_MAGIC;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_ASK;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_CLEARS_BOOK;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_END_OF_BATCH;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_INSTRUMENT;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_RECEIVE_TIME;
import static io.alphintra.marketdata.internal.RecordingFormat.MAX_BLOCK_PAYLOAD;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_BAR;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_BOOK_DELTA;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_INSTRUMENT;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_MASK;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_TOP_OF_BOOK;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_TRADE;
import static io.alphintra.marketdata.internal.RecordingFormat.VERSION;
import static io.alphintra.marketdata.internal.RecordingFormat.getIntLE;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

import io.alphintra.marketdata.internal.Flyweights.MutableBar;
import io.alphintra.marketdata.internal.Flyweights.MutableBookDelta;
import io.alphintra.marketdata.internal.Flyweights.MutableTopOfBook;
import io.alphintra.marketdata.internal.Flyweights.MutableTrade;
import io.alphintra.marketdata.internal.RecordingFormat;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.Bar;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.BarType;
import io.alphintra.sdk.marketdata.BookSide;
import io.alphintra.sdk.marketdata.MarketDataListener;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;

/**
 * Reads a recording written by {@link MarketDataWriter}, record by record in the order written, streaming (one
 * block in memory at a time).
 *
 * <pre>{@code
 * try (MarketDataReader reader = MarketDataReader.open(file)) {
 *     reader.replay(listener);                 // or: while (reader.next()) { switch (reader.type()) ... }
 *     reader.truncation().ifPresent(log::warn);
 * }
 * }</pre>
 *
 * <p><b>Damage.</b> Every block is checked against its CRC-32C before any of its records is returned, so a damaged
 * block never yields a wrong record, and every record before it is read normally. A file that ends inside its last
 * block (a crash during a write) reads up to that block and then ends; {@link #truncation()} says where.
 * Anything else (a checksum mismatch, a missing block marker) throws a {@link RecordingCorruptedException} naming
 * the block, its byte offset and the number of intact records before it.
 *
 * <p>The events returned by {@link #trade()} and its siblings, and passed to the listener, are flyweights valid
 * until the next record; call {@code toRecord()} to keep one. Reading allocates nothing per record (bars whose spec
 * changes from the previous bar allocate the new spec). Not thread-safe.
 */
public final class MarketDataReader implements Closeable {

    private static final AggressorSide[] AGGRESSORS = {AggressorSide.UNKNOWN, AggressorSide.BUYER,
        AggressorSide.SELLER};
    private static final BarType[] BAR_TYPES = BarType.values();

    private final Path file;
    private final String name;
    private final InputStream in;
    private final CRC32C crc = new CRC32C();
    private final List<RecordedInstrument> instruments = new ArrayList<>();
    private final byte[] blockHeader = new byte[BLOCK_HEADER_BYTES];
    private byte[] payload = new byte[64 * 1024];

    private long offset;
    private long validBytes;
    private long blocks;
    private long blockOffset;
    private int payloadLength;
    private int pos;
    private int recordsLeftInBlock;
    private long records;
    private String truncation;
    private boolean ended;

    private int lastInstrument;
    private long lastTime;
    private long[] lastTradePrice = new long[8];
    private long[] lastBid = new long[8];
    private long[] lastBookPrice = new long[8];
    private long[] lastBarClose = new long[8];

    private RecordType type;
    private final MutableTrade trade = new MutableTrade();
    private final MutableTopOfBook topOfBook = new MutableTopOfBook();
    private final MutableBookDelta bookDelta = new MutableBookDelta();
    private final MutableBar bar = new MutableBar();
    private RecordedInstrument instrument;

    private MarketDataReader(Path file, InputStream in) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.in = in;
    }

    /**
     * Opens a recording and reads its header.
     *
     * @throws RecordingCorruptedException if the file is not a recording, is of a newer format version, or its
     *     header is damaged
     */
    public static MarketDataReader open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        MarketDataReader reader = new MarketDataReader(file, in);
        try {
            reader.readFileHeader();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return reader;
    }

    public Path file() {
        return file;
    }

    /** The dictionary as read so far: the header's instruments, then those defined by records read since. */
    public List<RecordedInstrument> instruments() {
        return Collections.unmodifiableList(instruments);
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the file, or at a torn last block (see {@link #truncation()})
     * @throws RecordingCorruptedException at a damaged block
     */
    public boolean next() throws IOException {
        while (true) {
            while (recordsLeftInBlock == 0) {
                if (ended || !readBlock()) {
                    ended = true;
                    type = null;
                    return false;
                }
            }
            recordsLeftInBlock--;
            if (decodeRecord()) {
                records++;
                return true;
            }
        }
    }

    /** The type of the current record. */
    public RecordType type() {
        requireRecord();
        return type;
    }

    /** The instrument of the current record, with its recorded scales. */
    public RecordedInstrument instrument() {
        requireRecord();
        return instrument;
    }

    /** The current record as a trade, valid until {@link #next()}. */
    public Trade trade() {
        requireType(RecordType.TRADE);
        return trade;
    }

    public TopOfBook topOfBook() {
        requireType(RecordType.TOP_OF_BOOK);
        return topOfBook;
    }

    public OrderBookDelta bookDelta() {
        requireType(RecordType.BOOK_DELTA);
        return bookDelta;
    }

    public Bar bar() {
        requireType(RecordType.BAR);
        return bar;
    }

    /**
     * Reads every remaining record into {@code listener}, in order, on this thread.
     *
     * @return the number of records replayed
     */
    public long replay(MarketDataListener listener) throws IOException {
        long count = 0;
        while (next()) {
            switch (type) {
                case TRADE -> listener.onTrade(trade);
                case TOP_OF_BOOK -> listener.onTopOfBook(topOfBook);
                case BOOK_DELTA -> listener.onBookDelta(bookDelta);
                case BAR -> listener.onBar(bar);
                default -> throw new IllegalStateException("unexpected record type " + type);
            }
            count++;
        }
        return count;
    }

    /** Records returned so far (instrument definitions are not records). */
    public long recordsRead() {
        return records;
    }

    /**
     * Where the file ends inside a block, once the reader got there: e.g. {@code day.amd: ends inside block 7 at
     * byte 458752 (payload 1200 of 65530 bytes): a torn write; the 70112 records before it are intact}. Empty
     * while the reader has not reached the end, or if the file ends cleanly.
     */
    public Optional<String> truncation() {
        return Optional.ofNullable(truncation);
    }

    /** Bytes from the start of the file to the end of the last complete, verified block read so far. */
    long validBytes() {
        return validBytes;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void readFileHeader() throws IOException {
        byte[] fixed = new byte[FILE_HEADER_FIXED_BYTES];
        int read = readFully(fixed, 0, fixed.length);
        if (read < 4 || getIntLE(fixed, 0) != FILE_MAGIC) {
            if (read == 0) {
                truncation = name + ": empty file (no header): nothing was recorded";
                ended = true;
                return;
            }
            throw new RecordingCorruptedException(name + ": not a market data recording (no AMDR magic at byte 0)");
        }
        if (read < fixed.length) {
            tornHeader();
            return;
        }
        int version = (fixed[4] & 0xFF) | (fixed[5] & 0xFF) << 8;
        if (version != VERSION) {
            throw new RecordingCorruptedException(name + ": format version " + version + ", this reader reads version "
                    + VERSION);
        }
        int dictionaryLength = getIntLE(fixed, 8);
        if (dictionaryLength < 0 || dictionaryLength > MAX_BLOCK_PAYLOAD) {
            throw new RecordingCorruptedException(name + ": header: implausible dictionary length "
                    + dictionaryLength);
        }
        byte[] rest = new byte[dictionaryLength + 4];
        if (readFully(rest, 0, rest.length) < rest.length) {
            tornHeader();
            return;
        }
        crc.reset();
        crc.update(fixed, 0, fixed.length);
        crc.update(rest, 0, dictionaryLength);
        int stored = getIntLE(rest, dictionaryLength);
        if ((int) crc.getValue() != stored) {
            throw new RecordingCorruptedException(name + ": header checksum mismatch (stored "
                    + hex(stored) + ", computed " + hex((int) crc.getValue()) + "): the header is damaged");
        }
        payload = rest.length > payload.length ? rest : payload;
        System.arraycopy(rest, 0, payload, 0, dictionaryLength);
        payloadLength = dictionaryLength;
        pos = 0;
        try {
            long count = readVarint();
            for (long i = 0; i < count; i++) {
                readInstrumentDefinition();
            }
            if (pos != payloadLength) {
                throw new IllegalStateException("dictionary has " + (payloadLength - pos) + " trailing bytes");
            }
        } catch (RuntimeException e) {
            throw new RecordingCorruptedException(name + ": header: bad dictionary: " + e.getMessage());
        }
        validBytes = offset;
        payloadLength = 0;
        pos = 0;
    }

    private void tornHeader() {
        truncation = name + ": ends inside the file header (" + offset + " bytes): nothing was recorded";
        ended = true;
    }

    /** Reads and verifies the next block; false at the end of the file or at a torn block. */
    private boolean readBlock() throws IOException {
        blockOffset = offset;
        long blockNumber = blocks + 1;
        int read = readFully(blockHeader, 0, BLOCK_HEADER_BYTES);
        if (read == 0) {
            return false;
        }
        if (read >= 4 && getIntLE(blockHeader, 0) != BLOCK_MARKER) {
            throw corrupted(blockNumber, "no block marker (found " + hex(getIntLE(blockHeader, 0)) + ")");
        }
        if (read < BLOCK_HEADER_BYTES) {
            torn(blockNumber, "header " + read + " of " + BLOCK_HEADER_BYTES + " bytes");
            return false;
        }
        int length = getIntLE(blockHeader, 4);
        int count = getIntLE(blockHeader, 8);
        if (length <= 0 || length > MAX_BLOCK_PAYLOAD || count <= 0 || count > length) {
            throw corrupted(blockNumber, "implausible length " + length + " or record count " + count);
        }
        if (payload.length < length) {
            payload = new byte[Math.max(length, payload.length * 2)];
        }
        read = readFully(payload, 0, length);
        if (read < length) {
            torn(blockNumber, "payload " + read + " of " + length + " bytes");
            return false;
        }
        crc.reset();
        crc.update(blockHeader, 4, 8);
        crc.update(payload, 0, length);
        int stored = getIntLE(blockHeader, 12);
        if ((int) crc.getValue() != stored) {
            throw corrupted(blockNumber, "checksum mismatch (stored " + hex(stored) + ", computed "
                    + hex((int) crc.getValue()) + ")");
        }
        blocks = blockNumber;
        validBytes = offset;
        payloadLength = length;
        pos = 0;
        recordsLeftInBlock = count;
        // Deltas restart in every block, so that each block decodes on its own.
        lastInstrument = -1;
        lastTime = 0;
        Arrays.fill(lastTradePrice, 0);
        Arrays.fill(lastBid, 0);
        Arrays.fill(lastBookPrice, 0);
        Arrays.fill(lastBarClose, 0);
        return true;
    }

    /** Decodes one record of the current block; false for an instrument definition. */
    private boolean decodeRecord() throws IOException {
        try {
            int tag = payload[pos++] & 0xFF;
            int kind = tag & TYPE_MASK;
            if (kind == TYPE_INSTRUMENT) {
                readInstrumentDefinition();
                return false;
            }
            if ((tag & FLAG_INSTRUMENT) != 0) {
                long index = readVarint();
                if (index >= instruments.size()) {
                    throw new IllegalStateException("instrument index " + index + " is not in the dictionary ("
                            + instruments.size() + " instruments)");
                }
                lastInstrument = (int) index;
            } else if (lastInstrument < 0) {
                throw new IllegalStateException("first record of the block names no instrument");
            }
            int index = lastInstrument;
            instrument = instruments.get(index);
            InstrumentId id = instrument.id();
            // Plain (wrapping) additions: the writer's subtractions wrap the same way, so extreme values round-trip.
            long eventTime = lastTime + readTimeDelta();
            lastTime = eventTime;
            long receiveTime = (tag & FLAG_RECEIVE_TIME) != 0 ? eventTime + readTimeDelta() : eventTime;
            int detail = tag >>> DETAIL_SHIFT & 0x07;
            switch (kind) {
                case TYPE_TRADE -> {
                    long price = lastTradePrice[index] + readSigned();
                    lastTradePrice[index] = price;
                    trade.instrumentId = id;
                    trade.price = price;
                    trade.quantity = readQuantity();
                    if (detail >= AGGRESSORS.length) {
                        throw new IllegalStateException("unknown aggressor code " + detail);
                    }
                    trade.aggressor = AGGRESSORS[detail];
                    trade.eventTimeNanos = eventTime;
                    trade.receiveTimeNanos = receiveTime;
                    type = RecordType.TRADE;
                }
                case TYPE_TOP_OF_BOOK -> {
                    long bid = lastBid[index] + readSigned();
                    lastBid[index] = bid;
                    topOfBook.instrumentId = id;
                    topOfBook.bidPrice = bid;
                    topOfBook.bidSize = readQuantity();
                    topOfBook.askPrice = bid + readSigned();
                    topOfBook.askSize = readQuantity();
                    topOfBook.eventTimeNanos = eventTime;
                    topOfBook.receiveTimeNanos = receiveTime;
                    type = RecordType.TOP_OF_BOOK;
                }
                case TYPE_BOOK_DELTA -> {
                    long price = lastBookPrice[index] + readSigned();
                    lastBookPrice[index] = price;
                    bookDelta.instrumentId = id;
                    bookDelta.side = (tag & FLAG_ASK) != 0 ? BookSide.ASK : BookSide.BID;
                    bookDelta.price = price;
                    bookDelta.size = readQuantity();
                    bookDelta.clearsBook = (tag & FLAG_CLEARS_BOOK) != 0;
                    bookDelta.endOfBatch = (tag & FLAG_END_OF_BATCH) != 0;
                    bookDelta.eventTimeNanos = eventTime;
                    bookDelta.receiveTimeNanos = receiveTime;
                    type = RecordType.BOOK_DELTA;
                }
                case TYPE_BAR -> {
                    if (detail >= BAR_TYPES.length) {
                        throw new IllegalStateException("unknown bar type code " + detail);
                    }
                    long size = readVarint();
                    long open = lastBarClose[index] + readSigned();
                    long close = open + readSigned();
                    long high = Math.max(open, close) + readVarint();
                    long low = Math.min(open, close) - readVarint();
                    lastBarClose[index] = close;
                    BarType barType = BAR_TYPES[detail];
                    if (bar.spec == null || bar.spec.type() != barType || bar.spec.size() != size) {
                        bar.spec = new BarSpec(barType, size);
                    }
                    bar.instrumentId = id;
                    bar.open = open;
                    bar.high = high;
                    bar.low = low;
                    bar.close = close;
                    bar.volume = readQuantity();
                    bar.endTimeNanos = eventTime;
                    bar.startTimeNanos = eventTime - readTimeDelta();
                    type = RecordType.BAR;
                }
                default -> throw new IllegalStateException("unknown record type " + kind);
            }
            if (pos > payloadLength || (recordsLeftInBlock == 0 && pos != payloadLength)) {
                throw new IllegalStateException("record count and payload length disagree");
            }
            return true;
        } catch (RuntimeException e) {
            // The block passed its checksum, so this is a writer bug or a newer format, not a disk error.
            throw corrupted(blocks, "undecodable record " + (records + 1) + ": " + e.getMessage());
        }
    }

    private void readInstrumentDefinition() {
        int length = (int) readVarint();
        if (length <= 0 || length > 64 || pos + length + 2 > payloadLength) {
            throw new IllegalStateException("bad instrument definition length " + length);
        }
        String text = new String(payload, pos, length, StandardCharsets.UTF_8);
        pos += length;
        int priceScale = payload[pos++];
        int quantityScale = payload[pos++];
        instruments.add(new RecordedInstrument(InstrumentId.parse(text), priceScale, quantityScale));
        if (instruments.size() > lastTradePrice.length) {
            int capacity = lastTradePrice.length * 2;
            lastTradePrice = Arrays.copyOf(lastTradePrice, capacity);
            lastBid = Arrays.copyOf(lastBid, capacity);
            lastBookPrice = Arrays.copyOf(lastBookPrice, capacity);
            lastBarClose = Arrays.copyOf(lastBarClose, capacity);
        }
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= payloadLength) {
                throw new IllegalStateException("record runs past the end of its block");
            }
            int b = payload[pos++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("varint longer than 10 bytes");
    }

    private long readSigned() {
        return RecordingFormat.unZigZag(readVarint());
    }

    /** A tagged varint (see RecordingFormat.putTagged); the tag is left in {@link #lastTag}. */
    private long readTagged(int tagBits) {
        if (pos >= payloadLength) {
            throw new IllegalStateException("record runs past the end of its block");
        }
        int first = payload[pos++] & 0xFF;
        lastTag = first & ((1 << tagBits) - 1);
        long value = (first & 0x7F) >>> tagBits;
        if ((first & 0x80) != 0) {
            value |= readVarint() << (7 - tagBits);
        }
        return value;
    }

    private int lastTag;

    private long readQuantity() {
        long mantissa = readTagged(3);
        return Math.multiplyExact(mantissa, RecordingFormat.powerOfTen(lastTag));
    }

    private long readTimeDelta() {
        long zigZagged = readTagged(2);
        return RecordingFormat.unZigZag(zigZagged) * RecordingFormat.timeUnit(lastTag);
    }

    private int readFully(byte[] buffer, int from, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, from + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        offset += total;
        return total;
    }

    private void torn(long blockNumber, String what) {
        truncation = name + ": ends inside block " + blockNumber + " at byte " + blockOffset + " (" + what
                + "): a torn write; the " + records + " records before it are intact";
    }

    private RecordingCorruptedException corrupted(long blockNumber, String what) {
        return new RecordingCorruptedException(name + ": block " + blockNumber + " at byte " + blockOffset + ": "
                + what + "; the block is damaged, the " + records + " records before it are intact");
    }

    private void requireRecord() {
        if (type == null) {
            throw new IllegalStateException("no current record: call next() first");
        }
    }

    private void requireType(RecordType expected) {
        requireRecord();
        if (type != expected) {
            throw new IllegalStateException("the current record is a " + type + ", not a " + expected);
        }
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }
}

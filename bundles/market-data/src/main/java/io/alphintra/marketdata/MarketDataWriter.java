package io.alphintra.marketdata;

import static io.alphintra.marketdata.internal.RecordingFormat.BLOCK_HEADER_BYTES;
import static io.alphintra.marketdata.internal.RecordingFormat.BLOCK_MARKER;
import static io.alphintra.marketdata.internal.RecordingFormat.DETAIL_SHIFT;
import static io.alphintra.marketdata.internal.RecordingFormat.FILE_MAGIC;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_ASK;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_CLEARS_BOOK;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_END_OF_BATCH;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_INSTRUMENT;
import static io.alphintra.marketdata.internal.RecordingFormat.FLAG_RECEIVE_TIME;
import static io.alphintra.marketdata.internal.RecordingFormat.MAX_RECORD_BYTES;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_BAR;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_BOOK_DELTA;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_INSTRUMENT;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_TOP_OF_BOOK;
import static io.alphintra.marketdata.internal.RecordingFormat.TYPE_TRADE;
import static io.alphintra.marketdata.internal.RecordingFormat.VERSION;
import static io.alphintra.marketdata.internal.RecordingFormat.putIntLE;
import static io.alphintra.marketdata.internal.RecordingFormat.putQuantity;
import static io.alphintra.marketdata.internal.RecordingFormat.putTimeDelta;
import static io.alphintra.marketdata.internal.RecordingFormat.putVarint;
import static io.alphintra.marketdata.internal.RecordingFormat.zigZag;

import io.alphintra.files.OwnerOnlyFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32C;

import io.alphintra.marketdata.internal.SessionWindows;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.Bar;
import io.alphintra.sdk.marketdata.BookSide;
import io.alphintra.sdk.marketdata.MarketDataListener;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;

/**
 * Records market data (trades, top of book, book deltas, bars) of registered instruments into the compact binary
 * format described in the module README, for replay with {@link MarketDataReader}.
 *
 * <pre>{@code
 * try (MarketDataWriter writer = MarketDataWriter.builder().instrument(btcUsd).openDaily(dir, "bitstamp", UTC)) {
 *     feed.subscribe(writer);          // a MarketDataListener: every event is appended
 * }
 * }</pre>
 *
 * <p>Records are collected in a block in memory and written when the block is full ({@code blockSize}), on
 * {@link #flush()} and on {@link #close()}: what was not flushed is lost in a crash, what was flushed survives a
 * crash of the process ({@link #sync()} also forces it to the disk). Opening an existing file appends to it: its
 * dictionary is read back (its instruments become registered), a torn last block left by a crash is cut off, and a
 * corrupted file is refused with a {@link RecordingCorruptedException}.
 *
 * <p>With {@link Builder#openDaily} the writer keeps one file per day of the records' event time in a zone
 * ({@code PREFIX-yyyy-MM-dd.amd}) and starts the next file at the first record of a new day. A late record of the
 * previous day stays in the current file.
 *
 * <p>Not thread-safe: one thread appends. Appending allocates nothing per record; instrument lookup is a hash
 * lookup, skipped when the instrument is the same object as the previous record's.
 */
public final class MarketDataWriter implements MarketDataListener, Closeable {

    /** Default block payload size: large enough to compress deltas well, small enough to lose little to damage. */
    public static final int DEFAULT_BLOCK_SIZE = 64 * 1024;

    /** File name extension of recordings. */
    public static final String EXTENSION = ".amd";

    private final List<RecordedInstrument> registered = new ArrayList<>();
    private final Map<InstrumentId, Integer> indexById = new HashMap<>();
    private final int blockSize;
    private final Path directory;
    private final String prefix;
    private final ZoneId zone;
    private final CRC32C crc = new CRC32C();

    private final byte[] header = new byte[BLOCK_HEADER_BYTES];
    private final byte[] payload;
    private final ByteBuffer[] blockBuffers;
    private int pos;
    private int recordsInBlock;

    private FileChannel channel;
    private boolean closed;
    private Path currentFile;
    private long dayEnd = Long.MIN_VALUE;
    /** Index of a registered instrument in the current file's dictionary, or -1 if not defined there yet. */
    private int[] fileIndex = new int[8];
    private int fileInstruments;

    private InstrumentId lastId;
    private int lastRegistered;
    private int blockInstrument;
    private long blockTime;
    private long[] lastTradePrice = new long[8];
    private long[] lastBid = new long[8];
    private long[] lastBookPrice = new long[8];
    private long[] lastBarClose = new long[8];

    private MarketDataWriter(Builder builder, Path directory, String prefix, ZoneId zone) {
        this.blockSize = builder.blockSize;
        this.directory = directory;
        this.prefix = prefix;
        this.zone = zone;
        this.payload = new byte[blockSize + MAX_RECORD_BYTES];
        this.blockBuffers = new ByteBuffer[] {ByteBuffer.wrap(header), ByteBuffer.wrap(payload)};
        for (RecordedInstrument instrument : builder.instruments) {
            register(instrument);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The daily file of {@code date}: {@code PREFIX-yyyy-MM-dd.amd}. */
    public static String dailyFileName(String prefix, LocalDate date) {
        return prefix + "-" + date + EXTENSION;
    }

    /** The file being written; null for a daily writer before its first record. */
    public Path currentFile() {
        return currentFile;
    }

    /**
     * Adds an instrument to the dictionary. Registering it again with the same scales does nothing.
     *
     * @throws IllegalArgumentException if it is registered with other scales
     */
    public void register(RecordedInstrument instrument) {
        Objects.requireNonNull(instrument, "instrument");
        Integer existing = indexById.get(instrument.id());
        if (existing != null) {
            RecordedInstrument known = registered.get(existing);
            if (!known.equals(instrument)) {
                throw new IllegalArgumentException("instrument " + instrument.id() + " is registered with price scale "
                        + known.priceScale() + " and quantity scale " + known.quantityScale() + ", not "
                        + instrument.priceScale() + " and " + instrument.quantityScale());
            }
            return;
        }
        int index = registered.size();
        registered.add(instrument);
        indexById.put(instrument.id(), index);
        if (index >= fileIndex.length) {
            fileIndex = Arrays.copyOf(fileIndex, fileIndex.length * 2);
        }
        fileIndex[index] = -1;
    }

    public void register(Instrument instrument) {
        register(RecordedInstrument.of(instrument));
    }

    /**
     * Appends a trade.
     *
     * @throws IllegalArgumentException if its instrument is not registered or its quantity is not positive
     */
    public void append(Trade trade) throws IOException {
        long quantity = trade.quantity();
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity = " + quantity + ": must be positive");
        }
        int index = begin(trade.instrumentId(), TYPE_TRADE, aggressorCode(trade.aggressor()), trade.eventTimeNanos(),
                trade.receiveTimeNanos());
        long price = trade.price();
        pos = putVarint(payload, pos, zigZag(price - lastTradePrice[index]));
        lastTradePrice[index] = price;
        pos = putQuantity(payload, pos, quantity);
        end();
    }

    /** Appends a top of book. */
    public void append(TopOfBook top) throws IOException {
        long bidSize = requireSize("bidSize", top.bidSize());
        long askSize = requireSize("askSize", top.askSize());
        int index = begin(top.instrumentId(), TYPE_TOP_OF_BOOK, 0, top.eventTimeNanos(), top.receiveTimeNanos());
        long bid = top.bidPrice();
        pos = putVarint(payload, pos, zigZag(bid - lastBid[index]));
        lastBid[index] = bid;
        pos = putQuantity(payload, pos, bidSize);
        pos = putVarint(payload, pos, zigZag(top.askPrice() - bid));
        pos = putQuantity(payload, pos, askSize);
        end();
    }

    /** Appends an order book delta. */
    public void append(OrderBookDelta delta) throws IOException {
        long size = requireSize("size", delta.size());
        int flags = (delta.side() == BookSide.ASK ? FLAG_ASK : 0) | (delta.clearsBook() ? FLAG_CLEARS_BOOK : 0)
                | (delta.endOfBatch() ? FLAG_END_OF_BATCH : 0);
        int index = begin(delta.instrumentId(), TYPE_BOOK_DELTA, flags >>> DETAIL_SHIFT, delta.eventTimeNanos(),
                delta.receiveTimeNanos());
        long price = delta.price();
        pos = putVarint(payload, pos, zigZag(price - lastBookPrice[index]));
        lastBookPrice[index] = price;
        pos = putQuantity(payload, pos, size);
        end();
    }

    /** Appends a bar; its record time is the bar's end, when it became known. */
    public void append(Bar bar) throws IOException {
        long volume = requireSize("volume", bar.volume());
        long open = bar.open();
        long close = bar.close();
        long high = bar.high();
        long low = bar.low();
        if (high < Math.max(open, close) || low > Math.min(open, close)) {
            throw new IllegalArgumentException("high = " + high + ", low = " + low + ": must bound open = " + open
                    + " and close = " + close);
        }
        int index = begin(bar.instrumentId(), TYPE_BAR, bar.spec().type().ordinal(), bar.endTimeNanos(),
                bar.endTimeNanos());
        pos = putVarint(payload, pos, bar.spec().size());
        pos = putVarint(payload, pos, zigZag(open - lastBarClose[index]));
        pos = putVarint(payload, pos, zigZag(close - open));
        pos = putVarint(payload, pos, high - Math.max(open, close));
        pos = putVarint(payload, pos, Math.min(open, close) - low);
        lastBarClose[index] = close;
        pos = putQuantity(payload, pos, volume);
        pos = putTimeDelta(payload, pos, bar.endTimeNanos() - bar.startTimeNanos());
        end();
    }

    /** Writes the open block to the file (the operating system's cache); records appended so far survive a crash of the process. */
    public void flush() throws IOException {
        if (recordsInBlock > 0) {
            writeBlock();
        }
    }

    /** {@link #flush()}, then forces the file to the storage device. */
    public void sync() throws IOException {
        flush();
        if (channel != null) {
            channel.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        closeFile();
    }

    private void closeFile() throws IOException {
        if (channel != null) {
            try {
                flush();
            } finally {
                channel.close();
                channel = null;
            }
        }
    }

    @Override
    public void onTrade(Trade trade) {
        try {
            append(trade);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onTopOfBook(TopOfBook topOfBook) {
        try {
            append(topOfBook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onBookDelta(OrderBookDelta delta) {
        try {
            append(delta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onBar(Bar bar) {
        try {
            append(bar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a record: rolls the file if needed, defines the instrument in it, writes tag and times. */
    private int begin(InstrumentId id, int type, int detail, long eventTime, long receiveTime) throws IOException {
        int registeredIndex;
        if (id == lastId) {
            registeredIndex = lastRegistered;
        } else {
            Integer found = indexById.get(id);
            if (found == null) {
                throw new IllegalArgumentException("instrument " + id + " is not registered with this writer");
            }
            registeredIndex = found;
            lastId = id;
            lastRegistered = registeredIndex;
        }
        if (closed) {
            throw new IOException("the writer is closed");
        }
        if (directory != null && (eventTime >= dayEnd || channel == null)) {
            rollTo(eventTime);
        }
        int index = fileIndex[registeredIndex];
        if (index < 0) {
            index = define(registeredIndex);
        }
        boolean receiveDiffers = receiveTime != eventTime;
        boolean sameInstrument = index == blockInstrument;
        payload[pos++] = (byte) (type | (receiveDiffers ? FLAG_RECEIVE_TIME : 0) | detail << DETAIL_SHIFT
                | (sameInstrument ? 0 : FLAG_INSTRUMENT));
        if (!sameInstrument) {
            pos = putVarint(payload, pos, index);
            blockInstrument = index;
        }
        pos = putTimeDelta(payload, pos, eventTime - blockTime);
        blockTime = eventTime;
        if (receiveDiffers) {
            pos = putTimeDelta(payload, pos, receiveTime - eventTime);
        }
        return index;
    }

    private void end() throws IOException {
        recordsInBlock++;
        if (pos >= blockSize) {
            writeBlock();
        }
    }

    /** Writes an instrument definition record; returns the instrument's index in the file. */
    private int define(int registeredIndex) throws IOException {
        RecordedInstrument instrument = registered.get(registeredIndex);
        int index = fileInstruments++;
        ensureStateCapacity(fileInstruments);
        fileIndex[registeredIndex] = index;
        byte[] text = instrument.id().toString().getBytes(StandardCharsets.UTF_8);
        payload[pos++] = (byte) TYPE_INSTRUMENT;
        pos = putVarint(payload, pos, text.length);
        System.arraycopy(text, 0, payload, pos, text.length);
        pos += text.length;
        payload[pos++] = (byte) instrument.priceScale();
        payload[pos++] = (byte) instrument.quantityScale();
        end();
        return index;
    }

    private void writeBlock() throws IOException {
        putIntLE(header, 0, BLOCK_MARKER);
        putIntLE(header, 4, pos);
        putIntLE(header, 8, recordsInBlock);
        crc.reset();
        crc.update(header, 4, 8);
        crc.update(payload, 0, pos);
        putIntLE(header, 12, (int) crc.getValue());
        blockBuffers[0].clear();
        blockBuffers[1].clear().limit(pos);
        while (blockBuffers[1].hasRemaining()) {
            channel.write(blockBuffers);
        }
        pos = 0;
        recordsInBlock = 0;
        resetBlockState();
    }

    private void resetBlockState() {
        blockInstrument = -1;
        blockTime = 0;
        Arrays.fill(lastTradePrice, 0);
        Arrays.fill(lastBid, 0);
        Arrays.fill(lastBookPrice, 0);
        Arrays.fill(lastBarClose, 0);
    }

    private void rollTo(long eventTime) throws IOException {
        if (channel != null && eventTime < dayEnd) {
            return;
        }
        LocalDate day = SessionWindows.toInstant(eventTime).atZone(zone).toLocalDate();
        closeFile();
        dayEnd = SessionWindows.toNanos(day.plusDays(1).atStartOfDay(zone));
        openFile(directory.resolve(dailyFileName(prefix, day)));
    }

    /** Opens {@code file}: creates it with a header listing every registered instrument, or appends to it. */
    private void openFile(Path file) throws IOException {
        Arrays.fill(fileIndex, -1);
        fileInstruments = 0;
        pos = 0;
        recordsInBlock = 0;
        resetBlockState();
        long validEnd = 0;
        if (Files.exists(file) && Files.size(file) > 0) {
            try (MarketDataReader reader = MarketDataReader.open(file)) {
                while (reader.next()) {
                    // Reading every block verifies it and collects the instruments defined along the way.
                }
                validEnd = reader.validBytes();
                for (RecordedInstrument recorded : reader.instruments()) {
                    int index = fileInstruments++;
                    ensureStateCapacity(fileInstruments);
                    Integer mine = indexById.get(recorded.id());
                    if (mine == null) {
                        // An instrument the file already has is known well enough to record more of it.
                        register(recorded);
                        mine = indexById.get(recorded.id());
                    } else {
                        if (!registered.get(mine).equals(recorded)) {
                            throw new IllegalArgumentException(file.getFileName() + ": " + recorded.id()
                                    + " is recorded there with price scale " + recorded.priceScale()
                                    + " and quantity scale " + recorded.quantityScale() + ", this writer has "
                                    + registered.get(mine).priceScale() + " and " + registered.get(mine).quantityScale());
                        }
                    }
                    fileIndex[mine] = index;
                }
            }
        }
        // Recordings show what the node traded on and when: the node's user's alone, like its journal.
        channel = OwnerOnlyFiles.open(file);
        currentFile = file;
        if (validEnd > 0) {
            // Cut off a torn last block, then continue after the last good one.
            channel.truncate(validEnd);
            channel.position(validEnd);
            return;
        }
        channel.truncate(0);
        writeFileHeader();
    }

    private void writeFileHeader() throws IOException {
        byte[] dictionary = new byte[16 + registered.size() * MAX_RECORD_BYTES];
        int length = putVarint(dictionary, 0, registered.size());
        for (int i = 0; i < registered.size(); i++) {
            RecordedInstrument instrument = registered.get(i);
            byte[] text = instrument.id().toString().getBytes(StandardCharsets.UTF_8);
            length = putVarint(dictionary, length, text.length);
            System.arraycopy(text, 0, dictionary, length, text.length);
            length += text.length;
            dictionary[length++] = (byte) instrument.priceScale();
            dictionary[length++] = (byte) instrument.quantityScale();
            fileIndex[i] = fileInstruments++;
        }
        ensureStateCapacity(fileInstruments);
        byte[] bytes = new byte[12 + length + 4];
        putIntLE(bytes, 0, FILE_MAGIC);
        bytes[4] = (byte) VERSION;
        bytes[5] = (byte) (VERSION >>> 8);
        putIntLE(bytes, 8, length);
        System.arraycopy(dictionary, 0, bytes, 12, length);
        crc.reset();
        crc.update(bytes, 0, 12 + length);
        putIntLE(bytes, 12 + length, (int) crc.getValue());
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void ensureStateCapacity(int instruments) {
        if (instruments > lastTradePrice.length) {
            int capacity = Math.max(instruments, lastTradePrice.length * 2);
            lastTradePrice = Arrays.copyOf(lastTradePrice, capacity);
            lastBid = Arrays.copyOf(lastBid, capacity);
            lastBookPrice = Arrays.copyOf(lastBookPrice, capacity);
            lastBarClose = Arrays.copyOf(lastBarClose, capacity);
        }
    }

    private static int aggressorCode(AggressorSide side) {
        return switch (side) {
            case BUYER -> 1;
            case SELLER -> 2;
            default -> 0;
        };
    }

    private static long requireSize(String field, long size) {
        if (size < 0) {
            throw new IllegalArgumentException(field + " = " + size + ": must not be negative");
        }
        return size;
    }

    /** Configures a {@link MarketDataWriter}. */
    public static final class Builder {

        private final List<RecordedInstrument> instruments = new ArrayList<>();
        private int blockSize = DEFAULT_BLOCK_SIZE;

        private Builder() {
        }

        /** Registers an instrument up front, so that it is in every file's header. */
        public Builder instrument(RecordedInstrument instrument) {
            instruments.add(Objects.requireNonNull(instrument, "instrument"));
            return this;
        }

        public Builder instrument(Instrument instrument) {
            return instrument(RecordedInstrument.of(instrument));
        }

        public Builder instrument(InstrumentId id, int priceScale, int quantityScale) {
            return instrument(new RecordedInstrument(id, priceScale, quantityScale));
        }

        /**
         * Payload bytes per block, 256 B to 16 MiB; {@value MarketDataWriter#DEFAULT_BLOCK_SIZE} by default. A block
         * is the unit of checksumming: damage costs at most one block's records.
         */
        public Builder blockSize(int bytes) {
            if (bytes < 256 || bytes > (16 << 20) - MAX_RECORD_BYTES) {
                throw new IllegalArgumentException("blockSize = " + bytes + ": must be between 256 and 16 MiB");
            }
            this.blockSize = bytes;
            return this;
        }

        /** Writes to {@code file}: creates it, or appends to it if it exists. */
        public MarketDataWriter open(Path file) throws IOException {
            Objects.requireNonNull(file, "file");
            MarketDataWriter writer = new MarketDataWriter(this, null, null, null);
            writer.openFile(file);
            return writer;
        }

        /**
         * Writes one file per day of event time in {@code zone}, {@code directory/PREFIX-yyyy-MM-dd.amd}, each
         * created at its day's first record (or appended to, if it exists).
         */
        public MarketDataWriter openDaily(Path directory, String prefix, ZoneId zone) throws IOException {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(zone, "zone");
            OwnerOnlyFiles.createDirectories(directory);
            return new MarketDataWriter(this, directory, prefix, zone);
        }
    }
}

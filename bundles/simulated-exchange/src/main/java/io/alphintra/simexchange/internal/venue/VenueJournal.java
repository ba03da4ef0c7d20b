package io.alphintra.simexchange.internal.venue;

import io.alphintra.files.OwnerOnlyFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.Liquidity;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.order.OrderType;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.order.TimeInForce;

/**
 * A venue's state on disk: one append-only file, {@code journal.log}, in the venue's own folder. The venue writes a
 * record before it reports what the record says, so a killed node loses nothing that the host was told:
 *
 * <ul>
 *   <li>{@code ORDER}: a host order as it stands after an event (accepted, replaced, filled, ended); a terminal
 *       status means the order is gone from the book;</li>
 *   <li>{@code REPORT}: an execution report of the history ({@link ExecutionHistory#keeps}), exactly as sent;</li>
 *   <li>{@code HALT}, {@code RESUME}: an instrument halted by an operator, or resumed;</li>
 *   <li>{@code GENERATION}: written at each start, numbering the venue's runs so that execution ids never repeat
 *       across restarts, with the next order id and the venue time.</li>
 * </ul>
 *
 * <p>The file starts with a magic number and a version; each record is framed as its length, a CRC-32C of its
 * bytes, then a type byte and the fields (strings as UTF-8 with a length, enums by name). Reading stops at the
 * first record that is cut short or fails its checksum, the torn tail a killed writer leaves: what came before is
 * kept, the rest is cut off the file, and a warning names the file and the offset. A record that is whole but cannot
 * be understood is skipped with a warning.
 *
 * <p>At each start and each end of a trading day the venue compacts the journal: it writes what is still live (the
 * working orders, the history within its bounds, the halts) to a new file, forces it to the disk, and renames it
 * over the old one, so the file holds about a day's records. Appends are written to the operating system before the
 * venue reports (a killed JVM loses nothing); with {@code sync} they are also forced to the disk (a power loss
 * loses nothing, at the price of a disk flush per report). The folder is created owner-only ({@code rwx------}) and
 * the files {@code rw-------} where the file system has POSIX permissions.
 *
 * <p>Encoding reuses one direct buffer and allocates nothing per record. Not thread-safe: the venue thread owns it.
 */
final class VenueJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VenueJournal.class);

    static final String FILE_NAME = "journal.log";
    private static final int MAGIC = 0x41535631; // "ASV1"
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 8;
    private static final int FRAME_BYTES = 8;
    /** Far above the largest record (a report with the longest text, ~5 KiB): a longer length is damage. */
    private static final int MAX_RECORD_BYTES = 64 * 1024;
    private static final int BUFFER_BYTES = 256 * 1024;

    private static final byte GENERATION = 1;
    private static final byte ORDER = 2;
    private static final byte REPORT = 3;
    private static final byte HALT = 4;
    private static final byte RESUME = 5;

    private final Path directory;
    private final Path file;
    private final boolean sync;
    private final String venueId;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final CRC32C crc = new CRC32C();
    private FileChannel channel;
    private int recordStart = -1;
    private State restored;

    private VenueJournal(Path directory, boolean sync, String venueId) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.sync = sync;
        this.venueId = venueId;
    }

    /** A working host order as the journal last recorded it. */
    record OrderRecord(long bookOrderId, String venueOrderId, String symbol, ClientOrderId clientOrderId,
            String accountId, Side side, OrderType type, TimeInForce timeInForce, long quantity, long limitPrice,
            long stopPrice, long cumQuantity, long cumPriceQuantity, OrderStatus status, long timeNanos) {
    }

    /**
     * What a journal held when it was opened.
     *
     * @param generation the last run's number, 0 for a new journal
     * @param nextOrderId no order id below it was used by a host order
     * @param lastTimeNanos the latest venue time recorded, 0 for a new journal
     * @param orders the working host orders by book order id, in the order they first arrived
     * @param reports the execution history, in venue order
     * @param halts halted instruments: symbol to reason, in the order they were halted
     */
    record State(long generation, long nextOrderId, long lastTimeNanos, Map<Long, OrderRecord> orders,
            List<ExecutionReport> reports, Map<String, String> halts) {
    }

    /**
     * Opens (creating it owner-only if need be) the journal in {@code directory} and reads it. A damaged tail is
     * cut off with a warning; a file that is not a journal at all is renamed aside with a warning. Appends go after
     * the last whole record.
     *
     * @throws IOException when the folder or the file cannot be created, read or written
     */
    static VenueJournal open(Path directory, boolean sync, String venueId) throws IOException {
        VenueJournal journal = new VenueJournal(directory, sync, venueId);
        journal.openAndRead();
        return journal;
    }

    /** What the journal held when it was opened; the journal lets go of it. */
    State takeRestored() {
        State state = restored;
        restored = null;
        return state;
    }

    Path file() {
        return file;
    }

    private void openAndRead() throws IOException {
        OwnerOnlyFiles.createDirectories(directory);
        long goodLength = 0;
        State state = new State(0, 1, 0, new LinkedHashMap<>(), new ArrayList<>(), new LinkedHashMap<>());
        if (Files.exists(file)) {
            Read read = read(file);
            if (read.notAJournal) {
                Path aside = directory.resolve(FILE_NAME + ".unreadable-" + System.currentTimeMillis());
                Files.move(file, aside);
                LOG.warn("Venue {}: {} is not a venue journal (no journal header); moved it to {} and started with"
                        + " an empty book", venueId, file, aside);
            } else if (read.state != null) {
                state = read.state;
                goodLength = read.goodLength;
            }
        }
        channel = OwnerOnlyFiles.open(file, StandardOpenOption.READ);
        if (channel.size() > goodLength) {
            channel.truncate(goodLength);
        }
        if (goodLength == 0) {
            buffer.clear();
            buffer.putInt(MAGIC).putInt(VERSION);
            drain(channel);
            channel.force(true);
        }
        channel.position(channel.size());
        restored = state;
    }

    // ---- appends ----------------------------------------------------------------------------------------------

    /** Records the start of a run. */
    void generation(long generation, long nextOrderId, long timeNanos) {
        begin(GENERATION);
        buffer.putLong(generation).putLong(nextOrderId).putLong(timeNanos);
        end();
    }

    /** Records a host order as it stands now. */
    void order(HostOrder order, long timeNanos) {
        order(order.bookOrderId, order.venueOrderId, order.instrument.id().symbol(), order.clientOrderId,
                order.accountId, order.side, order.type, order.timeInForce, order.quantity, order.limitPrice,
                order.stopPrice, order.cumQuantity, order.cumPriceQuantity, order.status, timeNanos);
    }

    private void order(long bookOrderId, String venueOrderId, String symbol, ClientOrderId clientOrderId,
            String accountId, Side side, OrderType type, TimeInForce timeInForce, long quantity, long limitPrice,
            long stopPrice, long cumQuantity, long cumPriceQuantity, OrderStatus status, long timeNanos) {
        begin(ORDER);
        buffer.putLong(bookOrderId);
        putString(venueOrderId);
        putString(symbol);
        putString(clientOrderId.value());
        putString(accountId);
        putString(side.name());
        putString(type.name());
        putString(timeInForce.name());
        buffer.putLong(quantity).putLong(limitPrice).putLong(stopPrice).putLong(cumQuantity)
                .putLong(cumPriceQuantity);
        putString(status.name());
        buffer.putLong(timeNanos);
        end();
    }

    /**
     * Records an order the journal held, with {@code status}: as it was (compaction), or ended without reaching a
     * book (a restart found it invalid).
     */
    void order(OrderRecord order, OrderStatus status, long timeNanos) {
        order(order.bookOrderId, order.venueOrderId, order.symbol, order.clientOrderId, order.accountId, order.side,
                order.type, order.timeInForce, order.quantity, order.limitPrice, order.stopPrice, order.cumQuantity,
                order.cumPriceQuantity, status, timeNanos);
    }

    /** Records an execution report of the history. */
    void report(ExecutionReport report) {
        begin(REPORT);
        putString(report.clientOrderId().value());
        putString(report.originalClientOrderId() == null ? null : report.originalClientOrderId().value());
        putString(report.venueOrderId());
        putString(report.execId());
        putString(report.instrumentId().symbol());
        putString(report.instrumentId().venueId());
        putString(report.side().name());
        putString(report.execType().name());
        putString(report.status().name());
        buffer.putLong(report.orderQuantity()).putLong(report.lastQuantity()).putLong(report.lastPrice())
                .putLong(report.cumQuantity()).putLong(report.leavesQuantity()).putLong(report.cumPriceQuantity());
        putString(report.liquidity().name());
        Money fee = report.fee();
        putString(fee == null ? null : fee.currency().code());
        buffer.putLong(fee == null ? 0 : fee.mantissa()).putInt(fee == null ? 0 : fee.scale());
        putString(report.rejectReason() == null ? null : report.rejectReason().name());
        putString(report.text());
        buffer.putLong(report.transactTimeNanos()).putLong(report.receiveTimeNanos());
        end();
    }

    /** Records that an instrument was halted ({@code reason} non-null) or resumed ({@code reason} null). */
    void halt(String symbol, String reason) {
        begin(reason == null ? RESUME : HALT);
        putString(symbol);
        if (reason != null) {
            putString(reason);
        }
        end();
    }

    /**
     * Writes the records encoded since the last commit to the file, and forces them to the disk with {@code sync};
     * the venue reports only after this returned.
     *
     * @throws IOException when the write fails; the records are then lost and the file may end in a torn record
     */
    void commit() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        drain(channel);
        if (sync) {
            channel.force(false);
        }
    }

    /** Drops records encoded but not committed (a failed command). */
    void discard() {
        buffer.clear();
        recordStart = -1;
    }

    // ---- compaction -------------------------------------------------------------------------------------------

    /**
     * Replaces the journal with one holding only {@code orders}, {@code reports} and {@code halts} under
     * {@code generation}: written to a new file, forced to the disk and renamed over the old one, so that a crash at
     * any point leaves one whole journal. On failure the old file stays and appends go on there.
     *
     * @throws IOException when the new journal could not be put in place (the old one is untouched)
     * @throws UncheckedIOException when the new journal is in place but cannot be opened: the journal is unusable
     */
    void compact(long generation, long nextOrderId, long timeNanos, Collection<HostOrder> orders,
            Collection<OrderRecord> restored, Iterable<ExecutionReport> reports, Map<String, String> halts)
            throws IOException {
        discard();
        Path next = directory.resolve(FILE_NAME + ".next");
        Files.deleteIfExists(next);
        try (FileChannel out = OwnerOnlyFiles.createNew(next)) {
            buffer.putInt(MAGIC).putInt(VERSION);
            generation(generation, nextOrderId, timeNanos);
            for (HostOrder order : orders) {
                order(order, timeNanos);
                drainIfFull(out);
            }
            for (OrderRecord order : restored) {
                order(order, order.status, order.timeNanos);
                drainIfFull(out);
            }
            for (ExecutionReport report : reports) {
                report(report);
                drainIfFull(out);
            }
            for (Map.Entry<String, String> halt : halts.entrySet()) {
                halt(halt.getKey(), halt.getValue());
                drainIfFull(out);
            }
            drain(out);
            out.force(true);
        } catch (IOException | RuntimeException e) {
            discard();
            Files.deleteIfExists(next);
            throw e;
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory();
        FileChannel reopened;
        try {
            reopened = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            reopened.position(reopened.size());
        } catch (IOException e) {
            // The old file is gone from the folder: appending to it would write where no restart reads.
            throw new UncheckedIOException("reopening " + file + " after compacting it", e);
        }
        FileChannel old = channel;
        channel = reopened;
        try {
            old.close();
        } catch (IOException e) {
            LOG.warn("Venue {}: closing the journal replaced by its compaction failed", venueId, e);
        }
    }

    @Override
    public void close() {
        discard();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Venue {}: closing {} failed", venueId, file, e);
        }
    }

    // ---- encoding ---------------------------------------------------------------------------------------------

    private void begin(byte type) {
        recordStart = buffer.position();
        buffer.position(recordStart + FRAME_BYTES);
        buffer.put(type);
    }

    private void end() {
        int payloadStart = recordStart + FRAME_BYTES;
        int end = buffer.position();
        // The checksum reads the payload in place: the buffer's window narrowed to it, then restored.
        buffer.limit(end).position(payloadStart);
        crc.reset();
        crc.update(buffer);
        buffer.limit(buffer.capacity());
        buffer.putInt(recordStart, end - payloadStart).putInt(recordStart + 4, (int) crc.getValue());
        recordStart = -1;
    }

    /** A string as its UTF-8 length (-1 for null) and bytes, encoded in place without allocating. */
    private void putString(String value) {
        if (value == null) {
            buffer.putInt(-1);
            return;
        }
        int lengthAt = buffer.position();
        buffer.putInt(0);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                buffer.put((byte) c);
            } else if (c < 0x800) {
                buffer.put((byte) (0xC0 | c >> 6)).put((byte) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                buffer.put((byte) (0xF0 | code >> 18)).put((byte) (0x80 | code >> 12 & 0x3F))
                        .put((byte) (0x80 | code >> 6 & 0x3F)).put((byte) (0x80 | code & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buffer.put((byte) '?'); // a lone surrogate has no UTF-8 form; String.getBytes writes '?' as well
            } else {
                buffer.put((byte) (0xE0 | c >> 12)).put((byte) (0x80 | c >> 6 & 0x3F)).put((byte) (0x80 | c & 0x3F));
            }
        }
        buffer.putInt(lengthAt, buffer.position() - lengthAt - 4);
    }

    /** Compaction writes in chunks: keeps room for the largest record. */
    private void drainIfFull(FileChannel out) throws IOException {
        if (buffer.remaining() < MAX_RECORD_BYTES) {
            drain(out);
        }
    }

    private void drain(FileChannel out) throws IOException {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        } finally {
            buffer.clear();
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a folder; the rename is then as durable as that file system makes it.
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    private record Read(State state, long goodLength, boolean notAJournal) {
    }

    private Read read(Path path) throws IOException {
        long size = Files.size(path);
        Map<Long, OrderRecord> orders = new LinkedHashMap<>();
        List<ExecutionReport> reports = new ArrayList<>();
        Map<String, String> halts = new LinkedHashMap<>();
        long generation = 0;
        long nextOrderId = 1;
        long lastTime = 0;
        long offset;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path),
                1 << 16))) {
            if (size < HEADER_BYTES) {
                if (size > 0) {
                    LOG.warn("Venue {}: journal {} is damaged at offset 0 (a header of {} of {} bytes);"
                            + " starting it again", venueId, path, size, HEADER_BYTES);
                }
                return new Read(null, 0, false);
            }
            int magic = in.readInt();
            int version = in.readInt();
            if (magic != MAGIC || version != VERSION) {
                return new Read(null, 0, true);
            }
            offset = HEADER_BYTES;
            byte[] payload = new byte[256];
            int records = 0;
            while (offset < size) {
                String damage = null;
                int length = 0;
                int checksum = 0;
                if (size - offset < FRAME_BYTES) {
                    damage = "a record frame cut short (" + (size - offset) + " of " + FRAME_BYTES + " bytes)";
                } else {
                    length = in.readInt();
                    checksum = in.readInt();
                    if (length < 1 || length > MAX_RECORD_BYTES) {
                        damage = "a record length of " + length + " bytes";
                    } else if (size - offset - FRAME_BYTES < length) {
                        damage = "a record cut short (" + (size - offset - FRAME_BYTES) + " of " + length
                                + " bytes)";
                    }
                }
                if (damage == null) {
                    if (payload.length < length) {
                        payload = new byte[Math.max(length, payload.length * 2)];
                    }
                    in.readFully(payload, 0, length);
                    crc.reset();
                    crc.update(payload, 0, length);
                    if ((int) crc.getValue() != checksum) {
                        damage = "a record failing its checksum";
                    }
                }
                if (damage != null) {
                    LOG.warn("Venue {}: journal {} is damaged at offset {}: {}; keeping the {} whole records before"
                            + " it and cutting off the last {} bytes", venueId, path, offset, damage, records,
                            size - offset);
                    break;
                }
                ByteBuffer record = ByteBuffer.wrap(payload, 0, length);
                try {
                    byte type = record.get();
                    switch (type) {
                        case GENERATION -> {
                            generation = Math.max(generation, record.getLong());
                            nextOrderId = Math.max(nextOrderId, record.getLong());
                            lastTime = Math.max(lastTime, record.getLong());
                        }
                        case ORDER -> {
                            OrderRecord order = readOrder(record);
                            nextOrderId = Math.max(nextOrderId, order.bookOrderId + 1);
                            lastTime = Math.max(lastTime, order.timeNanos);
                            if (order.status.isTerminal()) {
                                orders.remove(order.bookOrderId);
                            } else {
                                orders.put(order.bookOrderId, order);
                            }
                        }
                        case REPORT -> {
                            ExecutionReport report = readReport(record);
                            lastTime = Math.max(lastTime, report.transactTimeNanos());
                            reports.add(report);
                        }
                        case HALT -> halts.put(getString(record), getString(record));
                        case RESUME -> halts.remove(getString(record));
                        default -> throw new IllegalArgumentException("unknown record type " + type);
                    }
                } catch (RuntimeException e) {
                    // Whole (its checksum holds) but not understood, e.g. a value the reports' checks refuse.
                    LOG.warn("Venue {}: journal {}: skipped the record at offset {} ({} bytes), which cannot be"
                            + " read: {}", venueId, path, offset, length, e.toString());
                }
                records++;
                offset += FRAME_BYTES + length;
            }
        } catch (EOFException e) {
            throw new IOException("journal " + path + " shrank while it was read", e);
        }
        return new Read(new State(generation, nextOrderId, lastTime, orders, reports, halts), offset, false);
    }

    private static OrderRecord readOrder(ByteBuffer in) {
        long bookOrderId = in.getLong();
        String venueOrderId = getString(in);
        String symbol = getString(in);
        ClientOrderId clientOrderId = ClientOrderId.of(getString(in));
        String accountId = getString(in);
        Side side = Side.valueOf(getString(in));
        OrderType type = OrderType.valueOf(getString(in));
        TimeInForce timeInForce = TimeInForce.valueOf(getString(in));
        long quantity = in.getLong();
        long limitPrice = in.getLong();
        long stopPrice = in.getLong();
        long cumQuantity = in.getLong();
        long cumPriceQuantity = in.getLong();
        OrderStatus status = OrderStatus.valueOf(getString(in));
        long time = in.getLong();
        return new OrderRecord(bookOrderId, venueOrderId, symbol, clientOrderId, accountId, side, type, timeInForce,
                quantity, limitPrice, stopPrice, cumQuantity, cumPriceQuantity, status, time);
    }

    private static ExecutionReport readReport(ByteBuffer in) {
        ExecutionReport.Builder builder = ExecutionReport.builder().clientOrderId(ClientOrderId.of(getString(in)));
        String original = getString(in);
        builder.originalClientOrderId(original == null ? null : ClientOrderId.of(original))
                .venueOrderId(getString(in)).execId(getString(in))
                .instrumentId(InstrumentId.of(getString(in), getString(in))).side(Side.valueOf(getString(in)))
                .execType(ExecType.valueOf(getString(in))).status(OrderStatus.valueOf(getString(in)))
                .orderQuantity(in.getLong()).lastQuantity(in.getLong()).lastPrice(in.getLong())
                .cumQuantity(in.getLong()).leavesQuantity(in.getLong()).cumPriceQuantity(in.getLong())
                .liquidity(Liquidity.valueOf(getString(in)));
        String feeCurrency = getString(in);
        long feeMantissa = in.getLong();
        int feeScale = in.getInt();
        builder.fee(feeCurrency == null ? null : Money.of(Currency.of(feeCurrency), feeMantissa, feeScale));
        String reason = getString(in);
        return builder.rejectReason(reason == null ? null : RejectReason.valueOf(reason)).text(getString(in))
                .transactTimeNanos(in.getLong()).receiveTimeNanos(in.getLong()).build();
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a string of " + length + " bytes where " + in.remaining()
                    + " are left");
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}

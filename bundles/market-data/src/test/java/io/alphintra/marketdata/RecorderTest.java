package io.alphintra.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.Bar;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.BarType;
import io.alphintra.sdk.marketdata.BookSide;
import io.alphintra.sdk.marketdata.MarketDataListener;
import io.alphintra.sdk.marketdata.OrderBookDelta;
import io.alphintra.sdk.marketdata.OrderBookDeltaRecord;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.testdata.TestData;

class RecorderTest {

    private static final InstrumentId BTC_USD = InstrumentId.of("BTC/USD", "BITSTAMP");
    private static final InstrumentId ES = InstrumentId.of("ESZ4", "XCME");
    private static final long T0 = 1_700_000_000_123_456_789L;

    @TempDir
    Path directory;

    /** Collects replayed events as records. */
    private static final class Collector implements MarketDataListener {
        final List<Object> records = new ArrayList<>();

        @Override
        public void onTrade(Trade trade) {
            records.add(trade.toRecord());
        }

        @Override
        public void onTopOfBook(TopOfBook topOfBook) {
            records.add(topOfBook.toRecord());
        }

        @Override
        public void onBookDelta(OrderBookDelta delta) {
            records.add(delta.toRecord());
        }

        @Override
        public void onBar(Bar bar) {
            records.add(bar.toRecord());
        }
    }

    /** Every kind of record, both instruments, extreme and negative values, receive times before and after. */
    private static List<Object> mixedRecords(int count) {
        List<Object> records = new ArrayList<>();
        BarSpec minute = BarSpec.time(Duration.ofMinutes(1));
        for (int i = 0; i < count; i++) {
            long t = T0 + i * 1_000_003L;
            switch (i % 6) {
                case 0 -> records.add(new TradeRecord(BTC_USD, 3_500_000 + i % 17, 100_000_000L * (i % 5 + 1),
                        AggressorSide.values()[i % 3], t, t));
                case 1 -> records.add(new TradeRecord(ES, -250 + i % 7, 1, AggressorSide.BUYER, t, t + 35_000));
                case 2 -> records.add(new TopOfBookRecord(BTC_USD, 3_499_990, 12_345_678, 3_500_010, 1, t, t - 7));
                case 3 -> records.add(new TopOfBookRecord(ES, 0, 0, 512_500, 40, t, t));
                case 4 -> records.add(new OrderBookDeltaRecord(BTC_USD, i % 4 == 0 ? BookSide.ASK : BookSide.BID,
                        3_500_000 - i, i % 10, i % 50 == 4, i % 3 == 0, t, t + 1));
                default -> records.add(new BarRecord(ES, i % 2 == 0 ? minute : new BarSpec(BarType.VOLUME, 500),
                        512_500, 513_000, 511_000, 512_250, 1_234, t - 60_000_000_000L, t));
            }
        }
        records.add(new TradeRecord(ES, Long.MAX_VALUE, Long.MAX_VALUE, AggressorSide.SELLER, Long.MAX_VALUE,
                Long.MIN_VALUE));
        records.add(new TradeRecord(ES, Long.MIN_VALUE, 1, AggressorSide.SELLER, Long.MIN_VALUE, Long.MAX_VALUE));
        return records;
    }

    private static void append(MarketDataWriter writer, Object record) throws IOException {
        if (record instanceof Trade trade) {
            writer.append(trade);
        } else if (record instanceof TopOfBook top) {
            writer.append(top);
        } else if (record instanceof OrderBookDelta delta) {
            writer.append(delta);
        } else {
            writer.append((Bar) record);
        }
    }

    private static MarketDataWriter.Builder writerBuilder(int blockSize) {
        return MarketDataWriter.builder().instrument(BTC_USD, 2, 8).blockSize(blockSize);
    }

    private static List<Object> readAll(Path file) throws IOException {
        Collector collector = new Collector();
        try (MarketDataReader reader = MarketDataReader.open(file)) {
            reader.replay(collector);
            assertThat(reader.truncation()).isEmpty();
        }
        return collector.records;
    }

    @Test
    void everyKindOfRecordRoundTripsExactlyAcrossManyBlocks() throws IOException {
        List<Object> input = mixedRecords(5_000);
        Path file = directory.resolve("mixed.amd");
        try (MarketDataWriter writer = writerBuilder(1024).open(file)) {
            writer.register(new RecordedInstrument(ES, 2, 0)); // not in the header: defined inside a block
            for (Object record : input) {
                append(writer, record);
            }
        }
        assertThat(readAll(file)).containsExactlyElementsOf(input);
        try (MarketDataReader reader = MarketDataReader.open(file)) {
            assertThat(reader.instruments()).containsExactly(new RecordedInstrument(BTC_USD, 2, 8));
            assertThat(reader.next()).isTrue();
            assertThat(reader.type()).isEqualTo(RecordType.TRADE);
            assertThat(reader.trade().toRecord()).isEqualTo(input.get(0));
            assertThatThrownBy(reader::bar).hasMessage("the current record is a TRADE, not a BAR");
            assertThat(reader.next()).isTrue();
            assertThat(reader.instrument()).isEqualTo(new RecordedInstrument(ES, 2, 0));
            assertThat(reader.instruments()).hasSize(2);
        }
    }

    @Test
    void theBitstampTradesTakeAFractionOfTheirCsvSize() throws IOException {
        Path csv = TestData.bitstampTrades();
        List<TradeRecord> trades = new ArrayList<>();
        MarketDataImport.builder(BTC_USD, 2, 8).errorPolicy(ErrorPolicy.SKIP_AND_REPORT).build()
                .readTrades(csv, trades::add);
        Path file = directory.resolve("bitstamp.amd");
        try (MarketDataWriter writer = writerBuilder(MarketDataWriter.DEFAULT_BLOCK_SIZE).open(file)) {
            for (TradeRecord trade : trades) {
                writer.append(trade);
            }
        }
        assertThat(readAll(file)).containsExactlyElementsOf(trades);

        double binaryPerTrade = (double) Files.size(file) / trades.size();
        double csvPerTrade = (double) Files.size(csv) / 100_000;
        System.out.printf("bitstamp: %d trades, binary %d bytes (%.2f B/trade), CSV %d bytes (%.2f B/trade), %.1fx%n",
                trades.size(), Files.size(file), binaryPerTrade, Files.size(csv), csvPerTrade,
                csvPerTrade / binaryPerTrade);
        assertThat(binaryPerTrade).isLessThan(8.0);
        assertThat(csvPerTrade / binaryPerTrade).isGreaterThan(5.0);
    }

    @Test
    void aTruncatedFileReadsUpToTheTornBlockAndSaysWhere() throws IOException {
        List<Object> input = mixedRecords(3_000);
        Path file = directory.resolve("torn.amd");
        try (MarketDataWriter writer = writerBuilder(512).open(file)) {
            writer.register(new RecordedInstrument(ES, 2, 0));
            for (Object record : input) {
                append(writer, record);
            }
        }
        List<long[]> blocks = blocks(file);
        long[] last = blocks.get(blocks.size() - 1);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(last[0] + 16 + 10); // ten bytes into the last block's payload
        }

        Collector collector = new Collector();
        try (MarketDataReader reader = MarketDataReader.open(file)) {
            long replayed = reader.replay(collector);
            int intact = input.size() - recordsIn(file, last);
            assertThat(replayed).isEqualTo(intact);
            assertThat(collector.records).containsExactlyElementsOf(input.subList(0, intact));
            assertThat(reader.truncation()).contains("torn.amd: ends inside block " + blocks.size() + " at byte "
                    + last[0] + " (payload 10 of " + last[1] + " bytes): a torn write; the " + intact
                    + " records before it are intact");
        }
    }

    @Test
    void aCorruptedBlockIsDetectedAfterTheRecordsBeforeIt() throws IOException {
        List<Object> input = mixedRecords(3_000);
        Path file = directory.resolve("corrupt.amd");
        try (MarketDataWriter writer = writerBuilder(512).open(file)) {
            writer.register(new RecordedInstrument(ES, 2, 0));
            for (Object record : input) {
                append(writer, record);
            }
        }
        List<long[]> blocks = blocks(file);
        long[] third = blocks.get(2);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(third[0] + 16 + 100);
            int b = raf.read();
            raf.seek(third[0] + 16 + 100);
            raf.write(b ^ 0x01);
        }

        Collector collector = new Collector();
        try (MarketDataReader reader = MarketDataReader.open(file)) {
            int intact = recordsBefore(blocks, 2) - 1; // the first block also holds ES's definition
            assertThatThrownBy(() -> reader.replay(collector))
                    .isInstanceOf(RecordingCorruptedException.class)
                    .hasMessageMatching("corrupt\\.amd: block 3 at byte " + third[0] + ": checksum mismatch "
                            + "\\(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\\); the block is damaged, the " + intact
                            + " records before it are intact");
            assertThat(collector.records).containsExactlyElementsOf(input.subList(0, intact));
        }
    }

    @Test
    void aFileThatIsNotARecordingIsRefused() throws IOException {
        Path file = directory.resolve("trades.csv");
        Files.writeString(file, "timestamp,price,amount\n");
        assertThatThrownBy(() -> MarketDataReader.open(file))
                .isInstanceOf(RecordingCorruptedException.class)
                .hasMessage("trades.csv: not a market data recording (no AMDR magic at byte 0)");
    }

    @Test
    void reopeningAFileAppendsAndCutsOffATornTail() throws IOException {
        List<Object> input = mixedRecords(600);
        Path file = directory.resolve("append.amd");
        try (MarketDataWriter writer = writerBuilder(256).instrument(ES, 2, 0).open(file)) {
            for (Object record : input.subList(0, 300)) {
                append(writer, record);
            }
        }
        long size = Files.size(file);
        Files.write(file, new byte[] {'B', 'L', 'K', '1', 9, 9}, java.nio.file.StandardOpenOption.APPEND);
        // This writer registers nothing itself: the instruments come from the file's dictionary.
        try (MarketDataWriter writer = MarketDataWriter.builder().blockSize(256).open(file)) {
            assertThat(Files.size(file)).isEqualTo(size);
            for (Object record : input.subList(300, input.size())) {
                append(writer, record);
            }
        }
        assertThat(readAll(file)).containsExactlyElementsOf(input);
    }

    @Test
    void aDailyWriterStartsAFileForEachDay() throws IOException {
        long day1 = LocalDate.of(2024, 7, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        long day2 = day1 + Duration.ofDays(1).toNanos();
        TradeRecord a = new TradeRecord(BTC_USD, 100, 1, AggressorSide.BUYER, day1 + 5, day1 + 5);
        TradeRecord b = new TradeRecord(BTC_USD, 101, 2, AggressorSide.SELLER, day2 - 1, day2 - 1);
        TradeRecord c = new TradeRecord(BTC_USD, 102, 3, AggressorSide.BUYER, day2, day2);
        TradeRecord late = new TradeRecord(BTC_USD, 103, 4, AggressorSide.BUYER, day2 - 2, day2 - 2);
        try (MarketDataWriter writer = writerBuilder(1024).openDaily(directory, "bitstamp", ZoneOffset.UTC)) {
            assertThat(writer.currentFile()).isNull();
            writer.onTrade(a);
            writer.onTrade(b);
            writer.onTrade(c);
            writer.onTrade(late);
            assertThat(writer.currentFile()).isEqualTo(directory.resolve("bitstamp-2024-07-02.amd"));
        }
        assertThat(readAll(directory.resolve(MarketDataWriter.dailyFileName("bitstamp", LocalDate.of(2024, 7, 1)))))
                .containsExactly(a, b);
        assertThat(readAll(directory.resolve("bitstamp-2024-07-02.amd"))).containsExactly(c, late);
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files
                    .getPosixFilePermissions(directory.resolve("bitstamp-2024-07-02.amd"))))
                    .as("a recording is the node's user's alone").isEqualTo("rw-------");
        }
    }

    @Test
    void unregisteredInstrumentsAndConflictingScalesAreRefused() throws IOException {
        try (MarketDataWriter writer = writerBuilder(1024).open(directory.resolve("x.amd"))) {
            assertThatThrownBy(() -> writer.append(new TradeRecord(ES, 1, 1, AggressorSide.BUYER, 0, 0)))
                    .hasMessage("instrument ESZ4@XCME is not registered with this writer");
            assertThatThrownBy(() -> writer.register(new RecordedInstrument(BTC_USD, 2, 6)))
                    .hasMessage("instrument BTC/USD@BITSTAMP is registered with price scale 2 and quantity scale 8, "
                            + "not 2 and 6");
        }
    }

    /** {offset, payload length, record count} of each block, walking the file's structure. */
    private static List<long[]> blocks(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int position = 12 + bytes.getInt(8) + 4;
        List<long[]> blocks = new ArrayList<>();
        while (position + 16 <= bytes.limit()) {
            assertThat(bytes.getInt(position)).isEqualTo('B' | 'L' << 8 | 'K' << 16 | '1' << 24);
            int length = bytes.getInt(position + 4);
            blocks.add(new long[] {position, length, bytes.getInt(position + 8)});
            position += 16 + length;
        }
        return blocks;
    }

    private static int recordsIn(Path file, long[] block) {
        return (int) block[2];
    }

    private static int recordsBefore(List<long[]> blocks, int index) {
        int count = 0;
        for (int i = 0; i < index; i++) {
            count += (int) blocks.get(i)[2];
        }
        return count;
    }
}

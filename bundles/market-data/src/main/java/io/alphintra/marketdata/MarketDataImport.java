package io.alphintra.marketdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;

import io.alphintra.marketdata.internal.Columns;
import io.alphintra.marketdata.internal.CsvSplitter;
import io.alphintra.marketdata.internal.FieldException;
import io.alphintra.marketdata.internal.FieldParsers;
import io.alphintra.marketdata.internal.JsonBarArray;
import io.alphintra.marketdata.internal.SessionWindows;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.AggressorSide;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.BarType;
import io.alphintra.sdk.marketdata.TradeRecord;
import io.alphintra.sdk.money.Decimals;

/**
 * Reads historical trades and bars of one instrument from CSV and JSON files into {@link TradeRecord}s and
 * {@link BarRecord}s, exactly: every price and quantity is parsed from its text into the instrument's price and
 * quantity units, and a value with more decimals than the scale is an error unless
 * {@linkplain Builder#rounding(RoundingMode) rounding} was asked for.
 *
 * <p><b>Layouts.</b> The header line names the columns; see the module README for the names each column may have
 * (for example {@code amount}, {@code qty}, {@code quantity}, {@code size} or {@code volume} for a trade's
 * quantity). The delimiter ({@code ,}, {@code ;} or tab) is taken from the header unless configured. Fields may be
 * quoted; blank lines are skipped. Files are read line by line, never whole.
 *
 * <p><b>Errors.</b> A malformed line is reported as {@code FILE:LINE: field 'NAME' = 'TEXT': REASON}, e.g.
 * {@code trades.csv:1042: field 'price' = '80O.1': not a decimal number}, with line 1 the header. Under
 * {@link ErrorPolicy#STOP} the first one throws a {@link MarketDataImportException}; under
 * {@link ErrorPolicy#SKIP_AND_REPORT} the line is skipped and listed in the returned {@link ImportReport}. A header
 * without a required column, an empty file and malformed JSON always throw: nothing after them can be read.
 *
 * <p>An instance is immutable and may be reused for many files.
 */
public final class MarketDataImport {

    /** One millisecond: what an inclusive end time ({@code ...999} milliseconds) lacks to the bar's end. */
    private static final long MILLI = 1_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    private final InstrumentId instrumentId;
    private final int priceScale;
    private final int quantityScale;
    private final ErrorPolicy errorPolicy;
    private final TimestampFormat timestampFormat;
    private final ZoneId zone;
    private final char delimiter;
    private final RoundingMode rounding;

    private MarketDataImport(Builder builder) {
        this.instrumentId = builder.instrumentId;
        this.priceScale = builder.priceScale;
        this.quantityScale = builder.quantityScale;
        this.errorPolicy = builder.errorPolicy;
        this.timestampFormat = builder.timestampFormat;
        this.zone = builder.zone;
        this.delimiter = builder.delimiter;
        this.rounding = builder.rounding;
    }

    /** An import for {@code instrument}, at the scales of its trading grid. */
    public static Builder builder(Instrument instrument) {
        return new Builder(instrument.id(), instrument.priceScale(), instrument.quantityScale());
    }

    /** An import for {@code instrumentId} at the given scales. */
    public static Builder builder(InstrumentId instrumentId, int priceScale, int quantityScale) {
        return new Builder(instrumentId, priceScale, quantityScale);
    }

    /** Reads a CSV file of trades; the source name in errors is the file name. */
    public ImportReport readTrades(Path file, Consumer<? super TradeRecord> consumer) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readTrades(reader, file.getFileName().toString(), consumer);
        }
    }

    /**
     * Reads CSV trades: a timestamp, price and quantity column, optionally the aggressor side ({@code buy} or
     * {@code sell}). Event and receive time are both the file's timestamp.
     */
    public ImportReport readTrades(Reader reader, String source, Consumer<? super TradeRecord> consumer)
            throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        Run run = new Run(source);
        BufferedReader lines = buffered(reader);
        Header header = readHeader(lines, run);
        int timeColumn = header.timeColumn(run, false);
        int priceColumn = header.require(Columns.PRICE, run);
        int quantityColumn = header.require(Columns.QUANTITY, run);
        int sideColumn = Columns.SIDE.find(header.normalized);
        List<String> fields = new ArrayList<>(header.names.size());
        String line;
        while ((line = lines.readLine()) != null) {
            run.line++;
            if (!splitRow(line, header, fields, run)) {
                continue;
            }
            String field = null;
            String text = null;
            try {
                field = header.timeName(timeColumn);
                text = header.timeText(timeColumn, fields);
                long time = FieldParsers.timestamp(text, timestampFormat, zone);
                field = header.names.get(priceColumn);
                text = fields.get(priceColumn);
                long price = FieldParsers.decimal(text, priceScale, rounding);
                field = header.names.get(quantityColumn);
                text = fields.get(quantityColumn);
                long quantity = FieldParsers.decimal(text, quantityScale, rounding);
                if (quantity <= 0) {
                    throw new FieldException("must be positive");
                }
                AggressorSide side = AggressorSide.UNKNOWN;
                if (sideColumn >= 0) {
                    field = header.names.get(sideColumn);
                    text = fields.get(sideColumn);
                    side = side(text);
                }
                consumer.accept(new TradeRecord(instrumentId, price, quantity, side, time, time));
                run.good++;
            } catch (FieldException e) {
                run.fail(field, text, e.getMessage());
            }
        }
        return run.report();
    }

    /** Reads a CSV file of bars; the source name in errors is the file name. */
    public ImportReport readBars(Path file, BarSpec spec, Consumer<? super BarRecord> consumer) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readBars(reader, file.getFileName().toString(), spec, consumer);
        }
    }

    /**
     * Reads CSV bars: a time column (the bar's start, or an end column holding its last instant), open, high, low,
     * close and optionally volume (0 when absent).
     *
     * @param spec the bars' time interval: each bar ends one interval after its start (calendar days in the
     *     configured zone when the interval is whole days, so a daily bar is a local day even across DST changes)
     */
    public ImportReport readBars(Reader reader, String source, BarSpec spec, Consumer<? super BarRecord> consumer)
            throws IOException {
        requireTimeBars(spec);
        Objects.requireNonNull(consumer, "consumer");
        Run run = new Run(source);
        BufferedReader lines = buffered(reader);
        Header header = readHeader(lines, run);
        BarColumns columns = BarColumns.resolve(header, run);
        List<String> fields = new ArrayList<>(header.names.size());
        String line;
        while ((line = lines.readLine()) != null) {
            run.line++;
            if (splitRow(line, header, fields, run)) {
                long lineNumber = run.line;
                parseBar(header, columns, fields, spec, run, consumer, column -> lineNumber);
            }
        }
        return run.report();
    }

    /** Reads a JSON file of bars; the source name in errors is the file name. */
    public ImportReport readJsonBars(Path file, BarSpec spec, Consumer<? super BarRecord> consumer)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readJsonBars(reader, file.getFileName().toString(), spec, consumer);
        }
    }

    /**
     * Reads JSON bars: an array of objects, or an object whose first array member holds them (the layout of
     * ta4j's and Binance exports: {@code {"name": ..., "ohlc": [{"endTime": 1678730699999, "openPrice": 1673.58,
     * ...}]}}). Member names follow the CSV column names, numbers may be JSON numbers or strings. An error's line is
     * the line of the offending member.
     */
    public ImportReport readJsonBars(Reader reader, String source, BarSpec spec, Consumer<? super BarRecord> consumer)
            throws IOException {
        requireTimeBars(spec);
        Objects.requireNonNull(consumer, "consumer");
        Run run = new Run(source);
        BarColumns[] cached = new BarColumns[1];
        Header[] cachedHeader = new Header[1];
        List<String> values = new ArrayList<>();
        try {
            JsonBarArray.read(buffered(reader), (members, objectLine) -> {
                run.line = objectLine;
                List<String> names = new ArrayList<>(members.size());
                values.clear();
                for (JsonBarArray.Member member : members) {
                    names.add(member.key());
                    values.add(member.text());
                }
                if (cachedHeader[0] == null || !cachedHeader[0].names.equals(names)) {
                    cachedHeader[0] = new Header(names, ',');
                    try {
                        cached[0] = BarColumns.resolve(cachedHeader[0], run);
                    } catch (MarketDataImportException missing) {
                        cachedHeader[0] = null;
                        run.fail(missing.error().field(), null, missing.error().reason());
                        return;
                    }
                }
                parseBar(cachedHeader[0], cached[0], values, spec, run, consumer,
                        column -> members.get(column).line());
            });
        } catch (JsonBarArray.SyntaxException e) {
            throw new MarketDataImportException(new ImportError(source, e.line(), null, null, e.getMessage()));
        }
        return run.report();
    }

    private void parseBar(Header header, BarColumns columns, List<String> fields, BarSpec spec, Run run,
            Consumer<? super BarRecord> consumer, IntToLongFunction lineOfColumn) {
        int column = columns.time;
        String field = null;
        String text = null;
        try {
            field = header.timeName(column);
            text = header.timeText(column, fields);
            long time = FieldParsers.timestamp(text, timestampFormat, zone);
            long start;
            long end;
            if (columns.timeIsEnd) {
                end = Math.addExact(time, MILLI);
                start = shift(end, spec.size(), -1);
            } else {
                start = time;
                end = shift(start, spec.size(), 1);
            }
            column = columns.open;
            field = header.names.get(column);
            text = fields.get(column);
            long open = FieldParsers.decimal(text, priceScale, rounding);
            column = columns.high;
            field = header.names.get(column);
            text = fields.get(column);
            long high = FieldParsers.decimal(text, priceScale, rounding);
            column = columns.low;
            field = header.names.get(column);
            text = fields.get(column);
            long low = FieldParsers.decimal(text, priceScale, rounding);
            column = columns.close;
            field = header.names.get(column);
            text = fields.get(column);
            long close = FieldParsers.decimal(text, priceScale, rounding);
            long volume = 0;
            if (columns.volume >= 0) {
                column = columns.volume;
                field = header.names.get(column);
                text = fields.get(column);
                volume = FieldParsers.decimal(text, quantityScale, rounding);
                if (volume < 0) {
                    throw new FieldException("must not be negative");
                }
            }
            if (high < Math.max(Math.max(open, close), low)) {
                column = columns.high;
                field = header.names.get(column);
                text = fields.get(column);
                throw new FieldException("below open, low or close");
            }
            if (low > Math.min(open, close)) {
                column = columns.low;
                field = header.names.get(column);
                text = fields.get(column);
                throw new FieldException("above open or close");
            }
            consumer.accept(new BarRecord(instrumentId, spec, open, high, low, close, volume, start, end));
            run.good++;
        } catch (FieldException e) {
            run.line = lineOfColumn.applyAsLong(column);
            run.fail(field, text, e.getMessage());
        } catch (ArithmeticException e) {
            run.line = lineOfColumn.applyAsLong(column);
            run.fail(field, text, "out of range");
        }
    }

    /** {@code time} plus {@code direction} intervals; whole days are calendar days of the zone. */
    private long shift(long time, long interval, int direction) {
        if (interval % DAY != 0) {
            return Math.addExact(time, direction * interval);
        }
        ZoneId dayZone = zone == null ? ZoneOffset.UTC : zone;
        return SessionWindows.toNanos(SessionWindows.toInstant(time).atZone(dayZone)
                .plusDays(direction * (interval / DAY)));
    }

    private static void requireTimeBars(BarSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.type() != BarType.TIME) {
            throw new IllegalArgumentException("spec = " + spec + ": bar files hold time bars; give their interval");
        }
    }

    private static AggressorSide side(String text) throws FieldException {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "buy", "b", "buyer", "bid":
                return AggressorSide.BUYER;
            case "sell", "s", "seller", "ask":
                return AggressorSide.SELLER;
            case "", "unknown", "n/a", "-":
                return AggressorSide.UNKNOWN;
            default:
                throw new FieldException("not a side (expected buy or sell)");
        }
    }

    private static BufferedReader buffered(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        return reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
    }

    private Header readHeader(BufferedReader lines, Run run) throws IOException {
        String line;
        do {
            line = lines.readLine();
            run.line++;
            if (line == null) {
                throw run.fatal("empty file: expected a header line naming the columns");
            }
        } while (line.isBlank());
        char chosen = delimiter != 0 ? delimiter : CsvSplitter.detectDelimiter(line);
        List<String> names = new ArrayList<>();
        String problem = CsvSplitter.split(line, chosen, names);
        if (problem != null) {
            throw run.fatal("header: " + problem);
        }
        return new Header(names, chosen);
    }

    /** Splits a data line; false (after reporting it) if it is blank or malformed. */
    private static boolean splitRow(String line, Header header, List<String> fields, Run run) {
        if (line.isBlank()) {
            return false;
        }
        String problem = CsvSplitter.split(line, header.delimiter, fields);
        if (problem != null) {
            run.fail(null, null, problem);
            return false;
        }
        if (fields.size() != header.names.size()) {
            run.fail(null, null, fields.size() + " field" + (fields.size() == 1 ? "" : "s") + ", but the header has "
                    + header.names.size());
            return false;
        }
        return true;
    }

    /** The column names of a file and where its time is. */
    private static final class Header {

        final List<String> names;
        final List<String> normalized;
        final char delimiter;
        int dateColumn = -1;
        int timeOfDayColumn = -1;

        Header(List<String> names, char delimiter) {
            this.names = List.copyOf(names);
            this.normalized = Columns.normalizeAll(names);
            this.delimiter = delimiter;
        }

        int require(Columns role, Run run) {
            int column = role.find(normalized);
            if (column < 0) {
                throw run.fatal(missing(role));
            }
            return column;
        }

        static String missing(Columns role) {
            return "no " + role.name().toLowerCase(Locale.ROOT) + " column; expected one named "
                    + String.join(", ", role.aliases());
        }

        /**
         * The column of a full timestamp, or -2 for a date column plus a time-of-day column, or -1 if there is none
         * and {@code optional}.
         */
        int timeColumn(Run run, boolean optional) {
            int column = Columns.TIMESTAMP.find(normalized);
            if (column >= 0) {
                return column;
            }
            dateColumn = Columns.DATE.find(normalized);
            timeOfDayColumn = Columns.TIME.find(normalized);
            if (dateColumn >= 0 && timeOfDayColumn >= 0) {
                return -2;
            }
            column = Math.max(dateColumn, timeOfDayColumn);
            if (column < 0 && !optional) {
                throw run.fatal("no timestamp column; expected one named "
                        + String.join(", ", Columns.TIMESTAMP.aliases()) + ", date or time");
            }
            return column;
        }

        String timeName(int column) {
            return column == -2 ? names.get(dateColumn) + "+" + names.get(timeOfDayColumn) : names.get(column);
        }

        String timeText(int column, List<String> fields) {
            return column == -2 ? fields.get(dateColumn) + "T" + fields.get(timeOfDayColumn) : fields.get(column);
        }
    }

    /** Where a bar's fields are. */
    private record BarColumns(int time, boolean timeIsEnd, int open, int high, int low, int close, int volume) {

        static BarColumns resolve(Header header, Run run) {
            int time = header.timeColumn(run, true);
            boolean timeIsEnd = false;
            if (time == -1) {
                time = Columns.END_TIME.find(header.normalized);
                timeIsEnd = true;
                if (time < 0) {
                    throw run.fatal("no timestamp column; expected one named "
                            + String.join(", ", Columns.TIMESTAMP.aliases()) + ", date or time (the bar's start), or "
                            + String.join(", ", Columns.END_TIME.aliases()) + " (its last instant)");
                }
            }
            return new BarColumns(time, timeIsEnd, header.require(Columns.OPEN, run),
                    header.require(Columns.HIGH, run), header.require(Columns.LOW, run),
                    header.require(Columns.CLOSE, run), Columns.VOLUME.find(header.normalized));
        }
    }

    /** The state of one import: where it is, what it read, what went wrong. */
    private final class Run {

        final String source;
        final List<ImportError> errors = new ArrayList<>();
        long line;
        long good;

        Run(String source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        void fail(String field, String value, String reason) {
            ImportError error = new ImportError(source, line, field, value, reason);
            if (errorPolicy == ErrorPolicy.STOP) {
                throw new MarketDataImportException(error);
            }
            errors.add(error);
        }

        MarketDataImportException fatal(String reason) {
            return new MarketDataImportException(new ImportError(source, line, null, null, reason));
        }

        ImportReport report() {
            return new ImportReport(source, good, errors);
        }
    }

    /** Configures a {@link MarketDataImport}. */
    public static final class Builder {

        private final InstrumentId instrumentId;
        private final int priceScale;
        private final int quantityScale;
        private ErrorPolicy errorPolicy = ErrorPolicy.STOP;
        private TimestampFormat timestampFormat = TimestampFormat.AUTO;
        private ZoneId zone;
        private char delimiter;
        private RoundingMode rounding;

        private Builder(InstrumentId instrumentId, int priceScale, int quantityScale) {
            this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
            this.priceScale = Decimals.requireScale("priceScale", priceScale);
            this.quantityScale = Decimals.requireScale("quantityScale", quantityScale);
        }

        /** Stop at the first malformed line (the default) or skip and report every one. */
        public Builder errorPolicy(ErrorPolicy policy) {
            this.errorPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How timestamps are written; {@link TimestampFormat#AUTO} by default. */
        public Builder timestampFormat(TimestampFormat format) {
            this.timestampFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * The zone of local dates and date-times ({@code 2013-01-02}); without it they are errors. Also the zone
         * whose calendar days whole-day bars span (UTC when not set).
         */
        public Builder timeZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The delimiter: {@code ','}, {@code ';'} or {@code '\t'}; taken from the header line when not set. */
        public Builder delimiter(char delimiter) {
            if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
                throw new IllegalArgumentException("delimiter = '" + delimiter + "': must be ',', ';' or tab");
            }
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Rounds values with more decimals than the instrument's scale with {@code mode} instead of rejecting them.
         * Off by default: a price that does not fit the grid usually means a wrong scale or a wrong file.
         */
        public Builder rounding(RoundingMode mode) {
            this.rounding = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public MarketDataImport build() {
            return new MarketDataImport(this);
        }
    }
}

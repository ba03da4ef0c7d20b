package io.alphintra.simexchange.internal.twin;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import io.alphintra.sdk.instrument.Instrument;

/**
 * Recorded prices, loaded and checked completely before a venue starts, so a bad file stops the configuration
 * that names it with a message such as {@code trades.csv line 17, field 'price': 'abc' is not a decimal number}
 * instead of failing hours into a run.
 *
 * <p>Prices are rounded half-even to the instrument's price scale and snapped to its tick grid: for the twin they
 * become the fair value that the market makers quote around, not prints of their own. A bar becomes four prices:
 * open, then the extreme nearer the open, the other extreme, and close.
 *
 * <p>Each price also keeps its time and quantity, for the recorded market ({@code RecordedMarket}), which prints
 * the tape as it was. A trade's time is its Unix second; amounts are rounded half-even to the quantity scale. The
 * four prices of a bar on date D are at 00:00, 06:00, 12:00 and 18:00 UTC of D, so that one-day bars built from
 * them are the recorded bars again, and share its volume: a quarter each, the remainder on the close.
 */
public final class ReplayData {

    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400 * SECOND;
    private static final long BAR_STEP = DAY / 4;

    private final long[] prices;
    private final long[] times;
    private final long[] quantities;

    private ReplayData(long[] prices, long[] times, long[] quantities) {
        this.prices = prices;
        this.times = times;
        this.quantities = quantities;
    }

    public int size() {
        return prices.length;
    }

    /** The i-th price in price units. */
    public long price(int index) {
        return prices[index];
    }

    /** The i-th price's venue time, epoch nanoseconds; never before the previous one. */
    public long timeNanos(int index) {
        return times[index];
    }

    /** The i-th price's traded quantity in quantity units; 0 for a recorded amount that rounds to nothing. */
    public long quantity(int index) {
        return quantities[index];
    }

    public static ReplayData load(Path file, ReplayFormat format, Instrument instrument) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, name, format, instrument);
        } catch (IOException e) {
            throw new ReplayException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static ReplayData parse(BufferedReader reader, String name, ReplayFormat format, Instrument instrument)
            throws IOException {
        String[] header = format == ReplayFormat.TRADES
                ? new String[] {"timestamp", "price", "amount"}
                : new String[] {"date", "open", "high", "low", "close", "volume"};
        long[] prices = new long[1024];
        long[] times = new long[1024];
        long[] quantities = new long[1024];
        int count = 0;
        int lineNumber = 0;
        long previousTime = Long.MIN_VALUE;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (lineNumber == 1 && fields.length > 0 && fields[0].trim().equalsIgnoreCase(header[0])) {
                continue;
            }
            if (fields.length != header.length) {
                throw new ReplayException(name + " line " + lineNumber + ": expected " + header.length + " fields ("
                        + String.join(",", header) + "), found " + fields.length);
            }
            Line at = new Line(name, lineNumber, header, fields);
            if (format == ReplayFormat.TRADES) {
                long time = at.unixSeconds(0);
                if (time < previousTime) {
                    throw at.error(0, "goes back in time (previous line has " + previousTime + ")");
                }
                previousTime = time;
                long price = at.price(1, instrument);
                long quantity = at.amount(2, instrument);
                prices = ensure(prices, count + 1);
                times = ensure(times, count + 1);
                quantities = ensure(quantities, count + 1);
                prices[count] = price;
                times[count] = at.nanos(0, time, SECOND);
                quantities[count++] = quantity;
            } else {
                long time = at.date(0);
                if (time <= previousTime) {
                    throw at.error(0, "not after the previous bar's date");
                }
                previousTime = time;
                long open = at.price(1, instrument);
                long high = at.price(2, instrument);
                long low = at.price(3, instrument);
                long close = at.price(4, instrument);
                long volume = at.amount(5, instrument);
                if (high < Math.max(Math.max(open, close), low)) {
                    throw at.error(2, "below open, low or close");
                }
                if (low > Math.min(open, close)) {
                    throw at.error(3, "above open or close");
                }
                prices = ensure(prices, count + 4);
                times = ensure(times, count + 4);
                quantities = ensure(quantities, count + 4);
                boolean up = close >= open;
                prices[count] = open;
                prices[count + 1] = up ? low : high;
                prices[count + 2] = up ? high : low;
                prices[count + 3] = close;
                long dayStart = at.nanos(0, time, DAY);
                for (int k = 0; k < 4; k++) {
                    times[count + k] = dayStart + k * BAR_STEP;
                    quantities[count + k] = volume / 4;
                }
                quantities[count + 3] += volume % 4;
                count += 4;
            }
        }
        if (count == 0) {
            throw new ReplayException(name + ": no data lines");
        }
        return new ReplayData(Arrays.copyOf(prices, count), Arrays.copyOf(times, count),
                Arrays.copyOf(quantities, count));
    }

    private static long[] ensure(long[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    /** One line being parsed, for messages that name file, line and field. */
    private record Line(String file, int number, String[] header, String[] fields) {

        ReplayException error(int field, String why) {
            return new ReplayException(file + " line " + number + ", field '" + header[field] + "': '"
                    + fields[field].trim() + "' " + why);
        }

        long unixSeconds(int field) {
            try {
                long value = Long.parseLong(fields[field].trim());
                if (value < 0) {
                    throw error(field, "is negative");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error(field, "is not a whole number of Unix seconds");
            }
        }

        long date(int field) {
            try {
                return LocalDate.parse(fields[field].trim()).toEpochDay();
            } catch (DateTimeParseException e) {
                throw error(field, "is not a date YYYY-MM-DD");
            }
        }

        BigDecimal decimal(int field) {
            String text = fields[field].trim();
            if (text.isEmpty() || !text.matches("[+-]?[0-9]+(\\.[0-9]+)?")) {
                throw error(field, "is not a decimal number");
            }
            return new BigDecimal(text);
        }

        long price(int field, Instrument instrument) {
            BigDecimal value = decimal(field);
            if (value.signum() <= 0) {
                throw error(field, "is not positive");
            }
            long units;
            try {
                units = value.setScale(instrument.priceScale(), RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
            } catch (ArithmeticException e) {
                throw error(field, "is out of range at price scale " + instrument.priceScale());
            }
            long snapped = instrument.tickTable().covers(units) ? instrument.tickTable().floor(units) : 0;
            if (snapped <= 0) {
                throw error(field, "rounds to no valid price of " + instrument.id());
            }
            return snapped;
        }

        /** A time in {@code unit}s since the epoch (seconds, days) as epoch nanoseconds. */
        long nanos(int field, long units, long unit) {
            try {
                return Math.multiplyExact(units, unit);
            } catch (ArithmeticException e) {
                throw error(field, "is too far in the future for epoch nanoseconds");
            }
        }

        long amount(int field, Instrument instrument) {
            BigDecimal value = decimal(field);
            if (value.signum() < 0) {
                throw error(field, "is negative");
            }
            try {
                return value.setScale(instrument.quantityScale(), RoundingMode.HALF_EVEN).unscaledValue()
                        .longValueExact();
            } catch (ArithmeticException e) {
                throw error(field, "is out of range at quantity scale " + instrument.quantityScale());
            }
        }
    }
}

package io.alphintra.marketdata;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;

import io.alphintra.marketdata.internal.SessionWindows;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.marketdata.BarRecord;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.BarType;
import io.alphintra.sdk.marketdata.MarketDataListener;
import io.alphintra.sdk.marketdata.Trade;

/**
 * Builds bars of one instrument from its trades, as they stream in, and hands each completed bar to a sink.
 *
 * <h2>Bar types</h2>
 * <ul>
 * <li><b>Time</b> ({@code BarSpec.time(Duration.ofMinutes(1))}): bars cover {@code [start, start + interval)},
 * aligned to the start of their window, and <em>never cross a window boundary</em>. With a
 * {@linkplain Builder#calendar(TradingCalendar) calendar} the windows are its trading sessions, so hourly bars of a
 * 09:30-16:00 session are 09:30-10:30, ..., 15:30-16:00 (the last one cut at the close), and a one-day bar is the
 * session. Without sessions (no calendar, or an always-open one) the windows are the local days of the
 * {@linkplain Builder#timeZone(ZoneId) time zone} (UTC by default). A bar is emitted when the first trade of a later
 * interval arrives, on {@link #advanceTo(long)} once its end has passed, or on {@link #flush()}.
 * <li><b>Tick</b> ({@code new BarSpec(BarType.TICK, n)}): a bar every {@code n} trades.
 * <li><b>Volume</b> ({@code new BarSpec(BarType.VOLUME, n)}): a bar every {@code n} quantity units, exactly. A
 * trade that overflows the open bar is <em>split</em>: the part that fills the bar stays in it, the rest opens the
 * next bar (several bars if the trade is larger than {@code n}), each part at the trade's price and time. So every
 * emitted volume bar except a flushed one has a volume of exactly {@code n}.
 * <li><b>Value</b> ({@code new BarSpec(BarType.VALUE, n)}): a bar closes at the first trade that brings its
 * notional ({@code |price| × quantity}, at scale {@code priceScale + quantityScale}) to at least {@code n}. Trades are
 * not split: a part of a quantity generally cannot hit {@code n} exactly, so the overshoot stays in the bar.
 * </ul>
 * Tick, volume and value bars start at their first trade and end one nanosecond after their last one (the end is
 * exclusive).
 *
 * <h2>Sessions and gaps</h2>
 * An interval without trades produces no bar, unless {@link Builder#emitEmptyBars(boolean)} is set: then it gets a
 * flat bar at the last close with zero volume (only inside sessions, and only after the first trade). The first
 * trade after a gap always opens a new bar. Trades outside every session of the calendar are dropped and counted
 * ({@link #tradesOutsideSessions()}); so are time-bar trades older than a bar already emitted
 * ({@link #lateTrades()}). With a session calendar, tick, volume and value bars do not cross a session either: the
 * first trade of a new session emits the open bar as it is. {@link Builder#maxGap(Duration)} does the same after a
 * pause in trading.
 *
 * <h2>Cost</h2>
 * Not thread-safe; one thread feeds an instance. Per trade it allocates nothing; each emitted bar is one new
 * {@link BarRecord}, which the sink may keep. Finding the next session allocates, once per session.
 */
public final class BarAggregator implements MarketDataListener {

    private final InstrumentId instrumentId;
    private final BarSpec spec;
    private final BarType type;
    private final long size;
    private final SessionWindows windows;
    private final boolean sessionBreaks;
    private final boolean emitEmptyBars;
    private final long maxGapNanos;
    private final Consumer<? super BarRecord> sink;

    private boolean windowKnown;
    private long windowStart;
    private long windowEnd;

    private boolean barOpen;
    private long barStart;
    private long barEnd;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;
    private long trades;
    private long value;
    private long lastTradeTime;

    private boolean hasLastClose;
    private long lastClose;
    private long emittedUntil = Long.MIN_VALUE;

    private long lateTrades;
    private long tradesOutsideSessions;

    private BarAggregator(Builder builder, Consumer<? super BarRecord> sink) {
        this.instrumentId = builder.instrumentId;
        this.spec = builder.spec;
        this.type = spec.type();
        this.size = spec.size();
        this.windows = builder.calendar != null ? SessionWindows.of(builder.calendar)
                : SessionWindows.days(builder.zone);
        this.sessionBreaks = windows.hasSessions();
        this.emitEmptyBars = builder.emitEmptyBars;
        this.maxGapNanos = builder.maxGap == null ? Long.MAX_VALUE : builder.maxGap.toNanos();
        this.sink = sink;
    }

    /** Starts a builder for bars of {@code instrumentId} as {@code spec} describes. */
    public static Builder builder(InstrumentId instrumentId, BarSpec spec) {
        return new Builder(instrumentId, spec);
    }

    public InstrumentId instrumentId() {
        return instrumentId;
    }

    public BarSpec spec() {
        return spec;
    }

    /** Time-bar trades dropped because a bar covering their time had already been emitted. */
    public long lateTrades() {
        return lateTrades;
    }

    /** Trades dropped because they fell outside every session of the calendar. */
    public long tradesOutsideSessions() {
        return tradesOutsideSessions;
    }

    /**
     * Adds a trade of this aggregator's instrument.
     *
     * @throws IllegalArgumentException if the trade is of another instrument
     */
    @Override
    public void onTrade(Trade trade) {
        InstrumentId id = trade.instrumentId();
        if (id != instrumentId && !instrumentId.equals(id)) {
            throw new IllegalArgumentException("trade of " + id + " given to the bar aggregator of " + instrumentId);
        }
        onTrade(trade.price(), trade.quantity(), trade.eventTimeNanos());
    }

    /**
     * Adds a trade.
     *
     * @param price price units
     * @param quantity quantity units, positive
     * @param timeNanos the trade's venue time, epoch nanoseconds
     * @throws IllegalArgumentException if {@code quantity} is not positive
     * @throws ArithmeticException if a volume or value sum overflows a {@code long}
     */
    public void onTrade(long price, long quantity, long timeNanos) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity = " + quantity + ": must be positive");
        }
        if (type == BarType.TIME) {
            onTimeBarTrade(price, quantity, timeNanos);
        } else {
            onActivityBarTrade(price, quantity, timeNanos);
        }
    }

    /**
     * Tells the aggregator that the time is now {@code nowNanos} (venue time): emits the open time bar if its
     * interval has ended, and flat bars up to now if enabled. A live feed calls this from a timer so that a bar is
     * published when its minute ends, not when the next trade arrives. No effect on tick, volume and value bars.
     */
    public void advanceTo(long nowNanos) {
        if (type != BarType.TIME) {
            return;
        }
        if (barOpen && nowNanos >= barEnd) {
            emitOpenBar();
        }
        if (emitEmptyBars) {
            emitFlatBarsEndingBy(nowNanos);
        }
    }

    /**
     * Emits the open bar as it is, if there is one: at the end of a session or of the data. A flushed time bar
     * keeps its interval's end, so a later trade inside that interval counts as late.
     */
    public void flush() {
        if (barOpen) {
            emitOpenBar();
        }
    }

    private void onTimeBarTrade(long price, long quantity, long time) {
        if (barOpen && time >= barStart && time < barEnd) {
            addToBar(price, quantity, time);
            return;
        }
        if (time < emittedUntil || (barOpen && time < barStart)) {
            lateTrades++;
            return;
        }
        if (barOpen) {
            emitOpenBar();
        }
        if (emitEmptyBars) {
            emitFlatBarsEndingBy(time);
        }
        if (!locateWindow(time)) {
            tradesOutsideSessions++;
            return;
        }
        barStart = windowStart + Math.floorDiv(time - windowStart, size) * size;
        barEnd = Math.min(barStart + size, windowEnd);
        openBar(price, quantity, time);
    }

    private void onActivityBarTrade(long price, long quantity, long time) {
        if (sessionBreaks) {
            boolean sameWindow = windowKnown && time >= windowStart && time < windowEnd;
            if (!sameWindow) {
                if (barOpen) {
                    emitOpenBar();
                }
                if (!locateWindow(time)) {
                    tradesOutsideSessions++;
                    return;
                }
            }
        }
        if (barOpen && time - lastTradeTime > maxGapNanos) {
            emitOpenBar();
        }
        switch (type) {
            case TICK -> {
                addOrOpen(price, quantity, time);
                if (trades == size) {
                    emitOpenBar();
                }
            }
            case VOLUME -> {
                long left = quantity;
                while (left > 0) {
                    long part = Math.min(left, size - (barOpen ? volume : 0));
                    addOrOpen(price, part, time);
                    left -= part;
                    if (volume == size) {
                        emitOpenBar();
                    }
                }
            }
            case VALUE -> {
                addOrOpen(price, quantity, time);
                value = Math.addExact(value, Math.multiplyExact(Math.abs(price), quantity));
                if (value >= size) {
                    emitOpenBar();
                }
            }
            default -> throw new IllegalStateException("unexpected bar type " + type);
        }
    }

    private void addOrOpen(long price, long quantity, long time) {
        if (barOpen) {
            addToBar(price, quantity, time);
            barStart = Math.min(barStart, time);
            barEnd = Math.max(barEnd, time + 1);
        } else {
            barStart = time;
            barEnd = time + 1;
            openBar(price, quantity, time);
        }
    }

    private void openBar(long price, long quantity, long time) {
        barOpen = true;
        open = price;
        high = price;
        low = price;
        close = price;
        volume = quantity;
        trades = 1;
        value = 0;
        lastTradeTime = time;
    }

    private void addToBar(long price, long quantity, long time) {
        if (price > high) {
            high = price;
        }
        if (price < low) {
            low = price;
        }
        close = price;
        volume = Math.addExact(volume, quantity);
        trades++;
        lastTradeTime = Math.max(lastTradeTime, time);
    }

    private void emitOpenBar() {
        barOpen = false;
        hasLastClose = true;
        lastClose = close;
        emittedUntil = barEnd;
        sink.accept(new BarRecord(instrumentId, spec, open, high, low, close, volume, barStart, barEnd));
    }

    /** Emits a flat bar for every interval inside a window after the last emitted bar that ends by {@code time}. */
    private void emitFlatBarsEndingBy(long time) {
        if (!hasLastClose) {
            return;
        }
        long cursor = emittedUntil;
        while (cursor < time) {
            if (!locateWindow(cursor)) {
                if (!windows.next(cursor)) {
                    return;
                }
                windowKnown = true;
                windowStart = windows.start();
                windowEnd = windows.end();
            }
            long start = Math.max(cursor, windowStart);
            start = windowStart + ceilDiv(start - windowStart, size) * size;
            if (start >= windowEnd) {
                cursor = windowEnd;
                continue;
            }
            long end = Math.min(start + size, windowEnd);
            if (end > time) {
                return;
            }
            emittedUntil = end;
            cursor = end;
            sink.accept(new BarRecord(instrumentId, spec, lastClose, lastClose, lastClose, lastClose, 0, start, end));
        }
    }

    private boolean locateWindow(long time) {
        if (windowKnown && time >= windowStart && time < windowEnd) {
            return true;
        }
        if (!windows.find(time)) {
            return false;
        }
        windowKnown = true;
        windowStart = windows.start();
        windowEnd = windows.end();
        return true;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    /** Configures a {@link BarAggregator}. */
    public static final class Builder {

        private final InstrumentId instrumentId;
        private final BarSpec spec;
        private TradingCalendar calendar;
        private ZoneId zone = ZoneOffset.UTC;
        private boolean emitEmptyBars;
        private Duration maxGap;

        private Builder(InstrumentId instrumentId, BarSpec spec) {
            this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /**
         * The venue's calendar: time bars align to its sessions and no bar crosses one; trades outside sessions
         * are dropped. An always-open calendar means local days of its zone.
         */
        public Builder calendar(TradingCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /** Without a calendar: the zone whose local days time bars align to; UTC by default. */
        public Builder timeZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Time bars only: emit a flat bar (last close, zero volume) for an interval without trades. Off by default. */
        public Builder emitEmptyBars(boolean emit) {
            this.emitEmptyBars = emit;
            return this;
        }

        /** Tick, volume and value bars only: a pause longer than {@code gap} closes the open bar. Off by default. */
        public Builder maxGap(Duration gap) {
            Objects.requireNonNull(gap, "gap");
            if (gap.isNegative() || gap.isZero()) {
                throw new IllegalArgumentException("maxGap = " + gap + ": must be positive");
            }
            this.maxGap = gap;
            return this;
        }

        /**
         * @param sink receives each completed bar, on the thread that fed the trade
         * @throws IllegalArgumentException for options that do not apply to the bar type
         */
        public BarAggregator build(Consumer<? super BarRecord> sink) {
            Objects.requireNonNull(sink, "sink");
            if (emitEmptyBars && spec.type() != BarType.TIME) {
                throw new IllegalArgumentException("emitEmptyBars: only time bars have empty intervals, not "
                        + spec.type());
            }
            if (maxGap != null && spec.type() == BarType.TIME) {
                throw new IllegalArgumentException("maxGap: time bars already break at every interval");
            }
            return new BarAggregator(this, sink);
        }
    }
}

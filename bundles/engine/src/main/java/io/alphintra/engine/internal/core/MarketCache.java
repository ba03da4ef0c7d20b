package io.alphintra.engine.internal.core;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.marketdata.Trade;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The latest trade and top of book per instrument, as the engine thread last saw them. Updating it allocates nothing
 * once an instrument is known.
 */
public final class MarketCache implements MarketView {
    private static final class Latest {
        long lastPrice;
        long lastPriceTime;
        boolean hasLastPrice;
        /**
         * The last price as the checks are handed it, made when first asked after a change: a check per order costs
         * no allocation while the price stands, and a trade never allocates.
         */
        OptionalLong asked;
        final LatestTopOfBook top = new LatestTopOfBook();
    }

    private final Map<InstrumentId, Latest> latest = new HashMap<>();
    /** The same entries by the engine's instrument key, so that an event costs no hashing of its id. */
    private Latest[] byKey = new Latest[64];

    void onTrade(int instrumentKey, Trade trade) {
        Latest entry = entry(instrumentKey, trade.instrumentId());
        entry.lastPrice = trade.price();
        entry.lastPriceTime = trade.eventTimeNanos();
        entry.hasLastPrice = true;
    }

    void onTopOfBook(int instrumentKey, TopOfBook top) {
        entry(instrumentKey, top.instrumentId()).top.remember(top);
    }

    private Latest entry(int instrumentKey, InstrumentId instrumentId) {
        if (instrumentKey >= byKey.length) {
            byKey = Arrays.copyOf(byKey, Math.max(byKey.length * 2, instrumentKey + 1));
        }
        Latest entry = byKey[instrumentKey];
        if (entry == null) {
            entry = latest.computeIfAbsent(instrumentId, id -> new Latest());
            byKey[instrumentKey] = entry;
        }
        return entry;
    }

    /** Every instrument seen, ordered by its text form. */
    public java.util.List<io.alphintra.engine.MarketLine> lines() {
        return latest.entrySet().stream()
                .sorted(java.util.Comparator.comparing(entry -> entry.getKey().toString()))
                .map(entry -> new io.alphintra.engine.MarketLine(entry.getKey(),
                        Optional.ofNullable(entry.getValue().top.record(entry.getKey())),
                        entry.getValue().hasLastPrice ? OptionalLong.of(entry.getValue().lastPrice) : OptionalLong.empty(),
                        entry.getValue().hasLastPrice ? entry.getValue().lastPriceTime : 0))
                .toList();
    }

    @Override
    public Optional<TopOfBookRecord> topOfBook(InstrumentId instrumentId) {
        Latest entry = latest.get(instrumentId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.top.record(instrumentId));
    }

    @Override
    public OptionalLong lastPrice(InstrumentId instrumentId) {
        Latest entry = latest.get(instrumentId);
        if (entry == null || !entry.hasLastPrice) {
            return OptionalLong.empty();
        }
        OptionalLong asked = entry.asked;
        if (asked == null || asked.getAsLong() != entry.lastPrice) {
            entry.asked = asked = OptionalLong.of(entry.lastPrice);
        }
        return asked;
    }

    @Override
    public long lastPriceTimeNanos(InstrumentId instrumentId) {
        Latest entry = latest.get(instrumentId);
        return entry == null || !entry.hasLastPrice ? 0 : entry.lastPriceTime;
    }

    @Override
    public OptionalLong midPrice(InstrumentId instrumentId) {
        Latest entry = latest.get(instrumentId);
        return entry == null ? OptionalLong.empty() : entry.top.mid();
    }

    @Override
    public long midPriceTimeNanos(InstrumentId instrumentId) {
        Latest entry = latest.get(instrumentId);
        return entry == null || entry.top.mid().isEmpty() ? 0 : entry.top.eventTimeNanos();
    }

    @Override
    public OptionalLong previousClose(InstrumentId instrumentId) {
        return OptionalLong.empty(); // the close is not kept across sessions yet; rules needing it must say so
    }
}

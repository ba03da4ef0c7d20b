package io.alphintra.engine.internal.core;

import io.alphintra.collections.OpenAddressingMap;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.OrderStatus;
import io.alphintra.sdk.risk.CreditScope;
import io.alphintra.sdk.risk.PreTradeContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Credit used per account, trader and strategy (PT1), per quote currency, as {@link PreTradeContext#creditUsed}
 * defines it: the value of the working orders plus the value executed since 00:00 UTC of engine time, in units of
 * 10<sup>-{@value PreTradeContext#CREDIT_SCALE}</sup>, each order's and each fill's value rounded up.
 *
 * <p>Kept as running sums, so that a check costs one hash lookup whatever the number of orders: an order counts from
 * the moment the gate accepted it ({@link #accepted}); after every change of an order ({@link #update}) its working
 * value is computed again from what it has left and the difference applied, so a fill, cancel, rejection, expiry or
 * replace releases what it must without the book having to know which happened; a fill adds its value to the
 * executed sums ({@link #filled}). A pending replace counts at the larger of the order as it stands and the order it
 * would become, until the venue answers. The first event of a later UTC day sets every executed sum back to zero;
 * working values carry over.
 *
 * <p>Engine thread only. Updates and lookups of known orders, ids and currencies allocate nothing: per scope kind a
 * map by id to a row of per-currency {@code long}s, and per counted order an entry from a pool that holds on to
 * finished orders' entries for the next ones.
 */
final class CreditBook {
    static final int SCALE = PreTradeContext.CREDIT_SCALE;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final CreditScope[] SCOPES = CreditScope.values();

    /** The credit of one account, trader or strategy: per currency index, working and executed value. */
    static final class Row {
        private long[] working = new long[4];
        private long[] executed = new long[4];

        private void ensure(int currency) {
            if (currency >= working.length) {
                working = Arrays.copyOf(working, Math.max(2 * working.length, currency + 1));
                executed = Arrays.copyOf(executed, working.length);
            }
        }

        private void addWorking(int currency, long delta) {
            ensure(currency);
            working[currency] = saturatingAdd(working[currency], delta);
        }

        private void addExecuted(int currency, long value) {
            ensure(currency);
            executed[currency] = saturatingAdd(executed[currency], value);
        }

        long working(int currency) {
            return currency < working.length ? working[currency] : 0;
        }

        long executed(int currency) {
            return currency < executed.length ? executed[currency] : 0;
        }
    }

    /** An order the book counts, with what it counts it at. */
    private static final class Counted {
        int currency;
        long multiplier;
        int valueScale;
        /** The price of a market order: the reference when accepted ({@link OrderRequest#NO_PRICE}: none). */
        long marketPrice;
        /** The working value the rows hold for it now. */
        long value;
        final Row[] rows = new Row[SCOPES.length];
        Counted nextFree;
    }

    @SuppressWarnings("unchecked")
    private final Map<String, Row>[] rowsByScope = new Map[SCOPES.length];
    private final OpenAddressingMap<OrderState, Counted> counted;
    private Currency[] currencies = new Currency[8];
    private int currencyCount;
    private Counted free;
    /** The UTC day (days since the epoch) the executed sums are of; {@link Long#MIN_VALUE} before any event. */
    private long day = Long.MIN_VALUE;

    /** @param expectedWorking working orders the book is sized for; beyond, its index of them grows */
    CreditBook(int expectedWorking) {
        for (int i = 0; i < rowsByScope.length; i++) {
            rowsByScope[i] = new HashMap<>();
        }
        counted = new OpenAddressingMap<>(Math.max(16, expectedWorking));
    }

    /**
     * Counts an order the gate accepted (or that a replay or a snapshot restores as accepted) from now on.
     *
     * @param marketPrice what a market order is valued at, the reference price when it was accepted;
     *                    {@link OrderRequest#NO_PRICE} when none is known (it then counts nothing until it fills)
     * @param nowNanos    engine time, or {@link Long#MIN_VALUE} when unknown (a snapshot being installed)
     */
    void accepted(OrderState order, Instrument instrument, long marketPrice, long nowNanos) {
        roll(nowNanos);
        if (!order.isWorking() || counted.get(order) != null) {
            return;
        }
        Counted entry = free;
        if (entry == null) {
            entry = new Counted();
        } else {
            free = entry.nextFree;
            entry.nextFree = null;
        }
        entry.currency = currencyIndex(instrument.quoteCurrency());
        entry.multiplier = 1;
        entry.valueScale = instrument.priceScale() + instrument.quantityScale();
        if (instrument instanceof FutureContract future) {
            entry.multiplier = future.multiplier().mantissa();
            entry.valueScale += future.multiplier().scale();
        }
        entry.marketPrice = marketPrice;
        entry.value = 0;
        Attribution who = order.attribution;
        for (CreditScope scope : SCOPES) {
            entry.rows[scope.ordinal()] = row(scope, idOf(scope, who));
        }
        counted.put(order, entry);
        update(order);
    }

    /**
     * Brings the order's working value in line with its state; call after every change of it. An order that
     * finished leaves the book (its executed value stays in the day's sums).
     */
    void update(OrderState order) {
        Counted entry = counted.get(order);
        if (entry == null) {
            return;
        }
        long value = order.isWorking() ? workingValue(order, entry) : 0;
        if (value != entry.value) {
            long delta = value - entry.value;
            for (Row row : entry.rows) {
                row.addWorking(entry.currency, delta);
            }
            entry.value = value;
        }
        if (!order.isWorking()) {
            counted.remove(order);
            Arrays.fill(entry.rows, null);
            entry.nextFree = free;
            free = entry;
        }
    }

    /** Adds a booked fill's value, at its price, to the executed sums of the order's account, trader and strategy. */
    void filled(OrderState order, Instrument instrument, long quantity, long price, long nowNanos) {
        roll(nowNanos);
        Counted entry = counted.get(order);
        long multiplier = 1;
        int valueScale = instrument.priceScale() + instrument.quantityScale();
        if (instrument instanceof FutureContract future) {
            multiplier = future.multiplier().mantissa();
            valueScale += future.multiplier().scale();
        }
        long value = value(price, quantity, multiplier, valueScale);
        int currency = entry != null ? entry.currency : currencyIndex(instrument.quoteCurrency());
        for (CreditScope scope : SCOPES) {
            Row row = entry != null ? entry.rows[scope.ordinal()] : row(scope, idOf(scope, order.attribution));
            row.addExecuted(currency, value);
        }
    }

    /**
     * Credit used by {@code id} of {@code scope} in {@code currency} now: working plus executed today, less the
     * working value of {@code leftOut} (the order a replace being decided would change; null for none), saturated.
     */
    long used(CreditScope scope, String id, Currency currency, OrderState leftOut, long nowNanos) {
        roll(nowNanos);
        Row row = rowsByScope[scope.ordinal()].get(id);
        int index = knownCurrencyIndex(currency);
        if (row == null || index < 0) {
            return 0;
        }
        long working = row.working(index);
        if (leftOut != null) {
            Counted entry = counted.get(leftOut);
            if (entry != null && entry.currency == index && entry.rows[scope.ordinal()] == row) {
                working -= entry.value;
            }
        }
        return saturatingAdd(working, row.executed(index));
    }

    /** The index of {@code currency} in every row, or -1 when no order in it was counted yet. */
    int knownCurrencyIndex(Currency currency) {
        for (int i = 0; i < currencyCount; i++) {
            if (currencies[i] == currency) {
                return i;
            }
        }
        return -1;
    }

    /** Every row's figures per currency where it uses any credit, sorted by scope, id and currency; for operators. */
    List<io.alphintra.engine.CreditUsage> usage(long nowNanos) {
        roll(nowNanos);
        List<io.alphintra.engine.CreditUsage> usage = new ArrayList<>();
        for (CreditScope scope : SCOPES) {
            for (Map.Entry<String, Row> entry : new TreeMap<>(rowsByScope[scope.ordinal()]).entrySet()) {
                Row row = entry.getValue();
                List<Currency> used = new ArrayList<>();
                for (int currency = 0; currency < currencyCount; currency++) {
                    if (row.working(currency) != 0 || row.executed(currency) != 0) {
                        used.add(currencies[currency]);
                    }
                }
                used.sort(java.util.Comparator.comparing(Currency::code));
                for (Currency currency : used) {
                    int index = knownCurrencyIndex(currency);
                    usage.add(new io.alphintra.engine.CreditUsage(scope, entry.getKey(),
                            Money.of(currency, row.working(index), SCALE),
                            Money.of(currency, row.executed(index), SCALE)));
                }
            }
        }
        return usage;
    }

    /** The day's executed credit of one account, trader or strategy in one currency, as a snapshot keeps it. */
    record Executed(CreditScope scope, String id, Currency currency, long value) {
    }

    /**
     * What a snapshot keeps of the book: what the orders it restores cannot rebuild. Working values follow from the
     * working orders, except a market order's, valued at the reference when it was accepted (not journaled); the
     * executed sums are the day's fills, some of them of orders that finished or were forgotten since.
     *
     * @param day             the UTC day of the executed sums ({@link Long#MIN_VALUE}: none yet)
     * @param executed        every non-zero executed sum
     * @param marketPrices    per working market order valued at a reference: its order id, then that price
     */
    record Saved(long day, List<Executed> executed, long[] marketPrices) {
    }

    /** The book as a snapshot keeps it; off the hot path (a snapshot is being written). */
    Saved save() {
        List<Executed> executed = new ArrayList<>();
        for (CreditScope scope : SCOPES) {
            for (Map.Entry<String, Row> entry : new TreeMap<>(rowsByScope[scope.ordinal()]).entrySet()) {
                for (int currency = 0; currency < currencyCount; currency++) {
                    long value = entry.getValue().executed(currency);
                    if (value != 0) {
                        executed.add(new Executed(scope, entry.getKey(), currencies[currency], value));
                    }
                }
            }
        }
        List<long[]> priced = new ArrayList<>();
        counted.forEach((order, entry) -> {
            if (entry.marketPrice != OrderRequest.NO_PRICE) {
                priced.add(new long[] {order.orderId, entry.marketPrice});
            }
        });
        priced.sort(java.util.Comparator.comparingLong(pair -> pair[0]));
        long[] marketPrices = new long[2 * priced.size()];
        for (int i = 0; i < priced.size(); i++) {
            marketPrices[2 * i] = priced.get(i)[0];
            marketPrices[2 * i + 1] = priced.get(i)[1];
        }
        return new Saved(day, List.copyOf(executed), marketPrices);
    }

    /**
     * Puts back what a snapshot kept, once its orders are counted ({@link #accepted} with no market price): the day,
     * its executed sums, and the reference each working market order was valued at.
     *
     * @param orders the restored orders by id
     * @throws IllegalArgumentException when a market price names an order that is not working
     */
    void restore(Saved saved, java.util.function.LongFunction<OrderState> orders) {
        day = saved.day();
        for (Executed executed : saved.executed()) {
            row(executed.scope(), executed.id()).addExecuted(currencyIndex(executed.currency()), executed.value());
        }
        long[] marketPrices = saved.marketPrices();
        for (int i = 0; i < marketPrices.length; i += 2) {
            OrderState order = orders.apply(marketPrices[i]);
            Counted entry = order == null ? null : counted.get(order);
            if (entry == null) {
                throw new IllegalArgumentException("the credit section values order " + marketPrices[i]
                        + " at a market reference, but it is not a working order of the snapshot");
            }
            entry.marketPrice = marketPrices[i + 1];
            update(order);
        }
    }

    /** Forgets everything: the engine before its first journal record. */
    void clear() {
        for (Map<String, Row> rows : rowsByScope) {
            rows.clear();
        }
        counted.clear();
        currencyCount = 0;
        Arrays.fill(currencies, null);
        free = null;
        day = Long.MIN_VALUE;
    }

    /**
     * Starts a new UTC day when {@code nowNanos} is in a later one than the sums: executed values go back to zero.
     * Time that goes back (a clock stepped back) keeps the day.
     */
    private void roll(long nowNanos) {
        if (nowNanos == Long.MIN_VALUE) {
            return;
        }
        long today = Math.floorDiv(nowNanos, NANOS_PER_DAY);
        if (today <= day) {
            return;
        }
        if (day != Long.MIN_VALUE) {
            for (Map<String, Row> rows : rowsByScope) {
                for (Row row : rows.values()) {
                    Arrays.fill(row.executed, 0);
                }
            }
        }
        day = today;
    }

    private Row row(CreditScope scope, String id) {
        Map<String, Row> rows = rowsByScope[scope.ordinal()];
        Row row = rows.get(id);
        if (row == null) {
            row = new Row();
            rows.put(id, row);
        }
        return row;
    }

    private int currencyIndex(Currency currency) {
        int index = knownCurrencyIndex(currency);
        if (index >= 0) {
            return index;
        }
        if (currencyCount == currencies.length) {
            currencies = Arrays.copyOf(currencies, 2 * currencyCount);
        }
        currencies[currencyCount] = currency;
        return currencyCount++;
    }

    private static String idOf(CreditScope scope, Attribution who) {
        return switch (scope) {
            case ACCOUNT -> who.accountId();
            case TRADER -> who.traderId();
            case STRATEGY -> who.strategyId();
        };
    }

    /**
     * What the order has left at its price (a limit order's limit, a stop's stop price, a market order's reference
     * when accepted); while a replace is pending, the larger of that and the order it would become.
     */
    private static long workingValue(OrderState order, Counted entry) {
        long value = value(priceOf(order.limitPrice, order.stopPrice, entry), order.quantity - order.cumQuantity,
                entry.multiplier, entry.valueScale);
        if (order.status == OrderStatus.PENDING_REPLACE) {
            value = Math.max(value, value(priceOf(order.pendingLimitPrice, order.pendingStopPrice, entry),
                    order.pendingQuantity - order.cumQuantity, entry.multiplier, entry.valueScale));
        }
        return value;
    }

    private static long priceOf(long limitPrice, long stopPrice, Counted entry) {
        return limitPrice != OrderRequest.NO_PRICE ? limitPrice
                : stopPrice != OrderRequest.NO_PRICE ? stopPrice : entry.marketPrice;
    }

    /**
     * {@code |price| × quantity × multiplier} at {@link #SCALE}, rounded up, saturated at {@link Long#MAX_VALUE}; 0
     * for no price or no quantity. Allocates nothing unless the product at the instrument's own scale is beyond a
     * {@code long} (orders of more than 922 million at scale 10), which is worked out exactly.
     */
    static long value(long price, long quantity, long multiplier, int valueScale) {
        if (price == OrderRequest.NO_PRICE || quantity <= 0) {
            return 0;
        }
        long magnitude = price == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(price);
        int shift = valueScale - SCALE;
        try {
            long product = Math.multiplyExact(Math.multiplyExact(magnitude, quantity), multiplier);
            if (shift <= 0) {
                return Math.multiplyExact(product, Decimals.pow10(-shift));
            }
            if (shift > 18) {
                return product == 0 ? 0 : 1;
            }
            long divisor = Decimals.pow10(shift);
            return product / divisor + (product % divisor == 0 ? 0 : 1);
        } catch (ArithmeticException beyondLong) {
            BigInteger product = BigInteger.valueOf(magnitude).multiply(BigInteger.valueOf(quantity))
                    .multiply(BigInteger.valueOf(multiplier));
            BigInteger scaled = shift <= 0 ? product.multiply(BigInteger.TEN.pow(-shift))
                    : product.add(BigInteger.TEN.pow(shift).subtract(BigInteger.ONE))
                            .divide(BigInteger.TEN.pow(shift));
            return scaled.bitLength() < 64 ? scaled.longValue() : Long.MAX_VALUE;
        }
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }
}

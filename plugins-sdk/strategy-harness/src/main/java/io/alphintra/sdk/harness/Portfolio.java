package io.alphintra.sdk.harness;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.FxSpot;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Fill;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.CashBalance;
import io.alphintra.sdk.portfolio.Position;

/**
 * The strategy's books, kept as the engine keeps them: average cost, exact in fixed point. A position keeps its
 * net quantity and the cost of its open quantity ({@code Σ price × |quantity|}); a fill against it closes part or
 * all of it and realises {@code ±(price × closed − removed cost)}, where a partial close removes its share of the
 * cost rounded half-even, so realised plus unrealised P&amp;L is always the exact cash-flow P&amp;L. Fees in the
 * quote currency reduce realised P&amp;L. Cash: the quote currency pays or receives the notional; a crypto or FX
 * pair also moves its base currency by the quantity.
 */
final class Portfolio {

    private static final class Book {
        final Instrument instrument;
        long net;
        long openCost;
        Money realized;
        long changedNanos;

        Book(Instrument instrument) {
            this.instrument = instrument;
            this.realized = Money.of(instrument.quoteCurrency(), 0, notionalScale(instrument));
        }
    }

    private final String accountId;
    private final String strategyId;
    private final Currency baseCurrency;
    private final Map<InstrumentId, Book> books = new LinkedHashMap<>();
    private final Map<InstrumentId, Long> marks = new LinkedHashMap<>();
    private final Map<Currency, Money> cash = new TreeMap<>();
    private final Map<Currency, Money> fees = new TreeMap<>();

    Portfolio(String accountId, String strategyId, Currency baseCurrency, List<Money> deposits) {
        this.accountId = accountId;
        this.strategyId = strategyId;
        this.baseCurrency = baseCurrency;
        deposits.forEach(amount -> add(cash, amount));
    }

    Currency baseCurrency() {
        return baseCurrency;
    }

    /** The last recorded price of an instrument, which open positions are marked at. */
    void mark(InstrumentId instrumentId, long price) {
        marks.put(instrumentId, price);
    }

    OptionalLong markPrice(InstrumentId instrumentId) {
        Long price = marks.get(instrumentId);
        return price == null ? OptionalLong.empty() : OptionalLong.of(price);
    }

    void book(Instrument instrument, Fill fill) {
        Book book = books.computeIfAbsent(instrument.id(), id -> new Book(instrument));
        long signed = fill.signedQuantity();
        long quantity = fill.quantity();
        long price = fill.price();
        long realized = 0;
        if (book.net == 0 || (book.net > 0) == (signed > 0)) {
            book.openCost = Decimals.add(book.openCost, Decimals.multiply(price, quantity));
            book.net = Decimals.add(book.net, signed);
        } else {
            long open = Math.abs(book.net);
            long closed = Math.min(quantity, open);
            long removed = quantity < open ? share(book.openCost, closed, open) : book.openCost;
            long closeValue = Decimals.multiply(price, closed);
            realized = book.net > 0 ? Decimals.subtract(closeValue, removed) : Decimals.subtract(removed, closeValue);
            if (quantity < open) {
                book.openCost -= removed;
                book.net += signed;
            } else {
                long flipped = quantity - open;
                book.openCost = Decimals.multiply(price, flipped);
                book.net = signed > 0 ? flipped : -flipped;
            }
        }
        Currency quote = instrument.quoteCurrency();
        int scale = notionalScale(instrument);
        book.realized = book.realized.add(Money.of(quote, realized, scale));
        if (fill.fee().currency().equals(quote)) {
            book.realized = book.realized.subtract(fill.fee());
        }
        book.changedNanos = fill.timeNanos();
        add(cash, Money.of(quote, Decimals.multiply(price, -signed), scale));
        Currency base = baseOf(instrument);
        if (base != null) {
            add(cash, Money.of(base, signed, instrument.quantityScale()));
        }
        add(cash, fill.fee().negate());
        add(fees, fill.fee());
    }

    Optional<Position> position(InstrumentId instrumentId) {
        Book book = books.get(instrumentId);
        return book == null ? Optional.empty()
                : Optional.of(new Position(accountId, strategyId, instrumentId, book.net, book.openCost,
                        book.realized, book.changedNanos));
    }

    List<Position> positions() {
        List<Position> positions = new ArrayList<>();
        books.keySet().forEach(id -> positions.add(position(id).orElseThrow()));
        return positions;
    }

    /** Cash in {@code currency}; zero at its minor units if the account never held any. */
    Money cash(Currency currency) {
        return cash.getOrDefault(currency, Money.zero(currency));
    }

    Money fees(Currency currency) {
        return fees.getOrDefault(currency, Money.zero(currency));
    }

    /** Realised P&amp;L of the instruments quoted in {@code currency}. */
    Money realizedPnl(Currency currency) {
        Money total = Money.zero(currency);
        for (Book book : books.values()) {
            if (book.instrument.quoteCurrency().equals(currency)) {
                total = total.add(book.realized);
            }
        }
        return total;
    }

    /** Unrealised P&amp;L of the open positions quoted in {@code currency}, at their marks. */
    Money unrealizedPnl(Currency currency) {
        Money total = Money.zero(currency);
        for (Book book : books.values()) {
            if (book.instrument.quoteCurrency().equals(currency) && book.net != 0) {
                long value = Decimals.subtract(marketValue(book), Long.signum(book.net) * book.openCost);
                total = total.add(Money.of(currency, value, notionalScale(book.instrument)));
            }
        }
        return total;
    }

    /**
     * Cash in the base currency plus every open position at its mark; the holding of a crypto or FX pair is its
     * position, so its base-currency cash is not counted again.
     *
     * @throws IllegalStateException for a position quoted in another currency, which would need a rate
     */
    Money equity() {
        Money total = cash(baseCurrency);
        for (Book book : books.values()) {
            if (book.net == 0) {
                continue;
            }
            if (!book.instrument.quoteCurrency().equals(baseCurrency)) {
                throw new IllegalStateException("equity in " + baseCurrency + ": the position in "
                        + book.instrument.id() + " is quoted in " + book.instrument.quoteCurrency()
                        + " and there is no exchange rate");
            }
            total = total.add(Money.of(baseCurrency, marketValue(book), notionalScale(book.instrument)));
        }
        return total;
    }

    AccountSnapshot snapshot(long nowNanos) {
        Map<Currency, CashBalance> balances = new TreeMap<>();
        cash.forEach((currency, amount) -> balances.put(currency, new CashBalance(amount, amount)));
        return new AccountSnapshot(accountId, baseCurrency, balances, positions(), nowNanos);
    }

    private long marketValue(Book book) {
        Long mark = marks.get(book.instrument.id());
        if (mark == null) {
            throw new IllegalStateException("no recorded price yet to mark the position in " + book.instrument.id());
        }
        return Decimals.multiply(mark, book.net);
    }

    /** {@code cost × part / whole}, rounded half-even: a partial close's share of the open cost. */
    private static long share(long cost, long part, long whole) {
        return new BigDecimal(BigInteger.valueOf(cost).multiply(BigInteger.valueOf(part)))
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static Currency baseOf(Instrument instrument) {
        if (instrument instanceof CryptoPair pair) {
            return pair.baseCurrency();
        }
        if (instrument instanceof FxSpot pair) {
            return pair.baseCurrency();
        }
        return null;
    }

    private static int notionalScale(Instrument instrument) {
        return instrument.priceScale() + instrument.quantityScale();
    }

    private static void add(Map<Currency, Money> accounts, Money amount) {
        accounts.merge(amount.currency(), amount, Money::add);
    }
}

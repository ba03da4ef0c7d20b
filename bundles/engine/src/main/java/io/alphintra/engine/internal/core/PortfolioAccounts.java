package io.alphintra.engine.internal.core;

import io.alphintra.engine.internal.account.Account;
import io.alphintra.engine.internal.account.AccountTable;
import io.alphintra.engine.internal.portfolio.Portfolio;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Side;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.CashBalance;
import io.alphintra.sdk.portfolio.Position;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The engine's account book on the {@link Portfolio}: accounts and strategies are interned on first use, an account
 * in the base currency its reference data gives then (or the fallback currency, for one without).
 *
 * <p>The portfolio books only what the engine did: the cash effects of fills. The capital deposited and the borrowing
 * power are reference data ({@link AccountTable}), never booked or journaled: {@link #account} adds them when it
 * answers. So a restart, which replays the fills, cannot count a deposit twice, and a changed configuration changes
 * the cash at once. The portfolio keeps the base currency an account was first interned with (it is in the engine's
 * snapshots); a later change of it in the reference data shows in {@link #account} at once, converts nothing (cash is
 * held per currency) and reaches the portfolio's own valuation only with a fresh journal.
 */
public final class PortfolioAccounts implements AccountBook {
    /** Marks a lookup not made yet; -1 (from the portfolio) means the instrument is not registered. */
    private static final int UNKNOWN = Integer.MIN_VALUE;
    /** The portfolio's instrument index by the engine's instrument key, looked up once per instrument. */
    private int[] indexByKey = new int[0];
    // Replaced whole by restore() and clear(), so that a failed restore leaves the books untouched.
    private Portfolio portfolio = new Portfolio();
    private final Currency fallbackCurrency;
    private final java.util.Set<String> accountIds = new java.util.TreeSet<>();
    /** Written by the engine thread between two events; volatile so that the gate's single read sees one table. */
    private volatile AccountTable table = AccountTable.EMPTY;

    /** @param fallbackCurrency the base currency of an account without reference data (one removed, say) */
    public PortfolioAccounts(Currency fallbackCurrency) {
        this.fallbackCurrency = fallbackCurrency;
    }

    @Override
    public AccountTable table() {
        return table;
    }

    /** Puts {@code next} in force; on the engine thread (or before it starts). */
    public void table(AccountTable next) {
        table = next;
    }

    @Override
    public void register(Instrument instrument) {
        portfolio.registerInstrument(instrument);
        forgetIndexes();
    }

    @Override
    public AccountSnapshot account(String accountId) {
        AccountSnapshot booked = portfolio.snapshot(intern(accountId), EngineClock.nowNanos());
        Account reference = table.get(accountId);
        return reference == null || reference.isBroken() ? booked : withReferenceData(booked, reference);
    }

    /**
     * The booked cash plus the deposited cash, per currency; the borrowing power adds to what is available (as the
     * SDK's {@link CashBalance#available()} says), and the base currency is the configured one.
     */
    static AccountSnapshot withReferenceData(AccountSnapshot booked, Account reference) {
        java.util.Map<Currency, Money> totals = new java.util.TreeMap<>();
        booked.balances().forEach((currency, balance) -> totals.put(currency, balance.total()));
        for (Money deposit : reference.cash().list()) {
            totals.merge(deposit.currency(), deposit, Money::add);
        }
        for (Money credit : reference.margin().list()) {
            totals.putIfAbsent(credit.currency(), Money.zero(credit.currency()));
        }
        java.util.Map<Currency, CashBalance> balances = new java.util.TreeMap<>();
        totals.forEach((currency, total) -> {
            Money credit = reference.margin().get(currency);
            balances.put(currency, new CashBalance(total, credit == null ? total : total.add(credit)));
        });
        return new AccountSnapshot(booked.accountId(), reference.baseCurrency(), balances, booked.positions(),
                booked.asOfNanos());
    }

    /** Every position with its unrealised P&L, by account. */
    public java.util.List<io.alphintra.engine.PositionView> positions() {
        java.util.List<io.alphintra.engine.PositionView> views = new java.util.ArrayList<>();
        for (String accountId : accountIds) {
            int account = portfolio.accountIndex(accountId);
            for (Position position : portfolio.snapshot(account, EngineClock.nowNanos()).positions()) {
                views.add(new io.alphintra.engine.PositionView(position, portfolio.unrealizedPnl(account,
                        portfolio.strategyIndex(position.strategyId()),
                        portfolio.instrumentIndex(position.instrumentId()))));
            }
        }
        return views;
    }

    /** An account already known keeps the base currency it was interned with; see the class comment. */
    private int intern(String accountId) {
        int known = portfolio.accountIndex(accountId);
        if (known >= 0) {
            return known;
        }
        accountIds.add(accountId);
        Account reference = table.get(accountId);
        return portfolio.registerAccount(accountId, reference == null || reference.isBroken() ? fallbackCurrency
                : reference.baseCurrency());
    }

    @Override
    public Optional<Position> position(String accountId, String strategyId, InstrumentId instrumentId) {
        int account = portfolio.accountIndex(accountId);
        int strategy = portfolio.strategyIndex(strategyId);
        int instrument = portfolio.instrumentIndex(instrumentId);
        if (account < 0 || strategy < 0 || instrument < 0) {
            return Optional.empty();
        }
        return portfolio.position(account, strategy, instrument);
    }

    @Override
    public long accountNetQuantity(String accountId, InstrumentId instrumentId) {
        int account = portfolio.accountIndex(accountId);
        int instrument = portfolio.instrumentIndex(instrumentId);
        return account < 0 || instrument < 0 ? 0 : portfolio.accountNetQuantity(account, instrument);
    }

    @Override
    public long strategyNetQuantity(String accountId, String strategyId, InstrumentId instrumentId) {
        int account = portfolio.accountIndex(accountId);
        int strategy = portfolio.strategyIndex(strategyId);
        int instrument = portfolio.instrumentIndex(instrumentId);
        return account < 0 || strategy < 0 || instrument < 0 ? 0
                : portfolio.netQuantity(account, strategy, instrument);
    }

    @Override
    public void apply(String accountId, String strategyId, InstrumentId instrumentId, Side side, long quantity,
                      long price, Money fee, long timeNanos) {
        int instrument = portfolio.instrumentIndex(instrumentId);
        if (instrument < 0) {
            throw new IllegalArgumentException("instrumentId = " + instrumentId + ": not registered");
        }
        if (fee == null) {
            throw new IllegalArgumentException("fee: required (was null) for a fill of " + instrumentId);
        }
        // Known names are looked up, not registered again: registration validates the name on every call.
        int account = portfolio.accountIndex(accountId);
        int strategy = portfolio.strategyIndex(strategyId);
        portfolio.applyFill(account >= 0 ? account : intern(accountId),
                strategy >= 0 ? strategy : portfolio.registerStrategy(strategyId), instrument, side.sign() * quantity,
                price, fee.currency(), fee.mantissa(), fee.scale(), timeNanos);
    }

    @Override
    public void mark(int instrumentKey, InstrumentId instrumentId, long price) {
        if (instrumentKey >= indexByKey.length) {
            int length = indexByKey.length;
            indexByKey = Arrays.copyOf(indexByKey, Math.max(2 * length, instrumentKey + 1));
            Arrays.fill(indexByKey, length, indexByKey.length, UNKNOWN);
        }
        int instrument = indexByKey[instrumentKey];
        if (instrument == UNKNOWN) {
            instrument = portfolio.instrumentIndex(instrumentId);
            indexByKey[instrumentKey] = instrument;
        }
        if (instrument >= 0) {
            portfolio.mark(instrument, price);
        }
    }

    /** Registering an instrument or replacing the portfolio changes what the cached lookups would answer. */
    private void forgetIndexes() {
        Arrays.fill(indexByKey, UNKNOWN);
    }

    @Override
    public byte[] stateHash() {
        return portfolio.stateHash();
    }

    @Override
    public int snapshotSize() {
        return portfolio.snapshotSize();
    }

    @Override
    public void snapshot(ByteBuffer out) {
        portfolio.writeSnapshot(out);
    }

    @Override
    public void restore(ByteBuffer snapshot) {
        Portfolio restored = new Portfolio();
        for (Instrument instrument : portfolio.instruments()) {
            restored.registerInstrument(instrument);
        }
        restored.readSnapshot(snapshot);
        portfolio = restored;
        forgetIndexes();
        accountIds.clear();
        accountIds.addAll(restored.accountIds());
    }

    @Override
    public void clear() {
        portfolio = new Portfolio();
        forgetIndexes();
        accountIds.clear();
    }

    /** The underlying portfolio, for read-only reporting on the engine thread. */
    public Portfolio portfolio() {
        return portfolio;
    }
}

package io.alphintra.engine.internal.portfolio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.FxSpot;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.Fill;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.CashBalance;
import io.alphintra.sdk.portfolio.Position;

/**
 * The engine's books: positions per (account, strategy, instrument), their aggregates per (account, instrument),
 * and cash per (account, currency), changed only by fills and cash adjustments on the engine's single writer
 * thread. No locks: nothing else may call it. Other threads get immutable SDK snapshots that the engine thread
 * takes.
 *
 * <h2>Booking</h2>
 * Average-cost accounting, exact in fixed point. A position keeps its signed net quantity and its open cost
 * {@code Σ price × |quantity|} at the instrument's notional scale (SDK {@link Position#openPriceQuantity()}), so
 * the average open price is {@code openCost / |net|} without drift. A fill in the direction of the position (or
 * from flat) adds to both. A fill against it closes {@code min(|fill|, |net|)}: a full close removes the whole open
 * cost; a partial close removes {@code openCost × closed / |net|}, rounded half-even to one unit of the notional
 * scale, and leaves the rest in the open cost, so rounding never creates or destroys money: realised plus
 * unrealised P&amp;L always equals the exact cash-flow P&amp;L of the fills. Realised P&amp;L of a close is
 * {@code ±(price × closed − removed cost) × multiplier}; a fill beyond flat opens the remainder at the fill price
 * (the flip). Fees in the quote currency reduce realised P&amp;L; a fee in another currency (a crypto venue charging
 * the base asset) is charged to cash in that currency only, because turning it into quote currency needs a rate.
 *
 * <h2>Cash</h2>
 * See {@link CashEffect}: equities move the notional in the quote currency; FX spot and crypto pairs also move the
 * base currency by the quantity; futures move only realised P&amp;L (no daily variation margin). FX forwards are
 * refused at registration: they settle on their value date, which is not modelled yet. Short positions are allowed
 * everywhere; whether one may be opened is a pre-trade question, not a booking one. {@link CashBalance#available()}
 * equals the total: reservations for open orders belong to the order manager.
 *
 * <h2>Exactness and failure</h2>
 * Every product and sum is overflow-checked and throws {@link ArithmeticException} naming the operands and the
 * fill; nothing wraps and nothing rounds except the partial-close share above. A fill is staged and committed as a
 * whole: one that throws leaves the books exactly as they were (the state hash does not change).
 *
 * <h2>Hot path</h2>
 * Accounts, strategies and instruments are interned to dense {@code int} indices at registration; positions are
 * found by a packed {@code long} key in an open-addressing map, cash and aggregates by index in arrays. Once a key
 * has been seen, {@link #applyFill} allocates nothing. Registration, snapshots, valuation and hashing allocate.
 *
 * <h2>Recovery</h2>
 * {@link #stateHash()} is a SHA-256 over a canonical, sorted encoding of every position and balance, keyed by the
 * ids' text, so a portfolio rebuilt from the journal, or restored by {@link #readSnapshot(ByteBuffer)}, can be
 * proven identical whatever order things were registered or first traded in. Marks are market data, not books:
 * neither hashed nor snapshotted.
 */
public final class Portfolio {
    /** Packed position keys hold 20 bits of account index, 22 of strategy and 22 of instrument. */
    static final int MAX_ACCOUNTS = 1 << 20;
    static final int MAX_STRATEGIES = 1 << 22;
    static final int MAX_INSTRUMENTS = 1 << 22;
    private static final int MAX_ID_LENGTH = 64;
    /** A fill touches at most position P&amp;L, aggregate P&amp;L, quote, base and fee cash. */
    private static final int MAX_STAGED = 5;

    private final List<AccountBook> accounts = new ArrayList<>();
    private final Map<String, Integer> accountIndexes = new HashMap<>();
    private final List<String> strategies = new ArrayList<>();
    private final Map<String, Integer> strategyIndexes = new HashMap<>();
    private final List<InstrumentBook> instruments = new ArrayList<>();
    private final Map<InstrumentId, Integer> instrumentIndexes = new HashMap<>();
    private final List<Currency> currencies = new ArrayList<>();
    private final Map<Currency, Integer> currencyIndexes = new HashMap<>();
    private final LongObjectMap<PositionBook> positions = new LongObjectMap<>(1024);

    // One fill's changes to exact amounts, applied together by commitStaged() once all of them were computed.
    private final ScaledAmount[] stagedTargets = new ScaledAmount[MAX_STAGED];
    private final long[] stagedMantissas = new long[MAX_STAGED];
    private final int[] stagedScales = new int[MAX_STAGED];
    private int stagedCount;
    // Balances the fill creates, installed into stagedAccount only on commit.
    private final ScaledAmount[] newBalances = new ScaledAmount[MAX_STAGED];
    private final int[] newBalanceCurrencies = new int[MAX_STAGED];
    private int newBalanceCount;
    private AccountBook stagedAccount;

    // ---------------------------------------------------------------------------------------------------------
    // Registration: once per account, strategy and instrument, before their first fill. Allocates.

    /**
     * Interns an account. Registering the same id again returns the same index.
     *
     * @return the account's index, dense from 0
     * @throws IllegalArgumentException for a bad id, or an id already registered with another base currency
     */
    public int registerAccount(String accountId, Currency baseCurrency) {
        requireId("accountId", accountId);
        if (baseCurrency == null) {
            throw new IllegalArgumentException("baseCurrency: required (was null)");
        }
        Integer known = accountIndexes.get(accountId);
        if (known != null) {
            Currency registered = accounts.get(known).baseCurrency;
            if (!registered.equals(baseCurrency)) {
                throw new IllegalArgumentException("baseCurrency = " + baseCurrency + ": account '" + accountId
                        + "' is registered with base currency " + registered);
            }
            return known;
        }
        if (accounts.size() == MAX_ACCOUNTS) {
            throw new IllegalStateException("accountId = '" + accountId + "': more than " + MAX_ACCOUNTS + " accounts");
        }
        int index = accounts.size();
        accounts.add(new AccountBook(index, accountId, baseCurrency));
        accountIndexes.put(accountId, index);
        currencyIndex(baseCurrency);
        return index;
    }

    /** Interns a strategy instance id; registering it again returns the same index. */
    public int registerStrategy(String strategyId) {
        requireId("strategyId", strategyId);
        Integer known = strategyIndexes.get(strategyId);
        if (known != null) {
            return known;
        }
        if (strategies.size() == MAX_STRATEGIES) {
            throw new IllegalStateException("strategyId = '" + strategyId + "': more than " + MAX_STRATEGIES
                    + " strategies");
        }
        int index = strategies.size();
        strategies.add(strategyId);
        strategyIndexes.put(strategyId, index);
        return index;
    }

    /**
     * Interns an instrument with the reference data the booking needs (scales, currencies, multiplier).
     * Registering an equal instrument again returns the same index.
     *
     * @throws IllegalArgumentException for an FX forward (value-date settlement is not booked), for an id
     *     registered with different reference data, or when price, quantity and multiplier scales add up to more
     *     than 18
     */
    public int registerInstrument(Instrument instrument) {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument: required (was null)");
        }
        Integer known = instrumentIndexes.get(instrument.id());
        if (known != null) {
            if (!instruments.get(known).instrument.equals(instrument)) {
                throw new IllegalArgumentException("instrument = " + instrument.id()
                        + ": already registered with different reference data");
            }
            return known;
        }
        if (instruments.size() == MAX_INSTRUMENTS) {
            throw new IllegalStateException("instrument = " + instrument.id() + ": more than " + MAX_INSTRUMENTS
                    + " instruments");
        }
        CashEffect cashEffect;
        Currency baseCurrency = null;
        long multiplier = 1;
        int multiplierScale = 0;
        if (instrument instanceof Equity) {
            cashEffect = CashEffect.NOTIONAL;
        } else if (instrument instanceof FxSpot fx) {
            cashEffect = CashEffect.NOTIONAL_AND_BASE;
            baseCurrency = fx.baseCurrency();
        } else if (instrument instanceof CryptoPair pair) {
            cashEffect = CashEffect.NOTIONAL_AND_BASE;
            baseCurrency = pair.baseCurrency();
        } else if (instrument instanceof FutureContract future) {
            cashEffect = CashEffect.REALIZED_PNL;
            multiplier = future.multiplier().mantissa();
            multiplierScale = future.multiplier().scale();
        } else {
            throw new IllegalArgumentException("instrument = " + instrument.id() + ": " + instrument.assetClass()
                    + " is not booked yet (an FX forward settles on its value date, which the portfolio does not"
                    + " model)");
        }
        Decimals.requireScale("priceScale + quantityScale + multiplier scale of " + instrument.id(),
                instrument.priceScale() + instrument.quantityScale() + multiplierScale);
        int index = instruments.size();
        instruments.add(new InstrumentBook(index, instrument, cashEffect, currencyIndex(instrument.quoteCurrency()),
                baseCurrency == null ? -1 : currencyIndex(baseCurrency), multiplier, multiplierScale));
        instrumentIndexes.put(instrument.id(), index);
        return index;
    }

    /** Every registered account's id, in registration order. */
    public List<String> accountIds() {
        return accounts.stream().map(account -> account.id).toList();
    }

    /** Every registered instrument, in registration order. */
    public List<Instrument> instruments() {
        return instruments.stream().map(book -> book.instrument).toList();
    }

    /** The index of a registered account, or -1. */
    public int accountIndex(String accountId) {
        Integer index = accountIndexes.get(accountId);
        return index == null ? -1 : index;
    }

    /** The index of a registered strategy, or -1. */
    public int strategyIndex(String strategyId) {
        Integer index = strategyIndexes.get(strategyId);
        return index == null ? -1 : index;
    }

    /** The index of a registered instrument, or -1. Does not allocate. */
    public int instrumentIndex(InstrumentId instrumentId) {
        Integer index = instrumentIndexes.get(instrumentId);
        return index == null ? -1 : index;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Booking: the hot path.

    /**
     * Books a fill, as {@link #applyFill(int, int, int, long, long, Currency, long, int, long)} with the fill's
     * instrument, signed quantity, price, fee and time.
     *
     * @throws IllegalArgumentException if the fill's instrument is not registered
     */
    public void applyFill(int accountIndex, int strategyIndex, Fill fill) {
        int instrumentIndex = instrumentIndex(fill.instrumentId());
        if (instrumentIndex < 0) {
            throw new IllegalArgumentException("instrumentId = " + fill.instrumentId() + ": not registered (fill "
                    + fill.execId() + ")");
        }
        Money fee = fill.fee();
        applyFill(accountIndex, strategyIndex, instrumentIndex, fill.signedQuantity(), fill.price(),
                fee.currency(), fee.mantissa(), fee.scale(), fill.timeNanos());
    }

    /**
     * Books one execution to the position of (account, strategy, instrument), the account's aggregate for the
     * instrument and the account's cash, all or nothing.
     *
     * @param signedQuantity quantity units, positive for a buy, negative for a sale; not zero
     * @param price price units; positive unless the instrument allows other prices (futures)
     * @param feeCurrency currency of the fee
     * @param feeMantissa fee at {@code feeScale}; negative for a rebate
     * @param timeNanos time of the fill, recorded as the position's last change
     * @throws IllegalArgumentException for an unregistered index, zero quantity, or a price the instrument forbids
     * @throws ArithmeticException on overflow, naming the operands; the books are then unchanged
     */
    public void applyFill(int accountIndex, int strategyIndex, int instrumentIndex, long signedQuantity, long price,
            Currency feeCurrency, long feeMantissa, int feeScale, long timeNanos) {
        AccountBook account = account(accountIndex);
        requireStrategy(strategyIndex);
        InstrumentBook instrument = instrument(instrumentIndex);
        if (signedQuantity == 0 || signedQuantity == Long.MIN_VALUE) {
            throw new IllegalArgumentException("signedQuantity = " + signedQuantity + ": must be non-zero (fill of "
                    + instrument.idText + ")");
        }
        if (price <= 0 && !instrument.allowsNonPositivePrices) {
            throw new IllegalArgumentException("price = " + price + ": must be positive for " + instrument.idText);
        }
        if (feeCurrency == null) {
            throw new IllegalArgumentException("feeCurrency: required (was null)");
        }
        Decimals.requireScale("feeScale", feeScale);
        int feeCurrencyIndex = currencyIndex(feeCurrency);
        long key = positionKey(accountIndex, strategyIndex, instrumentIndex);
        PositionBook position = positions.get(key);
        boolean newPosition = position == null;
        ExposureBook exposure = account.exposure(instrumentIndex);
        boolean newExposure = exposure == null;
        if (newPosition) {
            if (newExposure) {
                exposure = new ExposureBook(instrument);
            }
            position = new PositionBook(account, strategies.get(strategyIndex), instrument, exposure);
        }
        beginStaging(account);
        try {
            book(position, signedQuantity, price, feeCurrencyIndex, feeMantissa, feeScale, timeNanos);
        } catch (ArithmeticException overflow) {
            ArithmeticException described = new ArithmeticException("cannot book fill of " + signedQuantity
                    + " units at " + price + " (fee " + feeMantissa + "e-" + feeScale + " " + feeCurrency + ") to "
                    + account.id + "/" + position.strategyId + "/" + instrument.idText + ": "
                    + overflow.getMessage());
            described.initCause(overflow);
            throw described;
        }
        if (newPosition) {
            if (newExposure) {
                account.installExposure(exposure);
            }
            positions.putNew(key, position);
            account.positions.add(position);
        }
    }

    /**
     * Deposits ({@code amount > 0}) or withdraws cash, e.g. initial funding or a transfer the engine journaled.
     *
     * @throws ArithmeticException on overflow; the balance is then unchanged
     */
    public void adjustCash(int accountIndex, Currency currency, long mantissa, int scale) {
        AccountBook account = account(accountIndex);
        if (currency == null) {
            throw new IllegalArgumentException("currency: required (was null)");
        }
        Decimals.requireScale("scale", scale);
        beginStaging(account);
        stageCash(currencyIndex(currency), mantissa, scale);
        commitStaged();
    }

    private void book(PositionBook position, long signedQuantity, long price, int feeCurrencyIndex,
            long feeMantissa, int feeScale, long timeNanos) {
        InstrumentBook instrument = position.instrument;
        ExposureBook exposure = position.exposure;
        long net = position.netQuantity;
        long cost = position.openCost;
        long fillQuantity = Math.abs(signedQuantity);
        long newNet;
        long newCost;
        long realizedBeforeMultiplier = 0;
        if (net == 0 || (net > 0) == (signedQuantity > 0)) {
            newNet = Decimals.add(net, signedQuantity);
            newCost = Decimals.add(cost, Decimals.multiply(price, fillQuantity));
        } else {
            long openQuantity = Math.abs(net);
            long closedQuantity = Math.min(fillQuantity, openQuantity);
            long removedCost;
            if (fillQuantity < openQuantity) {
                removedCost = Long.signum(cost)
                        * ExactArithmetic.multiplyDivideHalfEven(Math.abs(cost), closedQuantity, openQuantity);
                newNet = net + signedQuantity;
                newCost = cost - removedCost;
            } else {
                removedCost = cost;
                long remainder = fillQuantity - openQuantity;
                newNet = signedQuantity > 0 ? remainder : -remainder;
                newCost = Decimals.multiply(price, remainder);
            }
            long closeValue = Decimals.multiply(price, closedQuantity);
            realizedBeforeMultiplier = net > 0 ? Decimals.subtract(closeValue, removedCost)
                    : Decimals.subtract(removedCost, closeValue);
        }
        long realized = Decimals.multiply(realizedBeforeMultiplier, instrument.multiplier);

        long newExposureNet = Decimals.add(Decimals.subtract(exposure.netQuantity, net), newNet);
        long newExposureCost = Decimals.add(
                Decimals.subtract(exposure.signedOpenCost, Decimals.multiply(Long.signum(net), cost)),
                Decimals.multiply(Long.signum(newNet), newCost));
        long feeCharge = Decimals.subtract(0, feeMantissa);

        stage(position.realizedPnl, realized, instrument.pnlScale);
        stage(exposure.realizedPnl, realized, instrument.pnlScale);
        if (feeCurrencyIndex == instrument.quoteCurrencyIndex) {
            stage(position.realizedPnl, feeCharge, feeScale);
            stage(exposure.realizedPnl, feeCharge, feeScale);
        }
        switch (instrument.cashEffect) {
            case NOTIONAL -> stageCash(instrument.quoteCurrencyIndex, Decimals.multiply(price, -signedQuantity),
                    instrument.notionalScale);
            case NOTIONAL_AND_BASE -> {
                stageCash(instrument.quoteCurrencyIndex, Decimals.multiply(price, -signedQuantity),
                        instrument.notionalScale);
                stageCash(instrument.baseCurrencyIndex, signedQuantity, instrument.quantityScale);
            }
            case REALIZED_PNL -> stageCash(instrument.quoteCurrencyIndex, realized, instrument.pnlScale);
        }
        stageCash(feeCurrencyIndex, feeCharge, feeScale);

        commitStaged();
        position.netQuantity = newNet;
        position.openCost = newCost;
        position.lastChangeNanos = timeNanos;
        exposure.netQuantity = newExposureNet;
        exposure.signedOpenCost = newExposureCost;
    }

    private void beginStaging(AccountBook account) {
        stagedAccount = account;
        stagedCount = 0;
        newBalanceCount = 0;
    }

    private void stageCash(int currencyIndex, long mantissa, int scale) {
        if (mantissa == 0) {
            return;
        }
        ScaledAmount balance = stagedAccount.cash(currencyIndex);
        if (balance == null) {
            for (int i = 0; i < newBalanceCount && balance == null; i++) {
                if (newBalanceCurrencies[i] == currencyIndex) {
                    balance = newBalances[i];
                }
            }
            if (balance == null) {
                balance = new ScaledAmount(currencies.get(currencyIndex).minorUnits());
                newBalances[newBalanceCount] = balance;
                newBalanceCurrencies[newBalanceCount] = currencyIndex;
                newBalanceCount++;
            }
        }
        stage(balance, mantissa, scale);
    }

    /**
     * Adds {@code mantissa × 10^-scale} to the staged value of {@code target} without touching it, at the finer of
     * the two scales. Zero is not staged, so that a zero fee at scale 6 does not refine a balance's scale.
     */
    private void stage(ScaledAmount target, long mantissa, int scale) {
        if (mantissa == 0) {
            return;
        }
        int slot = 0;
        while (slot < stagedCount && stagedTargets[slot] != target) {
            slot++;
        }
        if (slot == stagedCount) {
            stagedTargets[slot] = target;
            stagedMantissas[slot] = target.mantissa;
            stagedScales[slot] = target.scale;
            stagedCount++;
        }
        int currentScale = stagedScales[slot];
        int commonScale = Math.max(currentScale, scale);
        long current = Decimals.rescale(stagedMantissas[slot], currentScale, commonScale);
        long added = Decimals.rescale(mantissa, scale, commonScale);
        stagedMantissas[slot] = Decimals.add(current, added);
        stagedScales[slot] = commonScale;
    }

    private void commitStaged() {
        for (int i = 0; i < newBalanceCount; i++) {
            stagedAccount.installCash(newBalanceCurrencies[i], newBalances[i]);
            newBalances[i] = null;
        }
        for (int i = 0; i < stagedCount; i++) {
            ScaledAmount target = stagedTargets[i];
            target.mantissa = stagedMantissas[i];
            target.scale = stagedScales[i];
            stagedTargets[i] = null;
        }
        stagedCount = 0;
        newBalanceCount = 0;
        stagedAccount = null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Marks and hot-path reads.

    /**
     * Sets the instrument's mark (last trade or mid, price units), against which unrealised P&amp;L and equity are
     * computed until the next mark.
     */
    public void mark(int instrumentIndex, long price) {
        InstrumentBook instrument = instrument(instrumentIndex);
        if (price <= 0 && !instrument.allowsNonPositivePrices) {
            throw new IllegalArgumentException("price = " + price + ": must be positive for " + instrument.idText);
        }
        instrument.markPrice = price;
        instrument.marked = true;
    }

    /** Net quantity of one strategy's position, quantity units; 0 if it never traded. Does not allocate. */
    public long netQuantity(int accountIndex, int strategyIndex, int instrumentIndex) {
        account(accountIndex);
        requireStrategy(strategyIndex);
        instrument(instrumentIndex);
        PositionBook position = positions.get(positionKey(accountIndex, strategyIndex, instrumentIndex));
        return position == null ? 0 : position.netQuantity;
    }

    /** Net quantity of all strategies of an account in an instrument. Does not allocate. */
    public long accountNetQuantity(int accountIndex, int instrumentIndex) {
        instrument(instrumentIndex);
        ExposureBook exposure = account(accountIndex).exposure(instrumentIndex);
        return exposure == null ? 0 : exposure.netQuantity;
    }

    /**
     * Unrealised P&amp;L of one strategy's position at the instrument's mark, in the quote currency at the
     * instrument's P&amp;L scale; zero when flat, empty when open but not marked yet.
     */
    public Optional<Money> unrealizedPnl(int accountIndex, int strategyIndex, int instrumentIndex) {
        account(accountIndex);
        requireStrategy(strategyIndex);
        InstrumentBook instrument = instrument(instrumentIndex);
        PositionBook position = positions.get(positionKey(accountIndex, strategyIndex, instrumentIndex));
        if (position == null) {
            return Optional.of(Money.of(instrument.quoteCurrency, 0, instrument.pnlScale));
        }
        return unrealized(instrument, position.netQuantity, Long.signum(position.netQuantity) * position.openCost);
    }

    /** Unrealised P&amp;L of all strategies of an account in an instrument; see {@link #unrealizedPnl(int, int, int)}. */
    public Optional<Money> accountUnrealizedPnl(int accountIndex, int instrumentIndex) {
        InstrumentBook instrument = instrument(instrumentIndex);
        ExposureBook exposure = account(accountIndex).exposure(instrumentIndex);
        if (exposure == null) {
            return Optional.of(Money.of(instrument.quoteCurrency, 0, instrument.pnlScale));
        }
        return unrealized(instrument, exposure.netQuantity, exposure.signedOpenCost);
    }

    /** Realised P&amp;L of all strategies of an account in an instrument, quote currency, after quote-currency fees. */
    public Money accountRealizedPnl(int accountIndex, int instrumentIndex) {
        InstrumentBook instrument = instrument(instrumentIndex);
        ExposureBook exposure = account(accountIndex).exposure(instrumentIndex);
        return exposure == null ? Money.of(instrument.quoteCurrency, 0, instrument.pnlScale)
                : exposure.realizedPnl.toMoney(instrument.quoteCurrency);
    }

    /** {@code (mark × net − signedOpenCost) × multiplier}, which is the unrealised P&amp;L of a long or a short. */
    private static Optional<Money> unrealized(InstrumentBook instrument, long net, long signedOpenCost) {
        if (net == 0 && signedOpenCost == 0) {
            return Optional.of(Money.of(instrument.quoteCurrency, 0, instrument.pnlScale));
        }
        if (!instrument.marked) {
            return Optional.empty();
        }
        long value = Decimals.subtract(Decimals.multiply(instrument.markPrice, net), signedOpenCost);
        return Optional.of(Money.of(instrument.quoteCurrency, Decimals.multiply(value, instrument.multiplier),
                instrument.pnlScale));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Snapshots as SDK types. Allocate.

    /** One strategy's position, if it ever traded. */
    public Optional<Position> position(int accountIndex, int strategyIndex, int instrumentIndex) {
        account(accountIndex);
        requireStrategy(strategyIndex);
        instrument(instrumentIndex);
        PositionBook position = positions.get(positionKey(accountIndex, strategyIndex, instrumentIndex));
        return Optional.ofNullable(position).map(Portfolio::toPosition);
    }

    /** The account's balance in {@code currency}, zero at its minor units if it never held any. */
    public CashBalance cash(int accountIndex, Currency currency) {
        AccountBook account = account(accountIndex);
        Integer currencyIndex = currencyIndexes.get(currency);
        ScaledAmount balance = currencyIndex == null ? null : account.cash(currencyIndex);
        Money total = balance == null ? Money.zero(currency) : balance.toMoney(currency);
        return new CashBalance(total, total);
    }

    /**
     * The account's cash and positions, consistent by construction because the engine thread takes it between two
     * events. Positions are sorted by strategy and instrument.
     *
     * @param asOfNanos the engine's current time, stamped on the snapshot
     */
    public AccountSnapshot snapshot(int accountIndex, long asOfNanos) {
        AccountBook account = account(accountIndex);
        Map<Currency, CashBalance> balances = new TreeMap<>();
        for (int i = 0; i < account.cashSlots(); i++) {
            ScaledAmount balance = account.cash(i);
            if (balance != null) {
                Money total = balance.toMoney(currencies.get(i));
                balances.put(total.currency(), new CashBalance(total, total));
            }
        }
        List<Position> accountPositions = account.positions.stream()
                .sorted(Comparator.comparing((PositionBook p) -> p.strategyId).thenComparing(p -> p.instrument.idText))
                .map(Portfolio::toPosition)
                .toList();
        return new AccountSnapshot(account.id, account.baseCurrency, balances, accountPositions, asOfNanos);
    }

    private static Position toPosition(PositionBook position) {
        return new Position(position.account.id, position.strategyId, position.instrument.instrument.id(),
                position.netQuantity, position.openCost,
                position.realizedPnl.toMoney(position.instrument.quoteCurrency), position.lastChangeNanos);
    }

    /**
     * The account's equity in its base currency at {@code scale}: every cash balance converted, plus the market
     * value of equity positions and the unrealised P&amp;L of futures at their marks (FX and crypto holdings are
     * already cash in their base currency). Computed exactly and rounded half-even once, at the end. Allocates and
     * uses {@code BigDecimal}: it is for reporting and periodic risk, not for every event.
     *
     * @throws ArithmeticException if the equity does not fit a {@code long} at {@code scale}
     */
    public EquityValuation equity(int accountIndex, FxRates rates, int scale) {
        AccountBook account = account(accountIndex);
        if (rates == null) {
            throw new IllegalArgumentException("rates: required (was null)");
        }
        Decimals.requireScale("scale", scale);
        Map<Currency, BigDecimal> amounts = new LinkedHashMap<>();
        for (int i = 0; i < account.cashSlots(); i++) {
            ScaledAmount balance = account.cash(i);
            if (balance != null) {
                amounts.merge(currencies.get(i), BigDecimal.valueOf(balance.mantissa, balance.scale), BigDecimal::add);
            }
        }
        List<InstrumentId> unmarkedIds = new ArrayList<>();
        for (int i = 0; i < account.exposureSlots(); i++) {
            ExposureBook exposure = account.exposure(i);
            if (exposure == null || exposure.netQuantity == 0
                    || exposure.instrument.cashEffect == CashEffect.NOTIONAL_AND_BASE) {
                continue;
            }
            InstrumentBook instrument = exposure.instrument;
            if (!instrument.marked) {
                unmarkedIds.add(instrument.instrument.id());
                continue;
            }
            BigInteger marketValue = BigInteger.valueOf(instrument.markPrice)
                    .multiply(BigInteger.valueOf(exposure.netQuantity));
            BigDecimal value = instrument.cashEffect == CashEffect.NOTIONAL
                    ? new BigDecimal(marketValue, instrument.notionalScale)
                    : new BigDecimal(marketValue.subtract(BigInteger.valueOf(exposure.signedOpenCost))
                            .multiply(BigInteger.valueOf(instrument.multiplier)), instrument.pnlScale);
            amounts.merge(instrument.quoteCurrency, value, BigDecimal::add);
        }
        unmarkedIds.sort(Comparator.comparing(InstrumentId::toString));
        List<Currency> missingRates = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Currency, BigDecimal> amount : amounts.entrySet()) {
            if (amount.getValue().signum() == 0) {
                continue;
            }
            Decimal rate = rates.rate(amount.getKey(), account.baseCurrency);
            if (rate == null) {
                missingRates.add(amount.getKey());
            } else {
                total = total.add(amount.getValue().multiply(BigDecimal.valueOf(rate.mantissa(), rate.scale())));
            }
        }
        missingRates.sort(Comparator.naturalOrder());
        if (!missingRates.isEmpty() || !unmarkedIds.isEmpty()) {
            return new EquityValuation(account.id, Optional.empty(), missingRates, unmarkedIds);
        }
        BigDecimal rounded = total.setScale(scale, RoundingMode.HALF_EVEN);
        if (rounded.unscaledValue().bitLength() > 63) {
            throw new ArithmeticException("overflow: equity of account '" + account.id + "' = "
                    + rounded.toPlainString() + " " + account.baseCurrency + " does not fit a long at scale " + scale);
        }
        return new EquityValuation(account.id,
                Optional.of(Money.of(account.baseCurrency, rounded.unscaledValue().longValueExact(), scale)),
                List.of(), List.of());
    }

    // ---------------------------------------------------------------------------------------------------------
    // State hash and engine snapshots.

    /** SHA-256 of the canonical encoding of every position and balance; see {@link PortfolioSnapshotCodec}. */
    public byte[] stateHash() {
        return PortfolioSnapshotCodec.stateHash(positionRows(), cashRows());
    }

    /** Bytes {@link #writeSnapshot(ByteBuffer)} will write now. */
    public int snapshotSize() {
        return PortfolioSnapshotCodec.size(accountRows(), positionRows(), cashRows());
    }

    /**
     * Writes every account, position and balance in the versioned binary format of {@link PortfolioSnapshotCodec},
     * ending with the state hash. Writes nothing if {@code buffer} has less than {@link #snapshotSize()} remaining.
     *
     * @throws IllegalArgumentException if the buffer is too small
     */
    public void writeSnapshot(ByteBuffer buffer) {
        PortfolioSnapshotCodec.write(buffer, accountRows(), positionRows(), cashRows());
    }

    /**
     * Restores the books from a snapshot into this portfolio, which must not have booked anything yet. Instruments
     * must be registered first (the snapshot names them; their reference data comes from the engine). Accounts and
     * strategies in the snapshot are registered if they are not. Everything is validated, including the state
     * hash, before anything is changed.
     *
     * @throws IllegalArgumentException naming the field, for a snapshot that is truncated, of an unknown version,
     *     inconsistent, not canonical, refers to unregistered instruments, or does not match its hash
     * @throws IllegalStateException if this portfolio already holds positions or cash
     */
    public void readSnapshot(ByteBuffer buffer) {
        if (positions.size() > 0 || !cashRows().isEmpty()) {
            throw new IllegalStateException("readSnapshot: the portfolio already holds " + positions.size()
                    + " positions and " + cashRows().size() + " balances; restore into an empty one");
        }
        PortfolioSnapshotCodec.Content content = PortfolioSnapshotCodec.read(buffer);
        for (PortfolioSnapshotCodec.AccountRow account : content.accounts()) {
            Integer known = accountIndexes.get(account.accountId());
            if (known != null && !accounts.get(known).baseCurrency.equals(account.baseCurrency())) {
                throw new IllegalArgumentException("portfolio snapshot: account '" + account.accountId()
                        + "' has base currency " + account.baseCurrency() + " but is registered with "
                        + accounts.get(known).baseCurrency);
            }
        }
        for (int i = 0; i < content.positions().size(); i++) {
            PortfolioSnapshotCodec.PositionRow row = content.positions().get(i);
            int instrumentIndex = instrumentIndex(InstrumentId.parse(row.instrumentId()));
            if (instrumentIndex < 0) {
                throw new IllegalArgumentException("portfolio snapshot: positions[" + i + "].instrumentId = '"
                        + row.instrumentId() + "': not registered; register the instruments before restoring");
            }
            InstrumentBook instrument = instruments.get(instrumentIndex);
            if (row.netQuantity() != 0 && !instrument.allowsNonPositivePrices && row.openPriceQuantity() <= 0) {
                throw new IllegalArgumentException("portfolio snapshot: positions[" + i + "].openPriceQuantity = "
                        + row.openPriceQuantity() + ": must be positive for an open position in "
                        + row.instrumentId());
            }
        }
        for (PortfolioSnapshotCodec.AccountRow account : content.accounts()) {
            registerAccount(account.accountId(), account.baseCurrency());
        }
        for (PortfolioSnapshotCodec.PositionRow row : content.positions()) {
            restorePosition(row);
        }
        for (PortfolioSnapshotCodec.CashRow row : content.cash()) {
            ScaledAmount balance = new ScaledAmount(row.scale());
            balance.mantissa = row.mantissa();
            accounts.get(accountIndexes.get(row.accountId())).installCash(currencyIndex(row.currency()), balance);
        }
    }

    private void restorePosition(PortfolioSnapshotCodec.PositionRow row) {
        AccountBook account = accounts.get(accountIndexes.get(row.accountId()));
        int strategyIndex = registerStrategy(row.strategyId());
        InstrumentBook instrument = instruments.get(instrumentIndex(InstrumentId.parse(row.instrumentId())));
        ExposureBook exposure = account.exposure(instrument.index);
        if (exposure == null) {
            exposure = new ExposureBook(instrument);
            account.installExposure(exposure);
        }
        PositionBook position = new PositionBook(account, row.strategyId(), instrument, exposure);
        position.netQuantity = row.netQuantity();
        position.openCost = row.openPriceQuantity();
        position.realizedPnl.mantissa = row.realizedPnlMantissa();
        position.realizedPnl.scale = row.realizedPnlScale();
        position.lastChangeNanos = row.lastChangeNanos();
        // The aggregates are derived state: rebuilt exactly as fills would have built them.
        exposure.netQuantity = Decimals.add(exposure.netQuantity, position.netQuantity);
        exposure.signedOpenCost = Decimals.add(exposure.signedOpenCost,
                Long.signum(position.netQuantity) * position.openCost);
        int commonScale = Math.max(exposure.realizedPnl.scale, position.realizedPnl.scale);
        if (position.realizedPnl.mantissa != 0) {
            exposure.realizedPnl.mantissa = Decimals.add(
                    Decimals.rescale(exposure.realizedPnl.mantissa, exposure.realizedPnl.scale, commonScale),
                    Decimals.rescale(position.realizedPnl.mantissa, position.realizedPnl.scale, commonScale));
            exposure.realizedPnl.scale = commonScale;
        }
        positions.putNew(positionKey(account.index, strategyIndex, instrument.index), position);
        account.positions.add(position);
    }

    private List<PortfolioSnapshotCodec.AccountRow> accountRows() {
        return accounts.stream()
                .map(account -> new PortfolioSnapshotCodec.AccountRow(account.id, account.baseCurrency))
                .sorted(PortfolioSnapshotCodec.AccountRow.ORDER)
                .toList();
    }

    private List<PortfolioSnapshotCodec.PositionRow> positionRows() {
        List<PortfolioSnapshotCodec.PositionRow> rows = new ArrayList<>(positions.size());
        positions.forEachValue(position -> rows.add(new PortfolioSnapshotCodec.PositionRow(position.account.id,
                position.strategyId, position.instrument.idText, position.netQuantity, position.openCost,
                position.realizedPnl.mantissa, position.realizedPnl.scale, position.lastChangeNanos)));
        rows.sort(PortfolioSnapshotCodec.PositionRow.ORDER);
        return rows;
    }

    private List<PortfolioSnapshotCodec.CashRow> cashRows() {
        List<PortfolioSnapshotCodec.CashRow> rows = new ArrayList<>();
        for (AccountBook account : accounts) {
            for (int i = 0; i < account.cashSlots(); i++) {
                ScaledAmount balance = account.cash(i);
                if (balance != null) {
                    rows.add(new PortfolioSnapshotCodec.CashRow(account.id, currencies.get(i), balance.mantissa,
                            balance.scale));
                }
            }
        }
        rows.sort(PortfolioSnapshotCodec.CashRow.ORDER);
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static long positionKey(int accountIndex, int strategyIndex, int instrumentIndex) {
        return ((long) accountIndex << 44) | ((long) strategyIndex << 22) | instrumentIndex;
    }

    private int currencyIndex(Currency currency) {
        Integer known = currencyIndexes.get(currency);
        if (known != null) {
            return known;
        }
        int index = currencies.size();
        currencies.add(currency);
        currencyIndexes.put(currency, index);
        return index;
    }

    private AccountBook account(int accountIndex) {
        if (accountIndex < 0 || accountIndex >= accounts.size()) {
            throw new IllegalArgumentException("accountIndex = " + accountIndex + ": not a registered account");
        }
        return accounts.get(accountIndex);
    }

    private void requireStrategy(int strategyIndex) {
        if (strategyIndex < 0 || strategyIndex >= strategies.size()) {
            throw new IllegalArgumentException("strategyIndex = " + strategyIndex + ": not a registered strategy");
        }
    }

    private InstrumentBook instrument(int instrumentIndex) {
        if (instrumentIndex < 0 || instrumentIndex >= instruments.size()) {
            throw new IllegalArgumentException("instrumentIndex = " + instrumentIndex
                    + ": not a registered instrument");
        }
        return instruments.get(instrumentIndex);
    }

    /** The SDK's id rule (1 to 64 printable ASCII characters, no spaces), restated: its checker is not exported. */
    static void requireId(String field, String value) {
        boolean valid = value != null && !value.isEmpty() && value.length() <= MAX_ID_LENGTH;
        for (int i = 0; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = c > 0x20 && c < 0x7F;
        }
        if (!valid) {
            throw new IllegalArgumentException(field + " = " + (value == null ? "null" : "'" + value + "'")
                    + ": must be 1 to " + MAX_ID_LENGTH + " printable ASCII characters without spaces");
        }
    }
}

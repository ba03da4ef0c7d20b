package io.alphintra.engine.internal.monitor;

import io.alphintra.engine.KillScope;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.RiskFigures;
import io.alphintra.engine.internal.portfolio.Portfolio;
import io.alphintra.sdk.instrument.FutureContract;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.portfolio.Position;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live risk figures of every strategy, every account and the whole node, per quote currency, kept on the engine
 * thread as fills are booked and marks arrive, and the loss thresholds that act on them.
 *
 * <h2>Figures</h2>
 * Per position (account, strategy, instrument, by the {@link Portfolio}'s indexes) it keeps the net quantity and the
 * cash flow of its fills ({@code −Σ quantity × price × multiplier − fees in the quote currency}), so that its equity
 * (realised plus unrealised P&amp;L since inception) is {@code net × mark × multiplier + flow}, exactly as the
 * portfolio's average-cost books add up, without a second implementation of them. A position's equity, gross
 * ({@code |net × mark × multiplier|}) and net exposure are summed into three cells: its strategy's, its account's and
 * the node's, each per quote currency, at {@link #scaleOf} of the currency (rounded half-even per position). An
 * instrument is marked by the last trade seen or fill booked; one restored from a snapshot and not traded since is
 * valued at its positions' open cost (unrealised zero). Each cell keeps its peak equity and the drawdown from it.
 * The split of equity into realised and unrealised, exposure per instrument and concentration are computed on
 * request ({@link #figures}).
 *
 * <h2>Hot path</h2>
 * Primitive arrays indexed by position slot, instrument index and cell; positions and cells are found through
 * open-addressing {@code long → int} maps. Once a position and its cells exist, {@link #onFill} and {@link #onMark}
 * allocate nothing (a breach allocates its report). A mark revalues every position in its instrument, then settles
 * the cells it touched, so a peak is never taken from a half-updated cell.
 *
 * <h2>Thresholds</h2>
 * A cell whose drawdown exceeds its {@code maxDrawdown}, or whose equity is below {@code −maxLoss}, yields one
 * {@link Breach} (the engine engages the switch) and latches: it does not fire again until its scope's switch is
 * reset ({@link #onReset}). A reset rebases the drawdown: the peak becomes the equity at the reset. A loss still
 * beyond its limit after a reset fires again at the scope's next fill or mark: the limit is on the loss since
 * inception, and only a higher limit (or a recovery) lets the scope trade again. While disarmed (during recovery)
 * figures are updated and nothing fires.
 *
 * <p>Engine thread only.
 */
public final class RiskMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(RiskMonitor.class);
    private static final long NO_LIMIT = Long.MAX_VALUE;
    private static final int NODE = 0;
    private static final int STRATEGY = 1;
    private static final int ACCOUNT = 2;

    /** What was crossed, with the figures as they were; the engine engages {@code action} on {@code scope}. */
    public record Breach(String engagedBy, KillScope scope, KillSwitchState.Mode action, String reason) {
    }

    // Instruments, by the portfolio's instrument index.
    private int[] instrumentCurrency = new int[0];
    private long[] instrumentMark = new long[0];
    private boolean[] instrumentMarked = new boolean[0];
    private long[] instrumentMultiplier = new long[0];
    private int[] instrumentPnlScale = new int[0];
    private InstrumentId[] instrumentIds = new InstrumentId[0];
    private int[][] instrumentPositions = new int[0][];
    private int[] instrumentPositionCount = new int[0];

    private final List<Currency> currencies = new ArrayList<>();
    private final Map<Currency, Integer> currencyIndexes = new HashMap<>();
    private int[] currencyScale = new int[0];

    // Positions, by slot.
    private final LongIntMap positionSlots = new LongIntMap(1024);
    private int positionCount;
    private int[] positionAccount = new int[64];
    private int[] positionStrategy = new int[64];
    private int[] positionInstrument = new int[64];
    private long[] positionNet = new long[64];
    private long[] positionFlow = new long[64];
    /** Open cost × multiplier of a position restored from a snapshot, its value until its instrument is marked. */
    private long[] positionRestValue = new long[64];
    private long[] positionEquity = new long[64];
    private long[] positionNetExposure = new long[64];
    /** Its strategy's, account's and the node's cell, in that order. */
    private int[][] positionCells = new int[64][];
    /** Its instrument's exposure within each of those cells, in the same order. */
    private int[][] positionExposures = new int[64][];

    // Exposures: (cell, instrument), so that gross exposure nets the positions of a scope within an instrument.
    private final LongIntMap exposureSlots = new LongIntMap(1024);
    private int exposureCount;
    private int[] exposureCell = new int[64];
    private int[] exposureInstrument = new int[64];
    private long[] exposureQuantity = new long[64];
    private long[] exposureNet = new long[64];

    // Cells: (node, strategy or account) × currency.
    private final LongIntMap cellSlots = new LongIntMap(256);
    private int cellCount;
    private KillScope[] cellScope = new KillScope[64];
    private int[] cellKind = new int[64];
    private int[] cellCurrency = new int[64];
    private long[] cellEquity = new long[64];
    private long[] cellPeak = new long[64];
    private long[] cellGross = new long[64];
    private long[] cellNetExposure = new long[64];
    private long[] drawdownLimit = new long[64];
    private long[] lossLimit = new long[64];
    private LossThreshold[] drawdownFrom = new LossThreshold[64];
    private LossThreshold[] lossFrom = new LossThreshold[64];
    private boolean[] drawdownFired = new boolean[64];
    private boolean[] lossFired = new boolean[64];
    private boolean[] touched = new boolean[64];
    private int[] touchedCells = new int[64];
    private int touchedCount;

    private List<LossThreshold> thresholds = List.of();
    private final List<Breach> breaches = new ArrayList<>();
    private boolean armed = true;

    /** The scale figures in {@code currency} are kept at: two digits below its minor unit. */
    public static int scaleOf(Currency currency) {
        return Math.min(Decimals.MAX_SCALE, currency.minorUnits() + 2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Events: the hot path.

    /**
     * A fill the portfolio has just booked. Never throws: figures it cannot compute (an overflow) are logged and
     * left as they were.
     */
    public void onFill(Portfolio portfolio, String accountId, String strategyId, InstrumentId instrumentId,
                       long signedQuantity, long price, Currency feeCurrency, long feeMantissa, int feeScale) {
        int account = portfolio.accountIndex(accountId);
        int strategy = portfolio.strategyIndex(strategyId);
        int instrument = portfolio.instrumentIndex(instrumentId);
        if (account < 0 || strategy < 0 || instrument < 0) {
            return;
        }
        try {
            if (instrument >= instrumentCurrency.length || instrumentCurrency[instrument] < 0) {
                setUpInstrument(portfolio, instrument);
            }
            int slot = position(account, strategy, instrument, accountId, strategyId);
            long multiplier = instrumentMultiplier[instrument];
            int pnlScale = instrumentPnlScale[instrument];
            long flow = Decimals.multiply(Decimals.multiply(-signedQuantity, price), multiplier);
            if (feeCurrency.equals(currencies.get(instrumentCurrency[instrument]))) {
                flow = Decimals.subtract(flow, Decimals.rescale(feeMantissa, feeScale, pnlScale,
                        RoundingMode.HALF_EVEN));
            }
            positionFlow[slot] = Decimals.add(positionFlow[slot], flow);
            positionNet[slot] = Decimals.add(positionNet[slot], signedQuantity);
            for (int exposure : positionExposures[slot]) {
                exposureQuantity[exposure] += signedQuantity;
            }
            mark(instrument, price);
        } catch (ArithmeticException e) {
            LOG.error("Risk figures of {}/{}/{} not updated for a fill of {} at {}: {}", accountId, strategyId,
                    instrumentId, signedQuantity, price, e.getMessage());
        }
        settle();
    }

    /** A trade in the market: revalues every position in the instrument. */
    public void onMark(Portfolio portfolio, InstrumentId instrumentId, long price) {
        int instrument = portfolio.instrumentIndex(instrumentId);
        if (instrument < 0 || instrument >= instrumentCurrency.length || instrumentCurrency[instrument] < 0) {
            return;
        }
        try {
            mark(instrument, price);
        } catch (ArithmeticException e) {
            LOG.error("Risk figures of {} not updated for a mark at {}: {}", instrumentId, price, e.getMessage());
        }
        settle();
    }

    private void mark(int instrument, long price) {
        instrumentMark[instrument] = price;
        instrumentMarked[instrument] = true;
        int[] slots = instrumentPositions[instrument];
        for (int n = instrumentPositionCount[instrument] - 1; n >= 0; n--) {
            revalue(slots[n]);
        }
    }

    private void revalue(int slot) {
        int instrument = positionInstrument[slot];
        long value = instrumentMarked[instrument]
                ? Decimals.multiply(Decimals.multiply(positionNet[slot], instrumentMark[instrument]),
                        instrumentMultiplier[instrument])
                : positionRestValue[slot];
        int from = instrumentPnlScale[instrument];
        int to = currencyScale[instrumentCurrency[instrument]];
        long equity = Decimals.rescale(Decimals.add(value, positionFlow[slot]), from, to, RoundingMode.HALF_EVEN);
        long net = Decimals.rescale(value, from, to, RoundingMode.HALF_EVEN);
        long equityChange = Decimals.subtract(equity, positionEquity[slot]);
        long netChange = Decimals.subtract(net, positionNetExposure[slot]);
        positionEquity[slot] = equity;
        positionNetExposure[slot] = net;
        int[] cells = positionCells[slot];
        int[] exposures = positionExposures[slot];
        for (int k = 0; k < cells.length; k++) {
            int cell = cells[k];
            int exposure = exposures[k];
            long grossBefore = Math.abs(exposureNet[exposure]);
            exposureNet[exposure] += netChange;
            cellEquity[cell] += equityChange;
            cellGross[cell] += Math.abs(exposureNet[exposure]) - grossBefore;
            cellNetExposure[cell] += netChange;
            if (!touched[cell]) {
                touched[cell] = true;
                touchedCells[touchedCount++] = cell;
            }
        }
    }

    /** Peaks and thresholds of the cells the last event changed, once all of its positions are revalued. */
    private void settle() {
        for (int n = 0; n < touchedCount; n++) {
            int cell = touchedCells[n];
            touched[cell] = false;
            if (cellEquity[cell] > cellPeak[cell]) {
                cellPeak[cell] = cellEquity[cell];
            }
            if (armed) {
                evaluate(cell);
            }
        }
        touchedCount = 0;
    }

    private void evaluate(int cell) {
        long drawdown = cellPeak[cell] - cellEquity[cell];
        if (!drawdownFired[cell] && drawdownLimit[cell] != NO_LIMIT && drawdown > drawdownLimit[cell]) {
            drawdownFired[cell] = true;
            LossThreshold from = drawdownFrom[cell];
            breaches.add(new Breach("risk:drawdown", cellScope[cell], from.action(), "drawdown "
                    + amount(cell, drawdown) + " (peak " + amount(cell, cellPeak[cell]) + ", equity "
                    + amount(cell, cellEquity[cell]) + ") is beyond maxDrawdown " + amount(cell, drawdownLimit[cell])
                    + " of " + from.source()));
        }
        if (!lossFired[cell] && lossLimit[cell] != NO_LIMIT && -cellEquity[cell] > lossLimit[cell]) {
            lossFired[cell] = true;
            LossThreshold from = lossFrom[cell];
            breaches.add(new Breach("risk:loss", cellScope[cell], from.action(), "loss "
                    + amount(cell, -cellEquity[cell]) + " (equity " + amount(cell, cellEquity[cell])
                    + ") is beyond maxLoss " + amount(cell, lossLimit[cell]) + " of " + from.source()));
        }
    }

    private String amount(int cell, long mantissa) {
        Currency currency = currencies.get(cellCurrency[cell]);
        return currency.code() + " " + Decimals.format(mantissa, currencyScale[cellCurrency[cell]]);
    }

    /** Whether thresholds were crossed since the last {@link #takeBreaches()}; allocates nothing. */
    public boolean hasBreaches() {
        return !breaches.isEmpty();
    }

    /** The thresholds crossed since the last call, in the order they were crossed. */
    public List<Breach> takeBreaches() {
        List<Breach> taken = List.copyOf(breaches);
        breaches.clear();
        return taken;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Thresholds, switches and recovery.

    /** Puts these thresholds in force (replacing all others) and evaluates every cell against them at once. */
    public void thresholds(List<LossThreshold> inForce) {
        thresholds = List.copyOf(inForce);
        for (int cell = 0; cell < cellCount; cell++) {
            applyLimits(cell);
            if (armed) {
                evaluate(cell);
            }
        }
    }

    /** A switch was reset: its scope's cells fire again, their drawdown measured from the equity now. */
    public void onReset(KillScope scope) {
        for (int cell = 0; cell < cellCount; cell++) {
            if (cellScope[cell].equals(scope)) {
                if (drawdownFired[cell]) {
                    cellPeak[cell] = cellEquity[cell];
                }
                drawdownFired[cell] = false;
                lossFired[cell] = false;
            }
        }
    }

    /** Recovery replays fills: figures follow them, thresholds stay silent (their switches are journaled). */
    public void disarm() {
        armed = false;
    }

    /**
     * After recovery: peaks start at the equity recovered (marks are not journaled, so the peaks before the restart
     * are unknown), thresholds whose switch is still engaged stay latched, and the others are armed; they are
     * evaluated at their scope's next fill or mark, or when thresholds are put in force.
     */
    public void arm(List<KillSwitchState> engaged) {
        for (int cell = 0; cell < cellCount; cell++) {
            cellPeak[cell] = cellEquity[cell];
            drawdownFired[cell] = false;
            lossFired[cell] = false;
            for (KillSwitchState state : engaged) {
                if (state.scope().equals(cellScope[cell])) {
                    drawdownFired[cell] |= state.engagedBy().equals("risk:drawdown");
                    lossFired[cell] |= state.engagedBy().equals("risk:loss");
                }
            }
        }
        breaches.clear();
        armed = true;
    }

    /** Forgets every figure: the books before the engine's first event. Thresholds stay in force. */
    public void clear() {
        Arrays.fill(instrumentCurrency, -1);
        Arrays.fill(instrumentPositionCount, 0);
        Arrays.fill(instrumentMarked, false);
        currencies.clear();
        currencyIndexes.clear();
        positionSlots.clear();
        positionCount = 0;
        exposureSlots.clear();
        exposureCount = 0;
        cellSlots.clear();
        Arrays.fill(cellScope, 0, cellCount, null);
        Arrays.fill(touched, false);
        touchedCount = 0;
        cellCount = 0;
        breaches.clear();
    }

    /**
     * Rebuilds every position's figures from books restored from a snapshot: a position's flow is its realised P&amp;L
     * less its open cost, so that at any mark its equity is realised plus unrealised, as the books say.
     */
    public void rebuild(Portfolio portfolio, long nowNanos) {
        clear();
        for (String accountId : portfolio.accountIds()) {
            int account = portfolio.accountIndex(accountId);
            for (Position position : portfolio.snapshot(account, nowNanos).positions()) {
                int instrument = portfolio.instrumentIndex(position.instrumentId());
                int strategy = portfolio.strategyIndex(position.strategyId());
                try {
                    if (instrument >= instrumentCurrency.length || instrumentCurrency[instrument] < 0) {
                        setUpInstrument(portfolio, instrument);
                    }
                    int slot = position(account, strategy, instrument, accountId, position.strategyId());
                    int pnlScale = instrumentPnlScale[instrument];
                    long restValue = Decimals.multiply(Long.signum(position.netQuantity())
                            * position.openPriceQuantity(), instrumentMultiplier[instrument]);
                    Money realized = position.realizedPnl();
                    long realizedAtPnl = Decimals.rescale(realized.mantissa(), realized.scale(), pnlScale,
                            RoundingMode.HALF_EVEN);
                    positionNet[slot] = position.netQuantity();
                    for (int exposure : positionExposures[slot]) {
                        exposureQuantity[exposure] += position.netQuantity();
                    }
                    positionRestValue[slot] = restValue;
                    positionFlow[slot] = Decimals.subtract(realizedAtPnl, restValue);
                    revalue(slot);
                } catch (ArithmeticException e) {
                    LOG.error("Risk figures of {}/{}/{} not restored: {}", accountId, position.strategyId(),
                            position.instrumentId(), e.getMessage());
                }
            }
        }
        settle();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reads.

    /** Net quantity of a strategy's position in an account, as the monitor holds it; 0 when none. */
    public long strategyNetQuantity(Portfolio portfolio, String accountId, String strategyId, InstrumentId id) {
        int account = portfolio.accountIndex(accountId);
        int strategy = portfolio.strategyIndex(strategyId);
        int instrument = portfolio.instrumentIndex(id);
        if (account < 0 || strategy < 0 || instrument < 0) {
            return 0;
        }
        int slot = positionSlots.get(positionKey(account, strategy, instrument));
        return slot == LongIntMap.MISSING ? 0 : positionNet[slot];
    }

    /** Every cell's figures, node first, then strategies, then accounts, each by id and currency. Allocates. */
    public List<RiskFigures> figures(Portfolio portfolio, long nowNanos) {
        long[] realized = new long[cellCount];
        Map<Integer, Map<String, Position>> booked = new HashMap<>();
        for (int slot = 0; slot < positionCount; slot++) {
            Map<String, Position> positions = booked.computeIfAbsent(positionAccount[slot], account -> {
                Map<String, Position> byKey = new HashMap<>();
                for (Position p : portfolio.snapshot(account, nowNanos).positions()) {
                    byKey.put(p.strategyId() + "/" + p.instrumentId(), p);
                }
                return byKey;
            });
            int instrument = positionInstrument[slot];
            Position position = positions.get(strategyIdOf(slot) + "/" + instrumentIds[instrument]);
            if (position != null) {
                long realizedHere = Decimals.rescale(position.realizedPnl().mantissa(),
                        position.realizedPnl().scale(), currencyScale[instrumentCurrency[instrument]],
                        RoundingMode.HALF_EVEN);
                for (int cell : positionCells[slot]) {
                    realized[cell] += realizedHere;
                }
            }
        }
        List<List<Integer>> exposuresOfCell = new ArrayList<>();
        for (int cell = 0; cell < cellCount; cell++) {
            exposuresOfCell.add(new ArrayList<>());
        }
        for (int exposure = 0; exposure < exposureCount; exposure++) {
            exposuresOfCell.get(exposureCell[exposure]).add(exposure);
        }
        List<RiskFigures> figures = new ArrayList<>();
        for (int cell = 0; cell < cellCount; cell++) {
            figures.add(figuresOf(cell, realized[cell], exposuresOfCell.get(cell)));
        }
        figures.sort(Comparator.comparingInt((RiskFigures f) -> kindOrder(f.scope()))
                .thenComparing(f -> f.scope().value()).thenComparing(f -> f.currency().code()));
        return figures;
    }

    private RiskFigures figuresOf(int cell, long realized, List<Integer> exposureSlotsOfCell) {
        Currency currency = currencies.get(cellCurrency[cell]);
        int scale = currencyScale[cellCurrency[cell]];
        List<RiskFigures.InstrumentExposure> exposures = new ArrayList<>();
        InstrumentId largest = null;
        long largestGross = 0;
        for (int exposure : exposureSlotsOfCell) {
            int instrument = exposureInstrument[exposure];
            long net = exposureNet[exposure];
            exposures.add(new RiskFigures.InstrumentExposure(instrumentIds[instrument], exposureQuantity[exposure],
                    instrumentMark[instrument], Money.of(currency, Math.abs(net), scale),
                    Money.of(currency, net, scale)));
            if (Math.abs(net) > largestGross) {
                largestGross = Math.abs(net);
                largest = instrumentIds[instrument];
            }
        }
        exposures.sort(Comparator.comparing(e -> e.instrumentId().toString()));
        long gross = cellGross[cell];
        long concentration = gross == 0 ? 0 : BigInteger.valueOf(largestGross).multiply(BigInteger.valueOf(10_000))
                .divide(BigInteger.valueOf(gross)).longValueExact();
        long equity = cellEquity[cell];
        long drawdown = cellPeak[cell] - equity;
        Optional<RiskFigures.Threshold> maxDrawdown = drawdownLimit[cell] == NO_LIMIT ? Optional.empty()
                : Optional.of(new RiskFigures.Threshold(drawdownFrom[cell].source(),
                        Money.of(currency, drawdownLimit[cell], scale),
                        Money.of(currency, drawdownLimit[cell] - drawdown, scale), drawdownFrom[cell].action()));
        Optional<RiskFigures.Threshold> maxLoss = lossLimit[cell] == NO_LIMIT ? Optional.empty()
                : Optional.of(new RiskFigures.Threshold(lossFrom[cell].source(),
                        Money.of(currency, lossLimit[cell], scale),
                        Money.of(currency, lossLimit[cell] + equity, scale), lossFrom[cell].action()));
        return new RiskFigures(cellScope[cell], currency, Money.of(currency, realized, scale),
                Money.of(currency, equity - realized, scale), Money.of(currency, equity, scale),
                Money.of(currency, cellPeak[cell], scale), Money.of(currency, drawdown, scale),
                Money.of(currency, gross, scale), Money.of(currency, cellNetExposure[cell], scale), concentration,
                Optional.ofNullable(largest), exposures, maxDrawdown, maxLoss, java.util.OptionalLong.empty());
    }

    private String strategyIdOf(int slot) {
        return cellScope[positionCells[slot][0]].value();
    }

    private static int kindOrder(KillScope scope) {
        return switch (scope.kind()) {
            case ALL -> 0;
            case STRATEGY -> 1;
            default -> 2;
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Registration: once per instrument, position and cell. Allocates.

    private void setUpInstrument(Portfolio portfolio, int instrument) {
        if (instrument >= instrumentCurrency.length) {
            int length = Math.max(instrument + 1, 2 * instrumentCurrency.length);
            int old = instrumentCurrency.length;
            instrumentCurrency = Arrays.copyOf(instrumentCurrency, length);
            Arrays.fill(instrumentCurrency, old, length, -1);
            instrumentMark = Arrays.copyOf(instrumentMark, length);
            instrumentMarked = Arrays.copyOf(instrumentMarked, length);
            instrumentMultiplier = Arrays.copyOf(instrumentMultiplier, length);
            instrumentPnlScale = Arrays.copyOf(instrumentPnlScale, length);
            instrumentIds = Arrays.copyOf(instrumentIds, length);
            instrumentPositions = Arrays.copyOf(instrumentPositions, length);
            instrumentPositionCount = Arrays.copyOf(instrumentPositionCount, length);
        }
        Instrument definition = portfolio.instruments().get(instrument);
        long multiplier = 1;
        int multiplierScale = 0;
        if (definition instanceof FutureContract future) {
            multiplier = future.multiplier().mantissa();
            multiplierScale = future.multiplier().scale();
        }
        instrumentMultiplier[instrument] = multiplier;
        instrumentPnlScale[instrument] = definition.priceScale() + definition.quantityScale() + multiplierScale;
        instrumentIds[instrument] = definition.id();
        instrumentCurrency[instrument] = currency(definition.quoteCurrency());
        if (instrumentPositions[instrument] == null) {
            instrumentPositions[instrument] = new int[4];
        }
        instrumentPositionCount[instrument] = 0;
        instrumentMarked[instrument] = false;
    }

    private int currency(Currency currency) {
        Integer known = currencyIndexes.get(currency);
        if (known != null) {
            return known;
        }
        int index = currencies.size();
        currencies.add(currency);
        currencyIndexes.put(currency, index);
        if (index >= currencyScale.length) {
            currencyScale = Arrays.copyOf(currencyScale, Math.max(4, 2 * currencyScale.length));
        }
        currencyScale[index] = scaleOf(currency);
        return index;
    }

    private int position(int account, int strategy, int instrument, String accountId, String strategyId) {
        long key = positionKey(account, strategy, instrument);
        int slot = positionSlots.get(key);
        if (slot != LongIntMap.MISSING) {
            return slot;
        }
        slot = positionCount;
        if (slot == positionAccount.length) {
            int length = 2 * slot;
            positionAccount = Arrays.copyOf(positionAccount, length);
            positionStrategy = Arrays.copyOf(positionStrategy, length);
            positionInstrument = Arrays.copyOf(positionInstrument, length);
            positionNet = Arrays.copyOf(positionNet, length);
            positionFlow = Arrays.copyOf(positionFlow, length);
            positionRestValue = Arrays.copyOf(positionRestValue, length);
            positionEquity = Arrays.copyOf(positionEquity, length);
            positionNetExposure = Arrays.copyOf(positionNetExposure, length);
            positionCells = Arrays.copyOf(positionCells, length);
            positionExposures = Arrays.copyOf(positionExposures, length);
        }
        int currency = instrumentCurrency[instrument];
        positionAccount[slot] = account;
        positionStrategy[slot] = strategy;
        positionInstrument[slot] = instrument;
        positionNet[slot] = 0;
        positionFlow[slot] = 0;
        positionRestValue[slot] = 0;
        positionEquity[slot] = 0;
        positionNetExposure[slot] = 0;
        int[] cells = {cell(STRATEGY, strategy, currency, new KillScope(KillScope.Kind.STRATEGY, strategyId)),
                cell(ACCOUNT, account, currency, new KillScope(KillScope.Kind.ACCOUNT, accountId)),
                cell(NODE, 0, currency, KillScope.all())};
        positionCells[slot] = cells;
        positionExposures[slot] = new int[] {exposure(cells[0], instrument), exposure(cells[1], instrument),
                exposure(cells[2], instrument)};
        int[] slots = instrumentPositions[instrument];
        int count = instrumentPositionCount[instrument];
        if (count == slots.length) {
            slots = Arrays.copyOf(slots, 2 * count);
            instrumentPositions[instrument] = slots;
        }
        slots[count] = slot;
        instrumentPositionCount[instrument] = count + 1;
        positionSlots.putNew(key, slot);
        positionCount++;
        return slot;
    }

    private int exposure(int cell, int instrument) {
        long key = ((long) cell << 32) | instrument;
        int exposure = exposureSlots.get(key);
        if (exposure != LongIntMap.MISSING) {
            return exposure;
        }
        exposure = exposureCount;
        if (exposure == exposureCell.length) {
            int length = 2 * exposure;
            exposureCell = Arrays.copyOf(exposureCell, length);
            exposureInstrument = Arrays.copyOf(exposureInstrument, length);
            exposureQuantity = Arrays.copyOf(exposureQuantity, length);
            exposureNet = Arrays.copyOf(exposureNet, length);
        }
        exposureCell[exposure] = cell;
        exposureInstrument[exposure] = instrument;
        exposureQuantity[exposure] = 0;
        exposureNet[exposure] = 0;
        exposureSlots.putNew(key, exposure);
        exposureCount++;
        return exposure;
    }

    private int cell(int kind, int scopeIndex, int currency, KillScope scope) {
        long key = ((long) kind << 60) | ((long) scopeIndex << 20) | currency;
        int cell = cellSlots.get(key);
        if (cell != LongIntMap.MISSING) {
            return cell;
        }
        cell = cellCount;
        if (cell == cellScope.length) {
            int length = 2 * cell;
            cellScope = Arrays.copyOf(cellScope, length);
            cellKind = Arrays.copyOf(cellKind, length);
            cellCurrency = Arrays.copyOf(cellCurrency, length);
            cellEquity = Arrays.copyOf(cellEquity, length);
            cellPeak = Arrays.copyOf(cellPeak, length);
            cellGross = Arrays.copyOf(cellGross, length);
            cellNetExposure = Arrays.copyOf(cellNetExposure, length);
            drawdownLimit = Arrays.copyOf(drawdownLimit, length);
            lossLimit = Arrays.copyOf(lossLimit, length);
            drawdownFrom = Arrays.copyOf(drawdownFrom, length);
            lossFrom = Arrays.copyOf(lossFrom, length);
            drawdownFired = Arrays.copyOf(drawdownFired, length);
            lossFired = Arrays.copyOf(lossFired, length);
            touched = Arrays.copyOf(touched, length);
            touchedCells = Arrays.copyOf(touchedCells, length);
        }
        cellScope[cell] = scope;
        cellKind[cell] = kind;
        cellCurrency[cell] = currency;
        cellEquity[cell] = 0;
        cellPeak[cell] = 0;
        cellGross[cell] = 0;
        cellNetExposure[cell] = 0;
        drawdownFired[cell] = false;
        lossFired[cell] = false;
        touched[cell] = false;
        cellSlots.putNew(key, cell);
        cellCount++;
        applyLimits(cell);
        return cell;
    }

    /** The tightest limit of each kind among the thresholds watching the cell; on a tie, a halt over reduce-only. */
    private void applyLimits(int cell) {
        drawdownLimit[cell] = NO_LIMIT;
        lossLimit[cell] = NO_LIMIT;
        drawdownFrom[cell] = null;
        lossFrom[cell] = null;
        if (cellKind[cell] == NODE) {
            return;
        }
        Currency currency = currencies.get(cellCurrency[cell]);
        for (LossThreshold threshold : thresholds) {
            if (!threshold.watches(cellScope[cell])) {
                continue;
            }
            Money drawdown = threshold.maxDrawdown().get(currency);
            if (drawdown != null && tighter(drawdown.mantissa(), threshold, drawdownLimit[cell], drawdownFrom[cell])) {
                drawdownLimit[cell] = drawdown.mantissa();
                drawdownFrom[cell] = threshold;
            }
            Money loss = threshold.maxLoss().get(currency);
            if (loss != null && tighter(loss.mantissa(), threshold, lossLimit[cell], lossFrom[cell])) {
                lossLimit[cell] = loss.mantissa();
                lossFrom[cell] = threshold;
            }
        }
    }

    private static boolean tighter(long limit, LossThreshold threshold, long current, LossThreshold currentFrom) {
        return currentFrom == null || limit < current
                || (limit == current && threshold.action() == KillSwitchState.Mode.HALT);
    }

    private static long positionKey(int account, int strategy, int instrument) {
        return ((long) account << 44) | ((long) strategy << 22) | instrument;
    }
}

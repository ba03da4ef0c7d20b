package io.alphintra.simexchange.internal.twin;

import java.util.List;

import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.simexchange.internal.matching.OrderType;
import io.alphintra.simexchange.internal.matching.Side;
import io.alphintra.simexchange.internal.matching.TimeInForce;

/**
 * An agent-based market on one venue: per instrument, a fair value (GARCH(1,1) with Student-t shocks, or replayed
 * recorded prices) and agents that trade on it through the venue's books, like any other order source:
 *
 * <ul>
 *   <li><b>Liquidity providers</b> quote {@code levels} prices per side around the fair value, the first at the
 *       configured half spread, each further level half a spread wider, and skew their quotes against their
 *       inventory (long inventory lowers both quotes). One provider requotes per event (cancel and repost).</li>
 *   <li><b>Noise traders</b> buy or sell at random: mostly marketable (market IOC), sometimes a passive limit near
 *       the fair value that lives until it fills or 16 newer ones replace it.</li>
 *   <li><b>A momentum trader</b> buys when a fast moving average of the last trade price is above a slow one by
 *       more than a spread, and sells in the opposite case.</li>
 *   <li><b>A mean-reversion trader</b> sells into prices well above a slow average and buys well below it.</li>
 * </ul>
 *
 * <p>Events arrive per instrument as a Poisson process in venue time. Every random draw comes from one seeded
 * generator per instrument, and the twin runs on the venue thread in venue time, so the same seed and settings
 * give the same tape (as long as nobody else trades on the venue). Not thread-safe: the venue thread owns it.
 */
public final class MarketTwin {

    /** Owner ids of the twin's agents; host accounts get ids far above these. */
    public static final long NOISE_OWNER = 2;
    public static final long MOMENTUM_OWNER = 3;
    public static final long MEAN_REVERSION_OWNER = 4;
    public static final long FIRST_LIQUIDITY_PROVIDER_OWNER = 10;
    /** Owner ids below this belong to the twin. */
    public static final long MAX_OWNER = 1_000;

    private static final int NOISE_ORDERS = 16;

    private final TwinSettings settings;
    private final TwinGateway gateway;
    private final InstrumentTwin[] twins;

    /**
     * @param tradingSecondsPerYear seconds the venue is open in a year, to scale volatility to one event
     * @param replays per instrument, recorded prices or null
     */
    public MarketTwin(TwinSettings settings, List<InstrumentSpec> instruments, List<ReplayData> replays,
            double tradingSecondsPerYear, TwinGateway gateway) {
        this.settings = settings;
        this.gateway = gateway;
        this.twins = new InstrumentTwin[instruments.size()];
        for (int i = 0; i < twins.length; i++) {
            twins[i] = new InstrumentTwin(i, instruments.get(i), replays.get(i), tradingSecondsPerYear);
        }
    }

    /**
     * The venue opened (or the twin starts in an open session): quote every instrument that trades and start its
     * events. A halted instrument waits for {@link #onResume}.
     */
    public void onOpen(long now) {
        for (InstrumentTwin twin : twins) {
            if (gateway.isTrading(twin.index)) {
                twin.requoteAll();
                twin.scheduleNext(now);
            }
        }
    }

    /** A halted instrument trades again while the venue is open: quote it and restart its events. */
    public void onResume(int instrument, long now) {
        InstrumentTwin twin = twins[instrument];
        twin.requoteAll();
        twin.scheduleNext(now);
    }

    /** A trading day ended while the venue stays open (24x7, back-to-back sessions): quotes expired, requote. */
    public void onDayEnd(long now) {
        for (InstrumentTwin twin : twins) {
            if (gateway.isTrading(twin.index)) {
                twin.requoteAll();
            }
        }
    }

    /**
     * The event scheduled through {@link TwinGateway#schedule}; stale ones (from before a reopen or a resumption)
     * are ignored. An instrument that does not trade now (closed venue, halt) stops its events until it does.
     */
    public void onEvent(int instrument, long now) {
        InstrumentTwin twin = twins[instrument];
        if (now != twin.scheduledAt) {
            return;
        }
        twin.scheduledAt = Long.MIN_VALUE;
        if (!gateway.isTrading(instrument)) {
            return;
        }
        twin.act();
        twin.scheduleNext(now);
    }

    /** A fill of one of the twin's orders. */
    public void onFill(int instrument, long ownerId, long orderId, Side side, long quantity, long remaining) {
        InstrumentTwin twin = twins[instrument];
        int provider = (int) (ownerId - FIRST_LIQUIDITY_PROVIDER_OWNER);
        if (provider >= 0 && provider < settings.liquidityProviders()) {
            twin.inventory[provider] += side == Side.BUY ? quantity : -quantity;
        }
        if (remaining == 0) {
            twin.forget(orderId);
        }
    }

    /** One of the twin's orders is gone (cancelled, expired or refused). */
    public void onOrderDone(int instrument, long orderId) {
        twins[instrument].forget(orderId);
    }

    /** A print on the instrument, by anyone. */
    public void onTrade(int instrument, long price) {
        twins[instrument].lastTradePrice = price;
    }

    /** The current fair value of an instrument, price units (for tests and operators). */
    public double fairValue(int instrument) {
        return twins[instrument].fair.value();
    }

    /** Net position of a liquidity provider, quantity units (for tests). */
    public long inventory(int instrument, int provider) {
        return twins[instrument].inventory[provider];
    }

    private final class InstrumentTwin {
        final int index;
        final InstrumentSpec spec;
        final TickTable ticks;
        final long lot;
        final long minQuantity;
        final long maxQuantity;
        final long minPrice;
        final Rng rng;
        final FairValueProcess fair;
        final ReplayData replay;
        final double meanGapNanos;
        int replayPosition;

        final long[] inventory;
        final long[][] bids;
        final long[][] asks;
        final long[] noiseOrders = new long[NOISE_ORDERS];
        int noiseNext;
        int nextProvider;

        long lastTradePrice;
        double fastAverage;
        double slowAverage;
        double anchor;
        long scheduledAt = Long.MIN_VALUE;

        InstrumentTwin(int index, InstrumentSpec spec, ReplayData replay, double tradingSecondsPerYear) {
            this.index = index;
            this.spec = spec;
            this.ticks = spec.instrument().tickTable();
            this.lot = spec.instrument().lotSize();
            this.minQuantity = spec.instrument().minQuantity();
            this.maxQuantity = spec.maxQuantity();
            this.minPrice = ticks.ceil(1);
            this.rng = Rng.stream(settings.seed(), spec.instrument().id().toString());
            this.replay = replay;
            double start = replay != null ? replay.price(0) : spec.startPrice();
            this.fair = new FairValueProcess(rng, start, spec.volatility(),
                    settings.eventsPerSecond() * tradingSecondsPerYear, settings.garchAlpha(), settings.garchBeta(),
                    settings.tailDegrees(), Math.max(minPrice, start / 50.0), Math.min(spec.maxPrice(),
                            start * 50.0));
            this.meanGapNanos = 1e9 / settings.eventsPerSecond();
            int providers = settings.liquidityProviders();
            this.inventory = new long[providers];
            this.bids = new long[providers][settings.levels()];
            this.asks = new long[providers][settings.levels()];
        }

        void scheduleNext(long now) {
            long gap = Math.max(1, (long) rng.nextExponential(meanGapNanos));
            scheduledAt = now + gap;
            gateway.schedule(index, scheduledAt);
        }

        void act() {
            if (replay != null && replayPosition < replay.size()) {
                fair.resetTo(replay.price(replayPosition++));
            } else {
                fair.step();
            }
            if (lastTradePrice != 0) {
                double last = lastTradePrice;
                fastAverage = fastAverage == 0 ? last : fastAverage + 0.2 * (last - fastAverage);
                slowAverage = slowAverage == 0 ? last : slowAverage + 0.02 * (last - slowAverage);
                anchor = anchor == 0 ? last : anchor + 0.005 * (last - anchor);
            }
            requote(nextProvider);
            nextProvider = (nextProvider + 1) % inventory.length;
            if (rng.chance(settings.noiseProbability())) {
                noiseTrade();
            }
            if (rng.chance(settings.momentumProbability())) {
                momentumTrade();
            }
            if (rng.chance(settings.meanReversionProbability())) {
                meanReversionTrade();
            }
        }

        void requoteAll() {
            for (int provider = 0; provider < inventory.length; provider++) {
                requote(provider);
            }
        }

        /** Cancels a provider's quotes and quotes again around the fair value, skewed against its inventory. */
        void requote(int provider) {
            long owner = FIRST_LIQUIDITY_PROVIDER_OWNER + provider;
            cancelAll(bids[provider]);
            cancelAll(asks[provider]);
            double spread = spec.spreadBps() * (1 + 0.25 * provider) * 1e-4;
            double oneSide = (double) spec.quoteQuantity() * bids[provider].length;
            double skew = Math.max(-5, Math.min(5, inventory[provider] / oneSide)) * spread;
            double center = fair.value() * (1 - skew);
            for (int level = 0; level < bids[provider].length; level++) {
                double distance = spread * (1 + 0.5 * level);
                long quantity = spec.quoteQuantity() * (1 + rng.nextInt(2));
                quantity = clampQuantity(quantity);
                long bid = floorPrice(center * (1 - distance));
                long ask = ceilPrice(center * (1 + distance));
                if (ask <= bid) {
                    ask = ticks.ceil(bid + 1);
                }
                if (bid >= minPrice) {
                    bids[provider][level] = place(owner, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, bid, quantity);
                }
                if (ask <= spec.maxPrice()) {
                    asks[provider][level] = place(owner, Side.SELL, OrderType.LIMIT, TimeInForce.DAY, ask,
                            quantity);
                }
            }
        }

        void noiseTrade() {
            Side side = rng.nextInt(2) == 0 ? Side.BUY : Side.SELL;
            long quantity = clampQuantity(lot * (1 + (long) rng.nextExponential(
                    Math.max(1.0, spec.quoteQuantity() / (double) lot / 3))));
            if (rng.chance(0.7)) {
                place(NOISE_OWNER, side, OrderType.MARKET, TimeInForce.IOC, 0, quantity);
                return;
            }
            double offset = rng.nextDouble() * 3 * spec.spreadBps() * 1e-4;
            long price = side == Side.BUY ? floorPrice(fair.value() * (1 - offset))
                    : ceilPrice(fair.value() * (1 + offset));
            if (price < minPrice || price > spec.maxPrice()) {
                return;
            }
            long old = noiseOrders[noiseNext];
            if (old != 0) {
                gateway.cancel(index, old);
            }
            noiseOrders[noiseNext] = place(NOISE_OWNER, side, OrderType.LIMIT, TimeInForce.DAY, price, quantity);
            noiseNext = (noiseNext + 1) % NOISE_ORDERS;
        }

        void momentumTrade() {
            if (slowAverage == 0) {
                return;
            }
            double signal = (fastAverage - slowAverage) / slowAverage;
            double threshold = spec.spreadBps() * 1e-4;
            if (Math.abs(signal) > threshold) {
                Side side = signal > 0 ? Side.BUY : Side.SELL;
                place(MOMENTUM_OWNER, side, OrderType.MARKET, TimeInForce.IOC, 0, traderQuantity());
            }
        }

        void meanReversionTrade() {
            if (anchor == 0 || lastTradePrice == 0) {
                return;
            }
            double deviation = (lastTradePrice - anchor) / anchor;
            if (Math.abs(deviation) > 3 * spec.spreadBps() * 1e-4) {
                Side side = deviation > 0 ? Side.SELL : Side.BUY;
                long price = side == Side.SELL ? gateway.bestBid(index) : gateway.bestAsk(index);
                if (price != 0) {
                    place(MEAN_REVERSION_OWNER, side, OrderType.LIMIT, TimeInForce.IOC, price, traderQuantity());
                }
            }
        }

        long traderQuantity() {
            return clampQuantity(lot * (1 + rng.nextInt((int) Math.max(1, spec.quoteQuantity() / lot / 2))));
        }

        long place(long owner, Side side, OrderType type, TimeInForce timeInForce, long price, long quantity) {
            long id = gateway.newOrderId();
            gateway.submit(index, id, owner, side, type, timeInForce, price, quantity);
            return id;
        }

        void cancelAll(long[] ids) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] != 0) {
                    long id = ids[i];
                    ids[i] = 0;
                    gateway.cancel(index, id);
                }
            }
        }

        /** Clears a finished order from whichever agent tracks it; ids are unique, so a linear scan is enough. */
        void forget(long orderId) {
            if (clear(noiseOrders, orderId)) {
                return;
            }
            for (int provider = 0; provider < inventory.length; provider++) {
                if (clear(bids[provider], orderId) || clear(asks[provider], orderId)) {
                    return;
                }
            }
        }

        private boolean clear(long[] ids, long orderId) {
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == orderId) {
                    ids[i] = 0;
                    return true;
                }
            }
            return false;
        }

        long clampQuantity(long quantity) {
            long capped = Math.min(quantity, maxQuantity);
            capped -= capped % lot;
            return Math.max(capped, minQuantity);
        }

        long floorPrice(double price) {
            long units = Math.max(minPrice, Math.min(spec.maxPrice(), Math.round(price)));
            return ticks.floor(units);
        }

        long ceilPrice(double price) {
            long units = Math.max(minPrice, Math.min(spec.maxPrice(), Math.round(price)));
            return ticks.ceil(units);
        }
    }
}

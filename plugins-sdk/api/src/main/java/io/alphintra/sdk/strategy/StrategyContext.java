package io.alphintra.sdk.strategy;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.BarSpec;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.OpenOrder;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.ReplaceRequest;
import io.alphintra.sdk.portfolio.AccountSnapshot;
import io.alphintra.sdk.portfolio.Position;

/**
 * A strategy instance's only door to the world, provided by the host.
 *
 * <p><b>Orders never bypass the gate.</b> {@link #submit(OrderRequest)}, {@link #cancel(ClientOrderId)} and
 * {@link #replace(ClientOrderId, long, long, long)} hand requests to the host's pre-trade path (kill switches,
 * throttles, risk checks, compliance rule set) and only then to a venue adapter; strategies never see an adapter.
 * The outcome, including a rejection by the gate, arrives as {@link Strategy#onExecution} after the current
 * callback returns, never re-entrantly.
 *
 * <p><b>Threading.</b> Call it only from the instance's callbacks, on the engine thread; calls from other
 * threads fail with {@link IllegalStateException}. Queries return immutable snapshots that stay valid.
 *
 * <p><b>Errors.</b> Programming errors fail at the call with {@link IllegalArgumentException}: an instrument
 * not in the configuration, an order whose attribution is not {@link #attribution()}. Everything that depends on
 * market or risk state is a rejection report, not an exception.
 */
@ProviderType
public interface StrategyContext {

    /** The instance's configuration, including its parameters. */
    StrategyConfig config();

    /** Shortcut for {@code config().instanceId()}. */
    default String instanceId() {
        return config().instanceId();
    }

    /** The attribution every order of this instance must carry. */
    default Attribution attribution() {
        return config().attribution();
    }

    /**
     * Engine time in epoch nanoseconds: wall-clock time in production, simulated time in a backtest. Use it
     * instead of {@link System#currentTimeMillis()} so that a backtest replays exactly.
     */
    long nowNanos();

    /** Reference data of an instrument, if the host knows it. */
    Optional<Instrument> instrument(InstrumentId instrumentId);

    /**
     * Starts delivery of {@code type} for an instrument of the configuration; {@link MarketDataType#BARS} needs
     * {@link #subscribeBars(InstrumentId, BarSpec)}. Subscribing twice is harmless.
     *
     * @throws IllegalArgumentException for an instrument outside {@link StrategyConfig#instruments()}
     */
    void subscribe(InstrumentId instrumentId, MarketDataType type);

    /** Stops delivery of {@code type}; harmless if not subscribed. */
    void unsubscribe(InstrumentId instrumentId, MarketDataType type);

    /** Starts delivery of bars built to {@code spec}, by the venue or by the host from trades. */
    void subscribeBars(InstrumentId instrumentId, BarSpec spec);

    void unsubscribeBars(InstrumentId instrumentId, BarSpec spec);

    /** The latest best bid and offer, if subscribed and known. */
    Optional<TopOfBookRecord> topOfBook(InstrumentId instrumentId);

    /** A client order id never used before on this host, for {@link OrderRequest}'s factories. */
    ClientOrderId nextClientOrderId();

    /**
     * Sends an order to the pre-trade gate.
     *
     * @return the order's client order id, for convenience
     * @throws IllegalArgumentException if the attribution differs from {@link #attribution()} or the instrument
     *     is not in the configuration
     * @throws IllegalStateException outside a callback or after {@link Strategy#onStop()}
     */
    ClientOrderId submit(OrderRequest order);

    /**
     * Requests cancellation of a working order, identified by any client order id it has carried. The order may
     * still fill until a {@code CANCELED} report arrives; a {@code CANCEL_REJECTED} report means it is still
     * working.
     */
    void cancel(ClientOrderId clientOrderId);

    /**
     * Requests a change of quantity and/or prices; pass {@link ReplaceRequest#UNCHANGED} for values to keep.
     * {@code newQuantity} is the new total quantity including what has filled.
     *
     * @return the client order id the order carries once the replace is done
     * @throws IllegalArgumentException if a new value is off the instrument's grid or nothing changes
     */
    ClientOrderId replace(ClientOrderId clientOrderId, long newQuantity, long newLimitPrice, long newStopPrice);

    /** Cancels every working order of this instance. */
    void cancelAll();

    /**
     * Schedules a one-shot timer; {@link Strategy#onTimer(long, long)} fires after {@code delayNanos} of engine
     * time.
     *
     * @return the timer's id, unique within the instance
     */
    long scheduleTimer(long delayNanos);

    /** Schedules a repeating timer; fixed rate in engine time, missed periods are not replayed. */
    long scheduleRepeatingTimer(long initialDelayNanos, long periodNanos);

    /** Cancels a timer; {@code false} if it already fired (one-shot) or is unknown. */
    boolean cancelTimer(long timerId);

    /** The instance's persistent key-value store. */
    StrategyState state();

    /** This instance's position in an instrument, if it has traded it. */
    Optional<Position> position(InstrumentId instrumentId);

    /** All positions of this instance. */
    List<Position> positions();

    /** Working orders of this instance. */
    List<OpenOrder> openOrders();

    /** A consistent snapshot of the instance's account (all strategies in it). */
    AccountSnapshot account();

    /**
     * Writes to the host's log, tagged with the instance id. Cheap when the level is disabled, but build no
     * message strings per tick on the hot path.
     */
    void log(Level level, String message);

    /** Logs with a throwable. */
    void log(Level level, String message, Throwable error);

    /**
     * Asks the host to stop this instance after the current callback: {@link Strategy#onStop()} follows and the
     * instance's working orders are cancelled. Use it when the strategy detects it should not go on.
     */
    void requestStop(String reason);
}

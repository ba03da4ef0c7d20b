package io.alphintra.sdk.strategy;

import org.osgi.annotation.versioning.ConsumerType;

import io.alphintra.sdk.marketdata.MarketDataListener;
import io.alphintra.sdk.order.ExecutionReport;

/**
 * A trading strategy instance. The engine creates one per configured instance through its
 * {@link StrategyFactory} and drives it with callbacks; {@link BaseStrategy} is an optional starting point.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Engine thread.</b> Every callback of an instance runs on the engine thread that owns it, one at a time
 *       and never concurrently, so an instance needs no locks for its own state. Do not start threads; use
 *       {@link StrategyContext#scheduleTimer(long) timers}.</li>
 *   <li><b>Never block.</b> No I/O, sleeping, waiting on locks or futures, and no heavy computation: the thread is
 *       shared with other instances and with order handling. The host measures callback time and may quarantine
 *       an instance that overruns its budget.</li>
 *   <li><b>Exceptions quarantine the instance.</b> An exception thrown from a callback stops callbacks to that
 *       instance, blocks its new orders, cancels its working orders and alerts operators. It is never retried.
 *   </li>
 *   <li><b>Flyweight events.</b> Market data objects are valid only during the callback; keep
 *       {@code toRecord()} copies.</li>
 *   <li><b>One door.</b> {@link StrategyContext} is the only way to the outside: orders go through the host's
 *       pre-trade gate, never directly to a venue.</li>
 *   <li><b>Time.</b> Use {@link StrategyContext#nowNanos()}, never the system clock, so a backtest replays
 *       exactly.</li>
 * </ul>
 *
 * <p>Life cycle: {@link #onStart(StrategyContext)} once, then market data, execution and timer callbacks, then
 * {@link #onStop()} once. Callbacks for orders still working at stop are not delivered after {@code onStop}.
 */
@ConsumerType
public interface Strategy extends MarketDataListener {

    /**
     * Called once before any other callback. Keep the context; subscribe to market data, restore state from
     * {@link StrategyContext#state()}, schedule timers.
     */
    void onStart(StrategyContext context);

    /**
     * An order of this instance changed: acknowledged, filled, cancelled, replaced, rejected (by the gate or the
     * venue) or expired. Reports for one order arrive in order; a rejection by the gate arrives as a report too,
     * after the callback that submitted the order has returned.
     */
    default void onExecution(ExecutionReport report) {
    }

    /**
     * A timer scheduled through the context fired.
     *
     * @param timerId the id {@code scheduleTimer} returned
     * @param nowNanos the engine time, equal to {@link StrategyContext#nowNanos()}
     */
    default void onTimer(long timerId, long nowNanos) {
    }

    /**
     * Called once when the instance is stopped (configuration removed, bundle stopped, operator or
     * {@link StrategyContext#requestStop(String)}). The host cancels the instance's working orders afterwards
     * unless configured otherwise; the context still answers queries during this call but accepts no orders.
     */
    default void onStop() {
    }
}

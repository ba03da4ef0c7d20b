package io.alphintra.engine.internal.strategy;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One running strategy: {@code etc/io.alphintra.strategy-<instance>.cfg}. Keys beginning with {@code param.} are
 * the strategy's own parameters ({@code param.window = 20} is parameter {@code window}).
 */
@ObjectClassDefinition(id = StrategyInstanceConfig.PID, name = "Alphintra strategy instance",
        description = "A configured instance of a strategy type installed on the node.")
@interface StrategyInstanceConfig {
    String PID = "io.alphintra.strategy";

    @AttributeDefinition(description = "Instance id, unique on the node; the strategy id orders are attributed to,"
            + " and the name of its state file: 1 to 64 letters, digits, '.', '_' or '-', beginning with a letter or"
            + " digit, without '..' (checked by the SDK's StrategyConfig).")
    String instanceId();

    @AttributeDefinition(description = "Strategy type, as its StrategyFactory names it.")
    String type();

    @AttributeDefinition(description = "Instruments it trades, comma-separated SYMBOL@VENUE.")
    String instruments();

    @AttributeDefinition(description = "Account its orders are booked to.")
    String accountId();

    @AttributeDefinition(description = "Trader responsible for it.")
    String traderId();

    @AttributeDefinition(description = "Desk.")
    String deskId() default "algo";

    @AttributeDefinition(description = "Client the orders are for.")
    String clientId() default "house";

    @AttributeDefinition(description = "Cancel its working orders when it stops (positions are always kept).")
    boolean cancelOrdersOnStop() default true;

    @AttributeDefinition(description = "Orders, cancels and replaces per second beyond which it is quarantined.")
    int maxOrdersPerSecond() default 50;

    @AttributeDefinition(description = "Message throttle (PT6): orders, cancels and replaces per second beyond which"
            + " they are refused THROTTLED (told to the strategy, never sent, not quarantined); below"
            + " maxOrdersPerSecond. 0: the engine's maxMessagesPerSecondPerStrategy.")
    int maxMessagesPerSecond() default 0;

    @AttributeDefinition(description = "Longest a callback may run before the strategy is quarantined, ms.")
    int maxCallbackMillis() default 1000;

    @AttributeDefinition(description = "Events that may wait for it before it is quarantined as not keeping up;"
            + " preallocated, 68 bytes each (rounded up to a power of two).")
    int queueCapacity() default 65536;

    @AttributeDefinition(description = "Timers it may have pending at once (one-shot timers not yet fired, repeating"
            + " ones not cancelled); scheduling one more is refused with an exception to the strategy.")
    int maxPendingTimers() default StrategySettings.DEFAULT_MAX_PENDING_TIMERS;

    @AttributeDefinition(description = "Shortest timer, ms: a repeating timer with a shorter period is refused; a"
            + " shorter delay is lengthened to it. Timers of every instance share one host thread.")
    int minTimerMillis() default StrategySettings.DEFAULT_MIN_TIMER_MILLIS;

    @AttributeDefinition(description = "Execution throttle (PT7, RTS 6 Art 15): fills of its orders within"
            + " executionWindowMillis beyond which it is disabled (quarantined) until an authorised user starts it"
            + " again.")
    int maxExecutions() default StrategySettings.DEFAULT_MAX_EXECUTIONS;

    @AttributeDefinition(description = "The execution throttle's sliding window, ms.")
    int executionWindowMillis() default StrategySettings.DEFAULT_EXECUTION_WINDOW_MILLIS;
}

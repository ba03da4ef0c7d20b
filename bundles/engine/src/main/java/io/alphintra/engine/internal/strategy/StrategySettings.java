package io.alphintra.engine.internal.strategy;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.strategy.StrategyConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A validated strategy instance configuration. */
record StrategySettings(StrategyConfig config, boolean cancelOrdersOnStop, int maxOrdersPerSecond,
                        int maxCallbackMillis, int queueCapacity, int maxPendingTimers, int minTimerMillis,
                        int maxExecutions, int executionWindowMillis, int maxMessagesPerSecond) {
    static final String PARAMETER_PREFIX = "param.";
    static final int DEFAULT_MAX_PENDING_TIMERS = 1000;
    static final int DEFAULT_MIN_TIMER_MILLIS = 1;
    static final int DEFAULT_MAX_EXECUTIONS = 1000;
    static final int DEFAULT_EXECUTION_WINDOW_MILLIS = 60_000;

    /** Settings with the default timer bounds and execution throttle. */
    StrategySettings(StrategyConfig config, boolean cancelOrdersOnStop, int maxOrdersPerSecond, int maxCallbackMillis,
                     int queueCapacity) {
        this(config, cancelOrdersOnStop, maxOrdersPerSecond, maxCallbackMillis, queueCapacity,
                DEFAULT_MAX_PENDING_TIMERS, DEFAULT_MIN_TIMER_MILLIS);
    }

    /** Settings with the engine's message throttle (none of its own). */
    StrategySettings(StrategyConfig config, boolean cancelOrdersOnStop, int maxOrdersPerSecond, int maxCallbackMillis,
                     int queueCapacity, int maxPendingTimers, int minTimerMillis, int maxExecutions,
                     int executionWindowMillis) {
        this(config, cancelOrdersOnStop, maxOrdersPerSecond, maxCallbackMillis, queueCapacity, maxPendingTimers,
                minTimerMillis, maxExecutions, executionWindowMillis, 0);
    }

    /** Settings with the default execution throttle. */
    StrategySettings(StrategyConfig config, boolean cancelOrdersOnStop, int maxOrdersPerSecond, int maxCallbackMillis,
                     int queueCapacity, int maxPendingTimers, int minTimerMillis) {
        this(config, cancelOrdersOnStop, maxOrdersPerSecond, maxCallbackMillis, queueCapacity, maxPendingTimers,
                minTimerMillis, DEFAULT_MAX_EXECUTIONS, DEFAULT_EXECUTION_WINDOW_MILLIS);
    }

    String instanceId() {
        return config.instanceId();
    }

    /**
     * Validates settings before they are written as a configuration, exactly as {@link StrategyInstanceComponent}
     * will read them: the attributes with defaults converted as Declarative Services converts them, the required
     * ones (no default) as the text given, null when absent.
     *
     * @throws InvalidConfigurationException naming every bad key and value
     */
    static StrategySettings fromProperties(Map<String, ?> properties) {
        StrategyInstanceConfig withDefaults = ConfigReader.typed(StrategyInstanceConfig.class, properties);
        StrategyInstanceConfig config = (StrategyInstanceConfig) Proxy.newProxyInstance(
                StrategyInstanceConfig.class.getClassLoader(), new Class<?>[] {StrategyInstanceConfig.class},
                (proxy, method, args) -> {
                    if (method.getParameterCount() == 0 && method.getDefaultValue() == null
                            && method.getReturnType() == String.class && !method.getName().equals("toString")) {
                        Object value = properties.get(method.getName());
                        return value == null ? null : String.valueOf(value);
                    }
                    try {
                        return method.invoke(withDefaults, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause(); // a value that does not convert, which ConfigReader names
                    }
                });
        return from(config, properties);
    }

    /** @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value */
    static StrategySettings from(StrategyInstanceConfig config, Map<String, ?> raw) {
        ConfigReader<StrategyInstanceConfig> reader = new ConfigReader<>(StrategyInstanceConfig.PID, config, raw);
        String instanceId = reader.text("instanceId", StrategyInstanceConfig::instanceId);
        String type = reader.text("type", StrategyInstanceConfig::type);
        String instrumentList = reader.text("instruments", StrategyInstanceConfig::instruments);
        String account = reader.text("accountId", StrategyInstanceConfig::accountId);
        String trader = reader.text("traderId", StrategyInstanceConfig::traderId);
        String desk = reader.text("deskId", StrategyInstanceConfig::deskId);
        String client = reader.text("clientId", StrategyInstanceConfig::clientId);
        Boolean cancel = reader.get("cancelOrdersOnStop", StrategyInstanceConfig::cancelOrdersOnStop);
        Integer rate = reader.range("maxOrdersPerSecond", StrategyInstanceConfig::maxOrdersPerSecond, 1, 100_000);
        Integer callback = reader.range("maxCallbackMillis", StrategyInstanceConfig::maxCallbackMillis, 1, 600_000);
        Integer capacity = reader.range("queueCapacity", StrategyInstanceConfig::queueCapacity, 16, 1 << 22);
        Integer timers = reader.range("maxPendingTimers", StrategyInstanceConfig::maxPendingTimers, 1, 1_000_000);
        Integer minTimer = reader.range("minTimerMillis", StrategyInstanceConfig::minTimerMillis, 1, 60_000);
        Integer executions = reader.range("maxExecutions", StrategyInstanceConfig::maxExecutions, 1, 100_000);
        Integer window = reader.range("executionWindowMillis", StrategyInstanceConfig::executionWindowMillis, 1,
                86_400_000);
        Integer messages = reader.range("maxMessagesPerSecond", StrategyInstanceConfig::maxMessagesPerSecond, 0,
                10_000_000);
        if (messages != null && rate != null && messages >= rate) {
            // Counted on the strategy's thread, the flood limit would quarantine it before this rate refused anything.
            reader.problem("maxMessagesPerSecond", messages, "must be below maxOrdersPerSecond (" + rate + "), beyond"
                    + " which the instance is quarantined, or 0 for the engine's maxMessagesPerSecondPerStrategy");
        }
        List<InstrumentId> instruments = new ArrayList<>();
        if (instrumentList != null) {
            for (String text : instrumentList.split(",")) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    instruments.add(InstrumentId.parse(text.trim()));
                } catch (IllegalArgumentException e) {
                    reader.problem("instruments", instrumentList, e.getMessage());
                }
            }
            if (instruments.isEmpty()) {
                reader.problem("instruments", instrumentList, "names no instrument");
            }
        }
        Map<String, String> parameters = new TreeMap<>();
        raw.forEach((key, value) -> {
            if (key.startsWith(PARAMETER_PREFIX) && key.length() > PARAMETER_PREFIX.length()) {
                parameters.put(key.substring(PARAMETER_PREFIX.length()), String.valueOf(value).trim());
            }
        });
        if (StrategyHost.OPERATOR_STRATEGY_ID.equals(instanceId)) {
            reader.problem("instanceId", instanceId, "reserved for the orders operators enter in the shell, which"
                    + " no strategy may take as its own");
        }
        reader.requireValid();
        StrategyConfig strategyConfig;
        try {
            strategyConfig = new StrategyConfig(instanceId, type, instruments,
                    new Attribution(instanceId, trader, account, desk, client), parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(StrategyInstanceConfig.PID, List.of(e.getMessage()));
        }
        return new StrategySettings(strategyConfig, cancel, rate, callback, capacity, timers, minTimer, executions,
                window, messages);
    }
}

package io.alphintra.sdk.strategy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.order.Attribution;

/**
 * The configuration of one strategy instance, with typed parameter access.
 *
 * <p>Parameters arrive as text (from Configuration Admin, a file or the console) and are converted by the typed
 * getters, which fail with a message naming the instance, the parameter and the value:
 * {@code parameter 'window' of strategy instance 'mr-1' = 'ten': not an integer}. Decimals are read straight
 * into fixed point ({@link #getDecimal(String, int)}), never through {@code double}.
 *
 * @param instanceId unique id of the instance; also the {@code strategyId} of its attribution, and the name of its
 *                   state file on the node: 1 to 64 ASCII letters, digits, {@code .}, {@code _} or {@code -},
 *                   beginning with a letter or a digit, without {@code ..} (e.g. {@code mr-1}, {@code ma.cross_2})
 * @param type the {@link StrategyFactory#type()} that creates it
 * @param instruments the instruments the instance may subscribe to and trade
 * @param attribution stamped on every order of the instance
 * @param parameters strategy-specific parameters as text
 */
public record StrategyConfig(String instanceId, String type, List<InstrumentId> instruments, Attribution attribution,
        Map<String, String> parameters) {

    public StrategyConfig {
        Checks.fileNameId("instanceId", instanceId);
        Checks.id("type", type);
        instruments = Checks.listOf("instruments", instruments);
        Checks.required("attribution", attribution);
        if (!attribution.strategyId().equals(instanceId)) {
            throw new IllegalArgumentException("attribution.strategyId = " + Checks.quote(attribution.strategyId())
                    + ": must equal instanceId = " + Checks.quote(instanceId)
                    + " so that orders are attributable to the instance");
        }
        parameters = Checks.mapOf("parameters", parameters);
        for (String key : parameters.keySet()) {
            Checks.id("parameters key", key);
        }
    }

    /** The account the instance trades in. */
    public String accountId() {
        return attribution.accountId();
    }

    /** Whether {@code key} is configured. */
    public boolean has(String key) {
        return parameters.containsKey(key);
    }

    /** The raw text of a parameter, if configured. */
    public Optional<String> find(String key) {
        return Optional.ofNullable(parameters.get(key));
    }

    /** A required text parameter. */
    public String getString(String key) {
        return require(key);
    }

    public String getString(String key, String defaultValue) {
        return parameters.getOrDefault(key, defaultValue);
    }

    /** A required integer parameter, e.g. {@code window = 20}. */
    public long getLong(String key) {
        return parseLong(key, require(key));
    }

    public long getLong(String key, long defaultValue) {
        String text = parameters.get(key);
        return text == null ? defaultValue : parseLong(key, text);
    }

    /** A required {@code int} parameter. */
    public int getInt(String key) {
        return toInt(key, require(key));
    }

    public int getInt(String key, int defaultValue) {
        String text = parameters.get(key);
        return text == null ? defaultValue : toInt(key, text);
    }

    /** A required boolean parameter: exactly {@code true} or {@code false}, so a typo is not silently false. */
    public boolean getBoolean(String key) {
        return parseBoolean(key, require(key));
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String text = parameters.get(key);
        return text == null ? defaultValue : parseBoolean(key, text);
    }

    /**
     * A required decimal parameter as a fixed-point mantissa at {@code scale}:
     * {@code getDecimal("threshold", 4)} reads {@code 0.25} as {@code 2500}. More decimals than the scale are
     * rejected, not rounded.
     */
    public long getDecimal(String key, int scale) {
        return parseDecimal(key, require(key), scale);
    }

    /**
     * An optional decimal parameter; {@code defaultValue} is decimal text at the same scale, e.g.
     * {@code getDecimal("threshold", 4, "0.5")}, so the default reads like the configuration it stands for.
     */
    public long getDecimal(String key, int scale, String defaultValue) {
        String text = parameters.get(key);
        return text == null ? Decimals.parse("default of parameter '" + key + "'", defaultValue, scale)
                : parseDecimal(key, text, scale);
    }

    /** A required duration in ISO-8601 form, e.g. {@code PT5S} or {@code PT0.25S}. */
    public Duration getDuration(String key) {
        return parseDuration(key, require(key));
    }

    public Duration getDuration(String key, Duration defaultValue) {
        String text = parameters.get(key);
        return text == null ? defaultValue : parseDuration(key, text);
    }

    /** A required instrument parameter in {@code SYMBOL@VENUE} form, e.g. a hedge instrument. */
    public InstrumentId getInstrumentId(String key) {
        String text = require(key);
        try {
            return InstrumentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(key, text, e.getMessage());
        }
    }

    private String require(String key) {
        Checks.required("key", key);
        String text = parameters.get(key);
        if (text == null) {
            throw new IllegalArgumentException(describe(key) + ": required but not configured");
        }
        return text;
    }

    private long parseLong(String key, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid(key, text, "not an integer");
        }
    }

    private int toInt(String key, String text) {
        long value = parseLong(key, text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid(key, text, "out of int range");
        }
        return (int) value;
    }

    private boolean parseBoolean(String key, String text) {
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw invalid(key, text, "expected true or false");
    }

    private long parseDecimal(String key, String text, int scale) {
        return Decimals.parse(describe(key), text, scale);
    }

    private Duration parseDuration(String key, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(key, text, "not an ISO-8601 duration such as PT5S");
        }
    }

    private String describe(String key) {
        return "parameter " + Checks.quote(key) + " of strategy instance " + Checks.quote(instanceId);
    }

    private IllegalArgumentException invalid(String key, String text, String problem) {
        return new IllegalArgumentException(describe(key) + " = " + Checks.quote(text) + ": " + problem);
    }
}

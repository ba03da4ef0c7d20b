package io.alphintra.simexchange.internal.venue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds an in-process {@link SimulatedVenue} for the engine benchmarks: realtime clock, always open, no fees,
 * acknowledgement latency 0, market twin off (the benchmark supplies the counterparty). {@link VenueSettings#from}
 * and {@link VenueConfig} are package-private, hence this class's package.
 */
public final class BenchVenues {
    private BenchVenues() {
    }

    /**
     * @param venueId e.g. SIMX
     * @param symbol one equity, priced around 100.00 with a 0.01 tick and lot 1
     * @param commandQueueSize the ring from the engine to the venue thread (a power of two); a full ring rejects
     */
    public static SimulatedVenue create(String venueId, String symbol, int commandQueueSize) {
        Map<String, Object> map = new HashMap<>();
        map.put("venueId", venueId);
        map.put("venueName", "Benchmark venue");
        map.put("jurisdiction", "US");
        map.put("currency", "USD");
        map.put("timeZone", "UTC");
        map.put("sessions", "24x7");
        map.put("priceScale", "2");
        map.put("tickTable", "0.01");
        map.put("instruments", symbol + " start=100.00");
        map.put("makerFeeBps", "0");
        map.put("takerFeeBps", "0");
        map.put("ackLatencyMicros", "0");
        map.put("commandQueueSize", Integer.toString(commandQueueSize));
        map.put("clock.mode", "realtime");
        map.put("twin.enabled", "false");
        // No journal and a small replay history: the benchmarks measure the order path, not the venue's memory.
        map.put("state.enabled", "false");
        map.put("history.maxReports", "1000");
        return SimulatedVenue.create(VenueSettings.from(config(map), map));
    }

    /** A proxy answering each attribute from {@code map} (converted from text as DS does) or its default. */
    private static VenueConfig config(Map<String, Object> map) {
        return (VenueConfig) Proxy.newProxyInstance(VenueConfig.class.getClassLoader(),
                new Class<?>[] {VenueConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return VenueConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "VenueConfig" + map;
                        };
                    }
                    Object value = map.get(method.getName().replace('_', '.'));
                    return value == null ? method.getDefaultValue() : convert(method, value);
                });
    }

    private static Object convert(Method method, Object value) {
        String text = value.toString().trim();
        Class<?> type = method.getReturnType();
        if (type == String.class) {
            return text;
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("unsupported type " + type);
    }
}

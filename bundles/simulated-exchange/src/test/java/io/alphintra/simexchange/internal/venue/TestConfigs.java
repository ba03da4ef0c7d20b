package io.alphintra.simexchange.internal.venue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Builds {@link VenueConfig} instances from key/value maps the way Declarative Services does. */
final class TestConfigs {

    private TestConfigs() {
    }

    /** A US-like test venue: two equities, Mon-Fri 09:30-16:00 New York, manual clock on a Monday at 10:00. */
    static Map<String, Object> usVenue() {
        Map<String, Object> map = new HashMap<>();
        map.put("venueId", "TEST_US");
        map.put("venueName", "Test US");
        map.put("jurisdiction", "US");
        map.put("currency", "USD");
        map.put("timeZone", "America/New_York");
        map.put("sessions", "Mon-Fri 09:30-16:00");
        map.put("holidays", "2026-01-19");
        map.put("priceScale", "2");
        map.put("tickTable", "0.01");
        map.put("instruments", "AAPL start=190.00 ; MSFT start=410.00");
        map.put("makerFeeBps", "1");
        map.put("takerFeeBps", "2");
        map.put("clock.mode", "manual");
        map.put("clock.start", "2026-01-05T15:00:00Z"); // Monday 10:00 New York
        map.put("twin.enabled", "false");
        map.put("reconnectDelayMillis", "500");
        // Small order indexes: tests build many venues, and none sends a thousand orders at one.
        map.put("expectedOrders", "1024");
        return map;
    }

    static VenueSettings settings(Map<String, Object> map) {
        return VenueSettings.from(config(map), map);
    }

    static Map<String, Object> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, Object> map = new HashMap<>();
        properties.forEach((key, value) -> map.put((String) key, ((String) value).trim()));
        return map;
    }

    /** A proxy answering each attribute from {@code map} (converted from text like DS does) or its default. */
    static VenueConfig config(Map<String, Object> map) {
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
                    String key = method.getName().replace('_', '.');
                    Object value = map.get(key);
                    return value == null ? method.getDefaultValue() : convert(method, value);
                });
    }

    private static Object convert(Method method, Object value) {
        String text = value.toString().trim();
        Class<?> type = method.getReturnType();
        if (type == String.class) {
            return value.toString();
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

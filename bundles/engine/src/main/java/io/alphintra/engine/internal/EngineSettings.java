package io.alphintra.engine.internal;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.engine.internal.journal.Durability;
import io.alphintra.engine.internal.journal.JournalRetention;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A validated engine configuration. */
record EngineSettings(Path journalDirectory, Durability durability, int segmentBytes, int ringSize,
                      int expectedOrders, int finishedOrdersKept, String waitStrategy, boolean watchMarket,
                      long snapshotEveryRecords, JournalRetention journalRetention, int pluginCallMillis,
                      int archiveWarnMegabytes, Set<String> cancelOnDisconnect, int maxMessagesPerSecondPerVenue,
                      int maxMessagesPerSecondPerAccount, int maxMessagesPerSecondPerStrategy,
                      long holdExpiryMillis) {

    static final long MAX_HOLD_EXPIRY_MILLIS = 7L * 24 * 3600 * 1000;

    /** Whether the engine cancels a venue's working orders when its session (re)connects (PT12). */
    boolean cancelsOnDisconnect(String venueId) {
        return cancelOnDisconnect.contains("*") || cancelOnDisconnect.contains(venueId);
    }

    /** @throws io.alphintra.config.support.InvalidConfigurationException naming every bad key and value */
    static EngineSettings from(EngineConfig config, Map<String, ?> raw, Path home) {
        ConfigReader<EngineConfig> reader = new ConfigReader<>(EngineConfig.PID, config, raw);
        String directory = reader.text("journalDirectory", EngineConfig::journalDirectory);
        Durability durability = reader.parsed("durability", EngineConfig::durability,
                value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
                    case "fsync" -> Durability.FSYNC;
                    case "write" -> Durability.WRITE;
                    default -> throw new IllegalArgumentException("expected fsync or write");
                });
        Integer segmentBytes = reader.range("segmentBytes", EngineConfig::segmentBytes, 1 << 20, 1 << 30);
        Integer ringSize = reader.range("ringSize", EngineConfig::ringSize, 64, 1 << 24);
        if (ringSize != null && Integer.bitCount(ringSize) != 1) {
            reader.problem("ringSize", ringSize, "must be a power of two");
        }
        Integer expectedOrders = reader.range("expectedOrders", EngineConfig::expectedOrders, 1 << 10, 1 << 26);
        Integer finishedOrdersKept = reader.range("finishedOrdersKept", EngineConfig::finishedOrdersKept, 1 << 10,
                1 << 26);
        String waitStrategy = reader.parsed("waitStrategy", EngineConfig::waitStrategy, value -> {
            String name = value.trim().toLowerCase(Locale.ROOT);
            io.alphintra.engine.internal.core.EngineLoop.requireWaitStrategy(name);
            return name;
        });
        Boolean watchMarket = reader.get("watchMarket", EngineConfig::watchMarket);
        Long snapshotEveryRecords = reader.get("snapshotEveryRecords", EngineConfig::snapshotEveryRecords);
        if (snapshotEveryRecords != null && snapshotEveryRecords < 0) {
            reader.problem("snapshotEveryRecords", snapshotEveryRecords,
                    "must be 0 (no snapshots by record count) or a positive number of journal records");
        }
        JournalRetention journalRetention = reader.parsed("journalRetention", EngineConfig::journalRetention,
                JournalRetention::parse);
        Integer pluginCallMillis = reader.range("pluginCallMillis", EngineConfig::pluginCallMillis, 0, 60_000);
        Integer archiveWarnMegabytes = reader.range("archiveWarnMegabytes", EngineConfig::archiveWarnMegabytes, 0,
                Integer.MAX_VALUE);
        Set<String> cancelOnDisconnect = reader.parsed("cancelOnDisconnect", EngineConfig::cancelOnDisconnect, value -> {
            Set<String> venues = new TreeSet<>();
            for (String venue : value.split(",")) {
                String id = venue.trim();
                if (!id.isEmpty() && !id.equals("*") && !id.matches("[A-Z0-9_]{1,16}")) {
                    throw new IllegalArgumentException("'" + id + "' is not a venue id (1 to 16 of A-Z 0-9 _) or *");
                }
                if (!id.isEmpty()) {
                    venues.add(id);
                }
            }
            return Set.copyOf(venues);
        });
        Integer perVenue = reader.range("maxMessagesPerSecondPerVenue", EngineConfig::maxMessagesPerSecondPerVenue,
                0, 10_000_000);
        Integer perAccount = reader.range("maxMessagesPerSecondPerAccount",
                EngineConfig::maxMessagesPerSecondPerAccount, 0, 10_000_000);
        Integer perStrategy = reader.range("maxMessagesPerSecondPerStrategy",
                EngineConfig::maxMessagesPerSecondPerStrategy, 0, 10_000_000);
        Long holdExpiryMillis = reader.get("holdExpiryMillis", EngineConfig::holdExpiryMillis);
        if (holdExpiryMillis != null && (holdExpiryMillis < 0 || holdExpiryMillis > MAX_HOLD_EXPIRY_MILLIS)) {
            reader.problem("holdExpiryMillis", holdExpiryMillis, "must be 0 (held orders never expire) to "
                    + MAX_HOLD_EXPIRY_MILLIS + " (7 days)");
        }
        reader.requireValid();
        Path path = Path.of(directory);
        return new EngineSettings(path.isAbsolute() ? path : home.resolve(path), durability, segmentBytes, ringSize,
                expectedOrders, finishedOrdersKept, waitStrategy, watchMarket, snapshotEveryRecords, journalRetention,
                pluginCallMillis, archiveWarnMegabytes, cancelOnDisconnect, perVenue, perAccount,
                perStrategy, holdExpiryMillis);
    }
}

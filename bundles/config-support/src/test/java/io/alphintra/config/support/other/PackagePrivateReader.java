package io.alphintra.config.support.other;

import io.alphintra.config.support.ConfigReader;
import java.util.Map;

/** Reads {@link PackagePrivateConfig} through {@link ConfigReader#typed}, as its component's package would. */
public final class PackagePrivateReader {
    private PackagePrivateReader() {
    }

    public static String describe(Map<String, ?> properties) {
        PackagePrivateConfig config = ConfigReader.typed(PackagePrivateConfig.class, properties);
        return config.mode() + ":" + config.port();
    }
}

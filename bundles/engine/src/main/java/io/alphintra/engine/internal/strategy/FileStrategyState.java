package io.alphintra.engine.internal.strategy;

import io.alphintra.files.OwnerOnlyFiles;
import io.alphintra.sdk.strategy.StrategyState;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A strategy instance's key-value state, kept in a properties file so it survives restarts. Every change is written
 * to a temporary file and renamed over the old one, so a crash leaves either the old or the new state, never half.
 * The file and its folder are the node user's only (0600, 0700), and the file is always directly in its folder.
 */
final class FileStrategyState implements StrategyState {
    private final Path file;
    private final Properties values = new Properties();

    /**
     * The state of instance {@code instanceId}: {@code <directory>/<instanceId>.properties}.
     *
     * @throws IllegalArgumentException if that names a file anywhere but directly in {@code directory}: the SDK
     *                                  lets no such id through ({@code StrategyConfig}); this is the second fence
     */
    static FileStrategyState of(Path directory, String instanceId) {
        return new FileStrategyState(stateFile(directory, instanceId));
    }

    static Path stateFile(Path directory, String instanceId) {
        Path folder = directory.toAbsolutePath().normalize();
        Path file = folder.resolve(instanceId + ".properties").normalize();
        if (!file.startsWith(folder) || !folder.equals(file.getParent())) {
            throw new IllegalArgumentException("strategy instance id '" + printable(instanceId)
                    + "' would put its state outside " + folder);
        }
        return file;
    }

    FileStrategyState(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read strategy state " + file, e);
            }
        }
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key = '" + key + "': must not be blank");
        }
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("value of '" + key + "': must be 0 to " + MAX_VALUE_LENGTH
                    + " characters (was " + (value == null ? "null" : value.length() + " characters") + ")");
        }
        if (!values.containsKey(key) && values.size() >= MAX_ENTRIES) {
            throw new IllegalArgumentException("key = '" + key + "': the state already holds " + MAX_ENTRIES
                    + " entries");
        }
        values.setProperty(key, value);
        save();
    }

    @Override
    public synchronized void remove(String key) {
        if (values.remove(key) != null) {
            save();
        }
    }

    @Override
    public synchronized Set<String> keys() {
        return new TreeSet<>(values.stringPropertyNames());
    }

    private void save() {
        try {
            OwnerOnlyFiles.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary); // left by a crash
            try (Writer writer = Channels.newWriter(OwnerOnlyFiles.createNew(temporary), StandardCharsets.UTF_8)) {
                values.store(writer, "strategy state");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write strategy state " + file, e);
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}

package io.alphintra.itest.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches every process's command line (what {@code ps} shows any user) for a secret while commands run, by scanning
 * {@code /proc} in a loop on a thread of its own.
 */
final class CommandLineWatch implements AutoCloseable {
    private final String secret;
    private final List<String> sightings = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long scans;

    private CommandLineWatch(String secret) {
        this.secret = secret;
        this.thread = new Thread(this::watch, "command-line-watch");
        this.thread.setDaemon(true);
    }

    static CommandLineWatch start(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("an empty secret would be seen everywhere");
        }
        CommandLineWatch watch = new CommandLineWatch(secret);
        watch.thread.start();
        return watch;
    }

    private void watch() {
        while (running) {
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    try {
                        String commandLine = new String(Files.readAllBytes(process.resolve("cmdline")),
                                StandardCharsets.UTF_8).replace('\0', ' ');
                        if (commandLine.contains(secret)) {
                            sightings.add(process.getFileName() + ": " + commandLine.replace(secret, "<password>"));
                        }
                    } catch (IOException exited) {
                        // the process ended between the listing and the read
                    }
                }
            } catch (IOException e) {
                sightings.add("cannot list /proc: " + e);
                return;
            }
            scans++;
            // A client command lives for a second or more; a few milliseconds between scans cannot miss it and
            // leave the two cores to the node under test.
            LockSupport.parkNanos(3_000_000);
        }
    }

    List<String> sightings() {
        return List.copyOf(sightings);
    }

    long scans() {
        return scans;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}

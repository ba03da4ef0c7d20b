package io.alphintra.cluster.internal;

import io.alphintra.config.support.ConfigReader;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Configurations, secrets and ports for tests that start real Hazelcast members. */
final class TestSupport {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestSupport() {
    }

    /** A cluster configuration answering {@code overrides} by attribute name and the declared default otherwise. */
    static ClusterConfig config(Map<String, Object> overrides) {
        ClusterConfig defaults = ConfigReader.defaults(ClusterConfig.class);
        return (ClusterConfig) Proxy.newProxyInstance(ClusterConfig.class.getClassLoader(),
                new Class<?>[] {ClusterConfig.class}, (proxy, method, args) -> overrides.containsKey(method.getName())
                        ? overrides.get(method.getName()) : method.invoke(defaults, args));
    }

    /** A fresh random secret in an owner-only file, as an operator would create it. */
    static Path secretFile(Path directory, String name) throws IOException {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return writeSecret(directory.resolve(name), Base64.getEncoder().encodeToString(random) + "\n", "rw-------");
    }

    static Path writeSecret(Path file, String content, String permissions) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

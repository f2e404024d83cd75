package com.backcare.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, on free loopback ports in a temporary
 * folder that is removed at exit. Tests that take the broker away reach it through {@link #kafka()}.
 */
public final class SharedTestStack {

    private static SharedTestStack instance;

    private final Path root;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;

    private SharedTestStack() {
        try {
            root = Files.createTempDirectory("backcare-test-stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = new EmbeddedPostgresServer(freePort(), root.resolve("postgres")).start();
        kafka = new EmbeddedKafkaBroker(freePort(), freePort(), root.resolve("kafka")).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "test-stack-shutdown"));
    }

    public static synchronized SharedTestStack get() {
        if (instance == null) {
            instance = new SharedTestStack();
        }
        return instance;
    }

    public static EmbeddedKafkaBroker kafka() {
        return get().kafka;
    }

    public static EmbeddedPostgresServer postgres() {
        return get().postgres;
    }

    private void shutdown() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
            deleteRecursively(root);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}

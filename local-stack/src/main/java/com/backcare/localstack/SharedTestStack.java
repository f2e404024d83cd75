package com.backcare.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, on free loopback ports in a temporary
 * folder that is removed at exit. Tests that take the broker away reach it through {@link #kafka()}.
 */
public final class SharedTestStack {

    private static final int LOWEST_PORT = 20_000;
    private static final int PORTS_TO_PICK_FROM = 32_768 - LOWEST_PORT;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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

    /**
     * A port free on this machine for a server started later. It lies below Linux's ephemeral range (32768 and up), so
     * no outgoing connection is given it in the seconds between the pick and the server's bind (a service's start opens
     * dozens), and it is never handed out twice by this JVM, whether or not its server has bound it yet.
     */
    static int freePort() {
        int start = ThreadLocalRandom.current().nextInt(PORTS_TO_PICK_FROM);
        for (int i = 0; i < PORTS_TO_PICK_FROM; i++) {
            int port = LOWEST_PORT + (start + i) % PORTS_TO_PICK_FROM;
            if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST_PORT + " and " + (LOWEST_PORT + PORTS_TO_PICK_FROM));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
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

package com.backcare.system.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load driver: requests start at fixed intended times whatever the server does, and each latency is
 * measured from its intended start, so a slow server shows up as latency instead of a lower request rate
 * (no coordinated omission). Bounded in count and time; loopback targets only.
 */
public final class OpenLoad {

    /** What one run at one rate measured. */
    public record Result(int rate, int seconds, int sent, int succeeded, int failed, double achievedPerSecond,
            Histogram latencyMicros) {
    }

    /**
     * The JDK client's internal debug logger: under JBoss LogManager (which the driver runs with) it reports DEBUG as
     * loggable, so the client formatted a debug message at every step of every exchange, a third of the driver's
     * HTTP CPU in one profile. Held here so the level set on it is not lost with a collected logger.
     */
    private static final java.util.logging.Logger CLIENT_DEBUG = java.util.logging.Logger.getLogger("jdk.internal.httpclient.debug");

    private final HttpClient client = httpClient();

    /** An HTTP/1.1 client for a load driver, with the client's internal debug logging off. */
    public static HttpClient httpClient() {
        CLIENT_DEBUG.setLevel(java.util.logging.Level.OFF);
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Sends {@code rate} requests a second for {@code seconds}; {@code request} builds the i-th request and
     * {@code ok} says which status codes count as success.
     */
    public Result run(int rate, int seconds, IntFunction<HttpRequest> request, java.util.function.IntPredicate ok) {
        Recorder recorder = new Recorder(3);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
        int total = rate * seconds;
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long intended = start + i * periodNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<HttpResponse<Void>> call = client.sendAsync(request.apply(i),
                    HttpResponse.BodyHandlers.discarding());
            inFlight.add(call.whenComplete((response, error) -> {
                recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1_000));
                if (error == null && ok.test(response.statusCode())) {
                    succeeded.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // counted as failures below
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        int done = succeeded.get() + failed.get();
        return new Result(rate, seconds, total, succeeded.get(), failed.get() + (total - done),
                succeeded.get() / elapsed, recorder.getIntervalHistogram());
    }

    public HttpClient client() {
        return client;
    }
}

package com.backcare.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.backcare.localstack.DevTokens;

/**
 * The same journal for every clinic of the fault suite: {@value #PATIENTS} patients with {@value #ENTRIES} entries
 * each, at fixed times, every fifth entry a red flag, so that an undisturbed clinic and a disturbed one must end with
 * identical alerts. Each entry is posted as a careful client would: with an Idempotency-Key, retried on a refused
 * connection, a timeout or a 5xx until the journal acknowledges it with a 201.
 */
final class FaultWorkload {

    static final int PATIENTS = 12;
    static final int ENTRIES = 10;
    static final int TOTAL = PATIENTS * ENTRIES;
    /** Every clinic's entries are recorded at the same instants, some days back. */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(4));
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The journal instances, tried in turn: a client behind a load balancer that fails over. */
    private final List<String> journals;
    private final String clinic;
    /** The entry ids the journal acknowledged. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Attempts that were not acknowledged (refused, timed out, 5xx) and were retried. */
    final java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();

    FaultWorkload(String journal, String clinic) {
        this(List.of(journal), clinic);
    }

    FaultWorkload(List<String> journals, String clinic) {
        this.journals = List.copyOf(journals);
        this.clinic = clinic;
    }

    static String patient(int p) {
        return "fault-pat-" + p;
    }

    /** Posts every entry, spread evenly over {@code spread}, and returns once each is acknowledged. */
    void post(Duration spread) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> posts = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < ENTRIES; i++) {
            for (int p = 0; p < PATIENTS; p++) {
                long due = start + spread.toNanos() * (i * PATIENTS + p) / TOTAL;
                int entry = i;
                int patient = p;
                posts.add(workers.submit(() -> {
                    sleepUntil(due);
                    postUntilAcknowledged(patient, entry);
                    return null;
                }));
            }
        }
        for (Future<?> post : posts) {
            post.get(5, TimeUnit.MINUTES);
        }
        workers.shutdown();
    }

    private void postUntilAcknowledged(int p, int i) throws InterruptedException {
        String patient = patient(p);
        String symptoms = i % 5 == 4 ? ", \"associatedSymptoms\": [{\"code\": \"BLADDER_DYSFUNCTION\"}]" : "";
        String body = "{\"recordedAt\": \"%s\", \"intensity\": %d, \"qualities\": [\"ACHING\"]%s}"
                .formatted(BASE.plus(Duration.ofHours(6L * i)), 2 + (p + i * 3) % 7, symptoms);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            String journal = journals.get((p + i + attempt) % journals.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(journal + "/api/v1/patients/" + patient + "/entries"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + DevTokens.token(clinic, "patient", patient))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", clinic + "/" + patient + "/" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    Matcher id = ID.matcher(response.body());
                    if (!id.find()) {
                        throw new IllegalStateException("201 without an id: " + response.body());
                    }
                    acknowledged.add(id.group(1));
                    return;
                }
                if (response.statusCode() < 500) {
                    throw new IllegalStateException("entry refused with " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                // refused or cut off: the journal is away; the Idempotency-Key makes the retry safe
            }
            retried.incrementAndGet();
            Thread.sleep(200);
        }
        throw new IllegalStateException("entry " + i + " of " + patient + " never acknowledged");
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long wait; (wait = nanoTime - System.nanoTime()) > 0;) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}

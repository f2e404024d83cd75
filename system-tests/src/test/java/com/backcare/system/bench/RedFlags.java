package com.backcare.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Recorder;

import com.backcare.localstack.DevTokens;

/** One red-flag entry, timed from the journal's 201 until triage publishes the patient's EMERGENCY status. */
final class RedFlags {

    private static final String BODY = "{\"intensity\": 6, \"associatedSymptoms\": [{\"code\": \"BLADDER_DYSFUNCTION\"}]}";

    private RedFlags() {
    }

    /**
     * A patient's token, signed before the load starts: a patient's app gets its token from the identity provider, so
     * signing one (an RSA signature, about a millisecond of CPU) is no part of the load on this machine.
     */
    static String tokenOf(String clinic, String patient) {
        return DevTokens.token(clinic, "patient", patient, Instant.now(), Duration.ofHours(2));
    }

    /** The patient's red-flag entry, posted with their token ({@link #tokenOf}). */
    static HttpRequest entry(String journal, String patient, String patientToken) {
        return HttpRequest.newBuilder(URI.create(journal + "/api/v1/patients/" + patient + "/entries"))
                .header("Authorization", "Bearer " + patientToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
    }

    /**
     * Posts the entry with the patient's token ({@link #tokenOf}) and records the latency in microseconds and its hops in
     * {@code path}: completes with whether the EMERGENCY status came in time (false when the entry was refused or no
     * alert came). The status API is checked afterwards ({@link #statusAgrees}), so that checking does not load the
     * system while it is measured.
     */
    static CompletableFuture<Boolean> timed(EmergencyWatcher watcher, HttpClient http, String journal, String patient,
            String patientToken, Recorder recorder, AlertPath path, Duration within) {
        CompletableFuture<EmergencyWatcher.Seen> emergency = watcher.seen(patient);
        return http.sendAsync(entry(journal, patient, patientToken), HttpResponse.BodyHandlers.discarding()).thenCompose(created -> {
            if (created.statusCode() != 201) {
                return CompletableFuture.completedFuture(false);
            }
            long committed = System.nanoTime();
            long createdMillis = System.currentTimeMillis();
            return emergency.orTimeout(within.toMillis(), TimeUnit.MILLISECONDS).thenApply(alerted -> {
                recorder.recordValue(Math.max(1, (alerted.arrivedNanos() - committed) / 1_000));
                path.record(createdMillis, alerted);
                return true;
            });
        }).exceptionally(e -> false);
    }

    /**
     * How many of these patients' status the triage API gives as EMERGENCY, as the event said: one read each, 32 at a
     * time.
     */
    static long statusAgrees(HttpClient http, String triage, String staff, List<String> patients) {
        long agreeing = 0;
        for (int from = 0; from < patients.size(); from += 32) {
            List<CompletableFuture<Boolean>> reads = patients.subList(from, Math.min(patients.size(), from + 32)).stream()
                    .map(patient -> http.sendAsync(HttpRequest.newBuilder(URI.create(triage + "/api/v1/patients/" + patient
                            + "/status")).header("Authorization", "Bearer " + staff).build(),
                            HttpResponse.BodyHandlers.ofString())
                            .thenApply(r -> r.statusCode() == 200 && r.body().contains("\"tier\":\"EMERGENCY\""))
                            .exceptionally(e -> false))
                    .toList();
            agreeing += reads.stream().filter(CompletableFuture::join).count();
        }
        return agreeing;
    }
}

package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AlertStreamTest {

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;
    @Inject
    DataSource db;

    /** An open SSE connection whose data lines (with their ids) arrive on a queue. */
    private final class Listener implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final java.util.concurrent.CompletableFuture<?> call;

        Listener(String clinic, String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(stream.toString()))
                    .header("Authorization", "Bearer " + DevTokens.token(clinic, "clinician", "dr-" + clinic))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            call = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(lines::add));
            Thread.sleep(800); // the stream starts from "now": let it take its starting point
        }

        /** The next alert event as [id, data], waiting up to 15 s. */
        String[] next() throws InterruptedException {
            return next("alert");
        }

        /** The next event of this name as [id, data], waiting up to 15 s. */
        String[] next(String name) throws InterruptedException {
            String id = null;
            String event = null;
            for (String line; (line = lines.poll(15, TimeUnit.SECONDS)) != null;) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && name.equals(event)) {
                    return new String[] { id, line.substring(5).trim() };
                }
            }
            return null;
        }

        @Override
        public void close() {
            call.cancel(true);
        }
    }

    private static void raise(String clinic, String patient, String code) {
        publish(entryRecorded(clinic, patient, UUID.randomUUID(), report(
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"" + code + "\"}]}")));
    }

    @Test
    void aClinicianSeesTheirClinicsAlertChangesLiveAndResumesWithLastEventId() throws Exception {
        String clinic = newId("clinic");
        String other = newId("clinic");
        String patient = newId("pat");
        String lastId;
        try (Listener mine = new Listener(clinic, null); Listener theirs = new Listener(other, null)) {
            raise(other, newId("pat"), "FEVER");
            raise(clinic, patient, "BLADDER_DYSFUNCTION");
            String[] event = mine.next();
            assertNotNull(event, "an event arrived");
            assertTrue(event[1].contains("\"change\":\"RAISED\""), event[1]);
            assertTrue(event[1].contains(patient), event[1]);
            assertTrue(event[1].contains("CES_BLADDER"), event[1]);
            lastId = event[0];
            String[] foreign = theirs.next();
            assertNotNull(foreign);
            assertTrue(!foreign[1].contains(patient), "another clinic's stream never carries this clinic's alert");
        }
        raise(clinic, patient, "UNEXPLAINED_WEIGHT_LOSS"); // happens while nobody listens
        try (Listener resumed = new Listener(clinic, lastId)) {
            String[] missed = resumed.next();
            assertNotNull(missed, "the change made while disconnected is delivered on resume");
            assertTrue(missed[1].contains("WEIGHT_LOSS"), missed[1]);
            assertTrue(!missed[0].equals(lastId) && !missed[0].matches("\\d+"), "ids are opaque: " + missed[0]);
        }
    }

    @Test
    void aClientThatDropsBeforeAnyChangeResumesFromWhereItsStreamStarted() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String start;
        try (Listener first = new Listener(clinic, null)) {
            String[] ready = first.next("ready");
            assertNotNull(ready, "the stream names its starting point first");
            start = ready[0];
        }
        raise(clinic, patient, "SADDLE_NUMBNESS"); // while the client reconnects
        try (Listener resumed = new Listener(clinic, start)) {
            String[] missed = resumed.next();
            assertNotNull(missed, "the change made before the first alert event is delivered on resume");
            assertTrue(missed[1].contains(patient) && missed[1].contains("CES_SADDLE"), missed[1]);
        }
    }

    @Test
    void aPatientsStatusStreamTellsThemAtOnceWhenItBecomesEmergency() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        var request = HttpRequest.newBuilder(URI.create(stream.toString().replace("/api/v1/alerts/stream",
                "/api/v1/patients/" + patient + "/status/stream")))
                .header("Authorization", "Bearer " + DevTokens.token(clinic, "patient", patient))
                .header("Accept", "text/event-stream").build();
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        var call = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(data::add));
        try {
            String first = data.poll(15, TimeUnit.SECONDS);
            assertNotNull(first, "the stream starts with the status now");
            assertTrue(first.contains("\"tier\":\"NONE\""), first);
            raise(clinic, patient, "BOWEL_DYSFUNCTION");
            String next = data.poll(15, TimeUnit.SECONDS);
            assertNotNull(next, "the change of status is streamed");
            assertTrue(next.contains("\"tier\":\"EMERGENCY\"") && next.contains("emergency department"), next);
        } finally {
            call.cancel(true);
        }
    }

    /**
     * An alert raised by another triage instance, as it lands in the shared database: written here with plain SQL,
     * outside this instance's code, so nothing in this JVM knows of it but what the database announces.
     */
    private void raiseElsewhere(String clinic, String patient) throws Exception {
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            UUID alert = UUID.randomUUID();
            sql.execute("INSERT INTO alert (id, clinic_id, patient_id, rule, tier, tier_rank, status, reason, advice, "
                    + "evidence, occurrences, rule_set_version, created_at, updated_at) VALUES ('" + alert + "', '" + clinic
                    + "', '" + patient + "', 'CES_SADDLE', 'EMERGENCY', 0, 'OPEN', 'r', 'a', '[]', 1, 'test', now(), now());"
                    + "INSERT INTO alert_change (alert_id, at, actor, action) VALUES ('" + alert + "', now(), 'triage', 'RAISED')");
        }
    }

    /** Streams here look only when woken (their keep-alive tick is a minute in tests), so what arrives was heard. */
    @Test
    void aChangeCommittedByAnotherInstanceReachesThisInstancesStreamsAtOnce() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        try (Listener clinicians = new Listener(clinic, null)) {
            raiseElsewhere(clinic, patient);
            String[] event = clinicians.next();
            assertNotNull(event, "the other instance's alert is streamed without waiting for a poll");
            assertTrue(event[1].contains(patient) && event[1].contains("CES_SADDLE"), event[1]);
        }
    }

    @Test
    void streamsHearChangesAgainAfterTheirListeningConnectionIsLost() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        try (Listener clinicians = new Listener(clinic, null)) {
            try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'");
            }
            raiseElsewhere(clinic, patient); // may commit before the listener is back: its notice is then lost
            String[] event = clinicians.next();
            assertNotNull(event, "a change committed while nobody listened is shown once the listener is back");
            assertTrue(event[1].contains(patient), event[1]);
            raiseElsewhere(clinic, newId("pat"));
            assertNotNull(clinicians.next(), "and the next change is heard again");
        }
    }

    @Test
    void anEventIdGivenToAnotherClinicOrForgedIsRefused() throws Exception {
        String clinic = newId("clinic");
        String other = newId("clinic");
        String theirId;
        try (Listener theirs = new Listener(other, null)) {
            raise(other, newId("pat"), "FEVER");
            theirId = theirs.next()[0];
        }
        for (String id : new String[] { theirId, "12345", "not-an-id" }) {
            given().auth().oauth2(DevTokens.token(clinic, "clinician", "dr-" + clinic)).header("Last-Event-ID", id)
                    .accept("text/event-stream").get("/api/v1/alerts/stream").then().statusCode(400)
                    .body("violations[0].field", org.hamcrest.Matchers.equalTo("Last-Event-ID"));
        }
    }
}

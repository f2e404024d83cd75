package com.backcare.journal;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.events.Topics;
import com.backcare.localstack.SharedTestStack;
import com.backcare.localstack.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EntryCorrectionAndDeletionTest {

    private static final String ORIGINAL = """
            {"recordedAt": "2026-11-18T07:30:00Z", "intensity": 4, "qualities": ["ACHING"]}""";
    private static final String CORRECTED = """
            {"intensity": 6, "qualities": ["SHARP"], "timing": ["AT_NIGHT"]}""";

    private String clinic;
    private String patient;
    private String entry;

    @BeforeEach
    void anEntry() {
        clinic = newId("clinic");
        patient = newId("pat");
        entry = entriesOf(patient) + "/" + asPatient(clinic, patient).body(ORIGINAL).post(entriesOf(patient))
                .then().statusCode(201).header("ETag", "\"1\"").extract().path("id");
    }

    @Test
    void aCorrectionReplacesTheReportKeepsTheTimeAndRecordsWhatChanged() {
        asClinician(clinic).body(CORRECTED).put(entry).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("revision", equalTo(2))
                .body("intensity", equalTo(6))
                .body("recordedAt", equalTo("2026-11-18T07:30:00Z"))
                .body("updatedBy", equalTo("dr-" + clinic));
        asPatient(clinic, patient).get(entry + "/history").then().statusCode(200)
                .body("revision", contains(1, 2))
                .body("action", contains("RECORDED", "CORRECTED"))
                .body("by", contains(patient, "dr-" + clinic))
                .body("role", contains("patient", "clinician"))
                .body("[1].changedFields", contains("intensity", "qualities", "timing"))
                .body("[0].entry.intensity", equalTo(4));
    }

    @Test
    void aStaleIfMatchIsRefusedInsteadOfOverwritingAConcurrentChange() {
        asPatient(clinic, patient).header("If-Match", "\"1\"").body(CORRECTED).put(entry).then().statusCode(200);
        asClinician(clinic).header("If-Match", "\"1\"").body(ORIGINAL).put(entry).then().statusCode(412)
                .contentType("application/problem+json");
        asClinician(clinic).header("If-Match", "\"2\"").body(ORIGINAL).put(entry).then().statusCode(200)
                .body("revision", equalTo(3));
        asClinician(clinic).header("If-Match", "yesterday").body(ORIGINAL).put(entry).then().statusCode(400)
                .body("violations[0].field", equalTo("If-Match"));
    }

    @Test
    void aCorrectionThatChangesNothingIsNoNewRevision() {
        asPatient(clinic, patient).body(ORIGINAL).put(entry).then().statusCode(200).body("revision", equalTo(1));
    }

    @Test
    void aDeletedEntryIsNoLongerServedButItsHistoryStays() {
        asPatient(clinic, patient).delete(entry).then().statusCode(204);
        asPatient(clinic, patient).get(entry).then().statusCode(404).contentType("application/problem+json");
        asPatient(clinic, patient).get(entriesOf(patient)).then().statusCode(200).body("items", hasSize(0));
        asPatient(clinic, patient).body(CORRECTED).put(entry).then().statusCode(404);
        asPatient(clinic, patient).delete(entry).then().statusCode(404);
        asClinician(clinic).get(entry + "/history").then().statusCode(200)
                .body("action", contains("RECORDED", "DELETED"))
                .body("[1].entry", nullValue());
    }

    @Test
    void correctionsAndDeletionsArePublishedWithTheirRevisionInOrder() throws Exception {
        asPatient(clinic, patient).body(CORRECTED).put(entry).then().statusCode(200);
        asPatient(clinic, patient).delete(entry).then().statusCode(204);
        ObjectMapper json = new ObjectMapper();
        try (TopicReader reader = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.JOURNAL_EVENTS)) {
            var records = reader.await(r -> patient.equals(r.key()), 3, Duration.ofSeconds(20));
            List<String> types = records.stream().map(r -> read(json, r.value()).path("type").asText()).toList();
            List<Integer> revisions = records.stream()
                    .map(r -> read(json, r.value()).path("data").path("revision").asInt()).toList();
            assertEquals(List.of("com.backcare.journal.entry.recorded", "com.backcare.journal.entry.corrected",
                    "com.backcare.journal.entry.deleted"), types);
            assertEquals(List.of(1, 2, 3), revisions);
            assertEquals(6, read(json, records.get(1).value()).path("data").path("entry").path("intensity").asInt());
        }
    }

    private static JsonNode read(ObjectMapper json, String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.backcare.journal;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.journal.Requests.profileOf;
import static com.backcare.journal.Requests.responsesOf;
import static com.backcare.journal.Requests.START_BACK_HIGH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.backcare.events.EventSchemas;
import com.backcare.events.Topics;
import com.backcare.localstack.SharedTestStack;
import com.backcare.localstack.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** What journal-service publishes matches the published JSON Schemas, for every event type, as actually sent. */
@QuarkusTest
class EventSchemaContractTest {

    private static final String EVERY_FIELD = """
            {"recordedAt": "2026-11-18T07:30:00Z", "intensity": 6,
             "locations": [{"site": "LOWER_BACK", "side": "LEFT"}, {"site": "FOOT"}],
             "qualities": ["BURNING"], "onset": "SUDDEN", "timing": ["AT_NIGHT"], "triggers": ["LIFTING"],
             "relievingFactors": ["ICE"], "associatedSymptoms": [{"code": "WEAKNESS", "side": "RIGHT", "progressive": true}],
             "trauma": "MINOR",
             "exercises": [{"exercise": "goblet squat", "durationMinutes": 5, "effort": 7, "sets": 3, "reps": 8,
                            "loadKg": 12.5, "equipment": "kettlebell"}],
             "medications": [{"name": "paracetamol", "dose": "1 g", "effect": "NONE"}],
             "treatments": ["ICE", "BRACE"], "selfTests": {"SIT_TO_STAND": "COULD_NOT_PERFORM"}, "notes": "n"}""";

    @Test
    void everyPublishedEventConformsToItsSchema() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String entry = entriesOf(patient) + "/" + asPatient(clinic, patient).body(EVERY_FIELD).post(entriesOf(patient))
                .then().statusCode(201).extract().path("id");
        asPatient(clinic, patient).body("{\"intensity\": 2}").post(entriesOf(patient)).then().statusCode(201);
        asClinician(clinic).body("{\"intensity\": 7}").put(entry).then().statusCode(200);
        asClinician(clinic).delete(entry).then().statusCode(204);
        asClinician(clinic).body("{\"birthYear\": 1948, \"firstEpisode\": true, \"history\": [\"CANCER\"], "
                + "\"conditions\": [\"spinal-stenosis\"]}").put(profileOf(patient)).then().statusCode(200);
        asPatient(clinic, patient).body(START_BACK_HIGH).post(responsesOf(patient)).then().statusCode(201);

        ObjectMapper json = new ObjectMapper();
        try (TopicReader reader = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.JOURNAL_EVENTS)) {
            var records = reader.await(r -> patient.equals(r.key()), 6, Duration.ofSeconds(20));
            assertEquals(6, records.size());
            Set<String> types = records.stream().map(r -> tree(json, r.value()).path("type").asText()).collect(Collectors.toSet());
            assertEquals(5, types.size(), "all five event types were produced: " + types);
            for (var record : records) {
                JsonNode event = tree(json, record.value());
                assertEquals(List.of(), EventSchemas.violations(event), event.path("type").asText());
            }
        }
    }

    private static JsonNode tree(ObjectMapper json, String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.backcare.journal;

import static com.backcare.journal.Requests.CAUDA_EQUINA_ENTRY;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.journal.Requests.profileOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.backcare.events.Topics;
import com.backcare.localstack.SharedTestStack;
import com.backcare.localstack.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EntryEventPublicationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRecordedEntryIsPublishedAsACloudEventKeyedByPatient() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String entryId = asPatient(clinic, patient).body(CAUDA_EQUINA_ENTRY).post(entriesOf(patient))
                .then().statusCode(201).extract().path("id");

        try (TopicReader reader = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.JOURNAL_EVENTS)) {
            List<ConsumerRecord<String, String>> records = reader.await(r -> patient.equals(r.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, records.size());
            ConsumerRecord<String, String> record = records.get(0);
            JsonNode event = json.readTree(record.value());
            assertEquals("1.0", event.path("specversion").asText());
            assertEquals("com.backcare.journal.entry.recorded", event.path("type").asText());
            assertEquals(1, event.path("schemaversion").asInt());
            assertEquals(clinic, event.path("clinicid").asText());
            assertEquals(patient, event.path("patientid").asText());
            assertTrue(event.path("id").asText().length() >= 32);
            assertTrue(event.hasNonNull("time"));
            assertEquals(entryId, event.path("data").path("entryId").asText());
            assertEquals("SADDLE_NUMBNESS", event.path("data").path("entry").path("associatedSymptoms").get(0).path("code").asText());
            assertEquals("application/cloudevents+json; charset=UTF-8",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anEntryEventIsPublishedInTheTraceOfTheRequestThatRecordedIt() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        asPatient(clinic, patient).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").body(CAUDA_EQUINA_ENTRY)
                .post(entriesOf(patient)).then().statusCode(201);

        try (TopicReader reader = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.JOURNAL_EVENTS)) {
            ConsumerRecord<String, String> record = reader.await(r -> patient.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            String traceparent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertEquals(traceId, traceparent.split("-")[1], "published by the relay, in the request's trace");
        }
    }

    @Test
    void aProfileChangeIsPublished() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asClinician(clinic).body("{\"birthYear\": 1950, \"history\": [\"CANCER\"]}").put(profileOf(patient))
                .then().statusCode(200);
        try (TopicReader reader = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.JOURNAL_EVENTS)) {
            var records = reader.await(r -> patient.equals(r.key()), 1, Duration.ofSeconds(20));
            JsonNode event = json.readTree(records.get(0).value());
            assertEquals("com.backcare.journal.profile.changed", event.path("type").asText());
            assertEquals("CANCER", event.path("data").path("profile").path("history").get(0).asText());
        }
    }

    @Test
    void entriesAreAcceptedWhileKafkaIsDownAndTheirEventsFollowOnceItIsBack() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        SharedTestStack.kafka().stop();
        try {
            for (int i = 0; i < 3; i++) {
                asPatient(clinic, patient).body("{\"intensity\": %d}".formatted(i)).post(entriesOf(patient))
                        .then().statusCode(201);
            }
            // Still ready for writes while Kafka is away: the events wait in the outbox, and health says so.
            io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Transactional outbox' }.data.pendingEvents",
                            org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        } finally {
            SharedTestStack.kafka().start();
        }
        try (TopicReader reader = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.JOURNAL_EVENTS)) {
            reader.await(r -> patient.equals(r.key()), 3, Duration.ofSeconds(60));
            var records = reader.drain(r -> patient.equals(r.key()), Duration.ofSeconds(3));
            assertEquals(3, records.stream().map(r -> readTree(r.value()).path("id").asText()).distinct().count());
            List<Integer> intensities = records.stream()
                    .map(r -> readTree(r.value()).path("data").path("entry").path("intensity").asInt()).toList();
            assertEquals(List.of(0, 1, 2), intensities, "every event arrives once, in order");
        }
    }

    private JsonNode readTree(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.backcare.triage;

import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static com.backcare.localstack.Events.send;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.events.Topics;
import com.backcare.localstack.SharedTestStack;
import com.backcare.localstack.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeadLetterTest {

    @Test
    void anUndecodableEventGoesToTheDeadLetterTopicWithItsReasonAndConsumptionGoesOn() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        send(Topics.JOURNAL_EVENTS, patient, "{this is not json");
        send(Topics.JOURNAL_EVENTS, patient, "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"com.backcare.journal.entry.recorded\"}");
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"SEXUAL_DYSFUNCTION\"}]}")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1)));

        try (TopicReader dlq = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.TRIAGE_DEAD_LETTERS)) {
            var dead = dlq.await(r -> patient.equals(r.key()), 2, Duration.ofSeconds(20));
            assertEquals(2, dead.size());
            var reason = dead.get(0).headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the reason travels with the dead letter");
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("not a CloudEvents JSON envelope"));
            assertTrue(new String(dead.get(1).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .contains("invalid envelope"));
        }
    }

    @Test
    void anEventBreakingTheContractIsDeadLetteredNotApplied() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String outOfRange = "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/test\",\"type\":\"com.backcare.journal.entry.recorded\","
                + "\"time\":\"2026-11-20T08:00:00Z\",\"clinicid\":\"%s\",\"patientid\":\"%s\",\"schemaversion\":1,"
                + "\"data\":{\"entryId\":\"%s\",\"revision\":1,\"entry\":{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":42,"
                + "\"associatedSymptoms\":[{\"code\":\"BLADDER_DYSFUNCTION\"}]}}}";
        send(Topics.JOURNAL_EVENTS, patient, outOfRange.formatted(UUID.randomUUID(), clinic, patient, UUID.randomUUID()));
        try (TopicReader dlq = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.TRIAGE_DEAD_LETTERS)) {
            var dead = dlq.await(r -> patient.equals(r.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, dead.size());
            assertTrue(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .contains("intensity"));
        }
        asClinician(clinic).queryParam("patientId", patient).get("/api/v1/alerts").then().body("items", hasSize(0));
    }
}

package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.json;
import static com.backcare.localstack.Events.report;
import static com.backcare.localstack.Events.sendRaw;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.events.EventEnvelope;
import com.backcare.events.Topics;
import com.backcare.localstack.DeadLetterReplay;
import com.backcare.localstack.SharedTestStack;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeadLetterReplayTest {

    @Test
    void aDeadLetteredEventReplayedOnceTheCauseIsFixedRaisesItsAlertOnce() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String deadLetters = "test." + newId("dlq");
        EventEnvelope event = entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":8,\"associatedSymptoms\":[{\"code\":\"BOWEL_DYSFUNCTION\"}]}"));
        // As the connector writes a dead letter: the original bytes and headers, and its own.
        sendRaw(deadLetters, patient, json(event).getBytes(StandardCharsets.UTF_8), Map.of(
                "content-type", EventEnvelope.CONTENT_TYPE, "dead-letter-topic", Topics.JOURNAL_EVENTS,
                "dead-letter-reason", "Unable to acquire JDBC Connection"));
        String bootstrap = SharedTestStack.kafka().bootstrapServers();

        assertEquals(1, DeadLetterReplay.replay(bootstrap, deadLetters, true), "a dry run lists it");
        assertEquals(1, DeadLetterReplay.replay(bootstrap, deadLetters, false));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].rule", equalTo("CES_BOWEL")));
        assertEquals(0, DeadLetterReplay.replay(bootstrap, deadLetters, false), "a second run replays nothing new");
    }
}

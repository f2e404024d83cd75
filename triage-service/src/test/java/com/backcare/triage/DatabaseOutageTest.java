package com.backcare.triage;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.events.Topics;
import com.backcare.localstack.SharedTestStack;
import com.backcare.localstack.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DatabaseOutageTest {

    @Test
    void aRedFlagArrivingWhileTheDatabaseIsDownBecomesAnAlertOnceItIsBackAndIsNeverDeadLettered() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        SharedTestStack.postgres().stop();
        try {
            publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                    report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":8,\"associatedSymptoms\":[{\"code\":\"SADDLE_NUMBNESS\"}]}")));
            // Reads during the outage are a 503 problem with Retry-After, not a 500.
            asClinician(clinic).get("/api/v1/alerts").then().statusCode(503)
                    .contentType(startsWith("application/problem+json")).header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
            // Longer than any retry budget the consumer used to have before dead-lettering.
            Thread.sleep(12_000);
        } finally {
            SharedTestStack.postgres().start();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asClinician(clinic).queryParam("patientId", patient)
                .get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].tier", equalTo("EMERGENCY")));
        try (TopicReader dlq = new TopicReader(SharedTestStack.kafka().bootstrapServers(), Topics.TRIAGE_DEAD_LETTERS)) {
            assertEquals(0, dlq.drain(r -> patient.equals(r.key()), Duration.ofSeconds(2)).size(),
                    "a good event is never dead-lettered for an outage");
        }
    }
}

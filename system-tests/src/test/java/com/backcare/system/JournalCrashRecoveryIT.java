package com.backcare.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.backcare.events.EventJson;
import com.backcare.events.Topics;
import com.backcare.localstack.DevTokens;
import com.backcare.localstack.TopicReader;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Nothing is lost when journal-service dies between the database commit and the send: entries committed while
 * Kafka is unreachable survive a SIGKILL of the service and reach Kafka, in order, once both are back.
 */
class JournalCrashRecoveryIT extends AgainstTheRunningSystem {

    private static RequestSpecification as(String role, String subject) {
        return given().auth().oauth2(DevTokens.token("clinic-crash", role, subject)).contentType(ContentType.JSON);
    }

    @Test
    void entriesCommittedBeforeACrashAreAllPublishedAfterRestart() {
        String patient = "pat-crash";
        system.kafka().stop();
        List<String> entryIds = new ArrayList<>();
        for (int intensity = 1; intensity <= 4; intensity++) {
            String symptoms = intensity == 4 ? ", \"associatedSymptoms\": [{\"code\": \"BOWEL_DYSFUNCTION\"}]" : "";
            entryIds.add(as("patient", patient).body("{\"intensity\": %d%s}".formatted(intensity, symptoms))
                    .post(baseUrl("journal-service") + "/api/v1/patients/" + patient + "/entries").then().statusCode(201)
                    .extract().path("id"));
        }
        system.crash("journal-service");
        system.kafka().start();
        system.restart("journal-service", Duration.ofMinutes(2));

        try (TopicReader reader = new TopicReader(system.kafka().bootstrapServers(), Topics.JOURNAL_EVENTS)) {
            var records = reader.await(r -> patient.equals(r.key()), 4, Duration.ofSeconds(60));
            List<String> published = records.stream().map(r -> entryIdOf(r.value())).toList();
            assertEquals(entryIds, published, "every committed entry is published once, in order");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("clinician", "dr-crash")
                .queryParam("patientId", patient).get(baseUrl("triage-service") + "/api/v1/alerts").then().statusCode(200)
                .body("items.rule", hasItem("CES_BOWEL")));
    }

    private static String entryIdOf(String event) {
        try {
            return EventJson.mapper().readTree(event).path("data").path("entryId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

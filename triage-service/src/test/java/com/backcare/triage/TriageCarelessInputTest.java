package com.backcare.triage;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Problems.names;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Careless or hostile input to triage is a 400 naming the field; the alert is left as it was. */
@QuarkusTest
class TriageCarelessInputTest {

    @Test
    void aRepeatedOrNulNoteIsRefusedAndTheAlertStaysOpen() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"FEVER\"}]}")));
        Map<String, Object> alert = Alerts.awaitCount(clinic, patient, 1).get(0);
        String path = "/api/v1/alerts/" + alert.get("id");

        names(asClinician(clinic).body("{\"note\":\"a\",\"note\":\"b\"}").post(path + "/acknowledge").then(), "note");
        names(asClinician(clinic).body("{\"note\":\"called\\u0000\"}").post(path + "/acknowledge").then(), "note");
        names(asClinician(clinic).body("{\"note\":42}").post(path + "/acknowledge").then(), "note");
        asClinician(clinic).get(path).then().statusCode(200).body("status", equalTo("OPEN"));
    }

    @ParameterizedTest(name = "ageThreshold {0} names the field")
    @ValueSource(strings = { "60.5", "\"60\"", "true" })
    void aThresholdOfAnotherTypeIsRefused(String value) {
        String clinic = newId("clinic");
        names(asAdmin(clinic).body("{\"ageThreshold\": " + value
                + ", \"acknowledgeWithin\": {\"EMERGENCY\": \"PT15M\", \"URGENT\": \"PT4H\", \"SOON\": \"P3D\"}}")
                .put("/api/v1/clinics/" + clinic + "/triage-settings").then(), "ageThreshold");
    }

    @ParameterizedTest(name = "alerts ?{0} names the parameter")
    @ValueSource(strings = { "limit=abc", "limit=1.5", "limit=2147483648", "from=%2B1000000000-01-01T00:00:00Z",
            "to=-4714-11-24T00:00:00Z", "patientId=a%00b" })
    void aBadAlertQueryIsNamed(String query) {
        String clinic = newId("clinic");
        names(asClinician(clinic).urlEncodingEnabled(false).get("/api/v1/alerts?" + query).then(), query.split("=")[0]);
    }
}

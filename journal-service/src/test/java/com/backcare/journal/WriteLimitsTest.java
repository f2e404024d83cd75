package com.backcare.journal;

import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.journal.Requests.profileOf;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Past its limit a patient's or a clinic's writes are refused with a 429 and Retry-After, and nothing is stored. The
 * test clinic "clinic-limited" allows 3 writes per patient and 6 per clinic an hour (application.properties).
 */
@QuarkusTest
class WriteLimitsTest {

    private static final String CLINIC = "clinic-limited";

    @Test
    void aPatientPastTheLimitGets429AndNothingIsStoredWhileOtherPatientsStillWrite() {
        String flooder = newId("pat");
        for (int i = 0; i < 3; i++) {
            asPatient(CLINIC, flooder).body("{\"intensity\": 3}").post(entriesOf(flooder)).then().statusCode(201);
        }
        asPatient(CLINIC, flooder).body("{\"intensity\": 3}").post(entriesOf(flooder)).then().statusCode(429)
                .contentType(startsWith("application/problem+json")).header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        asClinician(CLINIC).body("{\"birthYear\": 1970}").put(profileOf(flooder)).then().statusCode(429);
        asClinician(CLINIC).get(entriesOf(flooder)).then().statusCode(200).body("items", hasSize(3));

        String other = newId("pat");
        asPatient(CLINIC, other).body("{\"intensity\": 3}").post(entriesOf(other)).then().statusCode(201);
        asPatient(CLINIC, other).body("{\"intensity\": 3}").post(entriesOf(other)).then().statusCode(201);
        // 6 writes counted for the clinic: 5 stored and the first refusal (later ones are refused from memory).
        String third = newId("pat");
        asPatient(CLINIC, third).body("{\"intensity\": 3}").post(entriesOf(third)).then().statusCode(429);
        // Other clinics are not affected.
        String elsewhere = newId("clinic");
        asPatient(elsewhere, third).body("{\"intensity\": 3}").post(entriesOf(third)).then().statusCode(201);
    }
}

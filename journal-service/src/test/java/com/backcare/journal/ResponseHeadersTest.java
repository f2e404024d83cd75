package com.backcare.journal;

import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Patient data is never stored by caches, and no answer may be sniffed as another type. */
@QuarkusTest
class ResponseHeadersTest {

    @Test
    void patientDataIsNoStoreAndEveryAnswerIsNosniff() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asPatient(clinic, patient).body("{\"intensity\": 4}").post(entriesOf(patient)).then().statusCode(201)
                .header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"));
        asPatient(clinic, patient).get(entriesOf(patient)).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"));
        asPatient(clinic, patient).body("{\"intensity\": 42}").post(entriesOf(patient)).then().statusCode(400)
                .header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/q/health/live").then().header("X-Content-Type-Options", equalTo("nosniff"));
    }
}

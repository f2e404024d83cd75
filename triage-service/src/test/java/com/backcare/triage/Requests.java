package com.backcare.triage;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import com.backcare.localstack.DevTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request builders for the roles the tests play. Each test uses its own clinic and patient ids. */
final class Requests {

    private Requests() {
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String clinic, String role, String subject) {
        return given().auth().oauth2(DevTokens.token(clinic, role, subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification asPatient(String clinic, String patient) {
        return as(clinic, "patient", patient);
    }

    static RequestSpecification asClinician(String clinic) {
        return as(clinic, "clinician", "dr-" + clinic);
    }

    static String statusOf(String patient) {
        return "/api/v1/patients/" + patient + "/status";
    }
}

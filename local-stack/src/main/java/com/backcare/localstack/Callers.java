package com.backcare.localstack;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as the roles tests play, with dev-signed tokens. Each test picks fresh ids. */
public final class Callers {

    private Callers() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String clinic, String role, String subject) {
        return given().auth().oauth2(DevTokens.token(clinic, role, subject)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPatient(String clinic, String patient) {
        return as(clinic, "patient", patient);
    }

    public static RequestSpecification asClinician(String clinic) {
        return as(clinic, "clinician", "dr-" + clinic);
    }

    public static RequestSpecification asAdmin(String clinic) {
        return as(clinic, "clinic-admin", "admin-" + clinic);
    }
}

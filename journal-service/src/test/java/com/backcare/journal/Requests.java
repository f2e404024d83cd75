package com.backcare.journal;

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

    static RequestSpecification asAdmin(String clinic) {
        return as(clinic, "clinic-admin", "admin-" + clinic);
    }

    static String entriesOf(String patient) {
        return "/api/v1/patients/" + patient + "/entries";
    }

    static String profileOf(String patient) {
        return "/api/v1/patients/" + patient + "/profile";
    }

    static final String CAUDA_EQUINA_ENTRY = """
            {"recordedAt": "2026-11-20T08:00:00Z", "intensity": 7,
             "locations": [{"site": "LOWER_BACK", "side": "MIDLINE"}],
             "qualities": ["SHARP"],
             "associatedSymptoms": [{"code": "SADDLE_NUMBNESS"}, {"code": "BLADDER_DYSFUNCTION"}]}
            """;

    static final String SORENESS_ENTRY = """
            {"recordedAt": "2026-11-19T18:00:00Z", "intensity": 3, "qualities": ["ACHING"],
             "timing": ["HOURS_AFTER_EXERCISE"]}
            """;
}

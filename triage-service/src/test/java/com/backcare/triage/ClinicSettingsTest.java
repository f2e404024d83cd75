package com.backcare.triage;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ClinicSettingsTest {

    private static String settingsOf(String clinic) {
        return "/api/v1/clinics/" + clinic + "/triage-settings";
    }

    @Test
    void aClinicStartsWithTheDocumentsDefaultsAndItsAdminChangesThem() {
        String clinic = newId("clinic");
        asClinician(clinic).get(settingsOf(clinic)).then().statusCode(200)
                .body("ageThreshold", equalTo(50))
                .body("acknowledgeWithin.EMERGENCY", equalTo("PT15M"))
                .body("acknowledgeWithin.URGENT", equalTo("PT4H"))
                .body("acknowledgeWithin.SOON", equalTo("PT72H"));
        asAdmin(clinic).body("{\"ageThreshold\": 55, \"acknowledgeWithin\": {\"EMERGENCY\": \"PT10M\", \"URGENT\": \"PT2H\", \"SOON\": \"P2D\"}}")
                .put(settingsOf(clinic)).then().statusCode(200).body("ageThreshold", equalTo(55));
        asClinician(clinic).get(settingsOf(clinic)).then().body("ageThreshold", equalTo(55))
                .body("acknowledgeWithin.EMERGENCY", equalTo("PT10M"));
    }

    @Test
    void badSettingsNameTheField() {
        String clinic = newId("clinic");
        asAdmin(clinic).body("{\"ageThreshold\": 12, \"acknowledgeWithin\": {\"EMERGENCY\": \"PT10M\", \"URGENT\": \"PT2H\", \"SOON\": \"P2D\"}}")
                .put(settingsOf(clinic)).then().statusCode(400).body("violations[0].field", equalTo("ageThreshold"));
        asAdmin(clinic).body("{\"ageThreshold\": 50, \"acknowledgeWithin\": {\"EMERGENCY\": \"soon\", \"URGENT\": \"PT2H\", \"SOON\": \"P2D\"}}")
                .put(settingsOf(clinic)).then().statusCode(400).body("violations[0].field", equalTo("acknowledgeWithin.EMERGENCY"));
        asAdmin(clinic).body("{\"ageThreshold\": 50, \"acknowledgeWithin\": {\"EMERGENCY\": \"PT5H\", \"URGENT\": \"PT2H\", \"SOON\": \"P2D\"}}")
                .put(settingsOf(clinic)).then().statusCode(400).body("violations[0].field", equalTo("acknowledgeWithin"));
        asAdmin(clinic).body("{\"ageThreshold\": 50}").put(settingsOf(clinic)).then().statusCode(400)
                .body("violations[0].field", equalTo("acknowledgeWithin"));
    }

    @Test
    void onlyTheClinicsOwnAdminChangesThem() {
        String clinic = newId("clinic");
        String body = "{\"ageThreshold\": 55, \"acknowledgeWithin\": {\"EMERGENCY\": \"PT10M\", \"URGENT\": \"PT2H\", \"SOON\": \"P2D\"}}";
        asClinician(clinic).body(body).put(settingsOf(clinic)).then().statusCode(403);
        asPatient(clinic, "p").get(settingsOf(clinic)).then().statusCode(403);
        asAdmin(newId("clinic")).body(body).put(settingsOf(clinic)).then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin(newId("clinic")).get(settingsOf(clinic)).then().statusCode(404);
    }
}

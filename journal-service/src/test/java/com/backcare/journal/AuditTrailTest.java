package com.backcare.journal;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.journal.Requests.profileOf;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditTrailTest {

    @Inject
    EntityManager em;

    @Test
    void everyReadAndWriteOfAPatientsDataIsRecordedWithItsOutcome() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asPatient(clinic, patient).body("{\"intensity\": 4, \"notes\": \"private words\"}").post(entriesOf(patient))
                .then().statusCode(201);
        asClinician(clinic).get(entriesOf(patient)).then().statusCode(200);
        asClinician(clinic).get(profileOf(patient)).then().statusCode(200);
        asPatient(clinic, newId("intruder")).get(entriesOf(patient)).then().statusCode(403);

        String audit = "/api/v1/clinics/" + clinic + "/audit-records";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> asAdmin(clinic).queryParam("patientId", patient)
                .get(audit).then().statusCode(200).body("items", hasSize(4)));
        asAdmin(clinic).queryParam("patientId", patient).get(audit).then()
                .body("items.action", hasItem("ENTRY_CREATE"))
                .body("items.action", hasItem("PROFILE_READ"))
                .body("items.outcome", hasItem("DENIED"))
                .body("items.find { it.outcome == 'DENIED' }.role", equalTo("patient"))
                .body("items.find { it.action == 'ENTRY_CREATE' }.actor", equalTo(patient))
                .body("items.find { it.action == 'PROFILE_READ' }.role", equalTo("clinician"))
                .body("toString()", not(org.hamcrest.Matchers.containsString("private words")));
    }

    @Test
    void aSuccessfulWriteAndItsAuditRecordCommitInOneTransaction() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asPatient(clinic, patient).body("{\"intensity\": 3}").post(entriesOf(patient)).then().statusCode(201);
        asPatient(clinic, patient).body("{\"intensity\": 42}").post(entriesOf(patient)).then().statusCode(400);

        // xmin is the id of the transaction that inserted a row: one id for the entry and the record of its writing
        var written = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT a.status, a.outcome, a.xmin::text = e.xmin::text FROM audit_record a LEFT JOIN pain_entry e "
                        + "ON e.patient_id = a.patient_id WHERE a.patient_id = ?1 ORDER BY a.status", Object[].class)
                .setParameter(1, patient).getResultList());
        assertEquals(2, written.size(), "one record for the write, one for the refusal, none twice");
        Object[] success = (Object[]) written.get(0);
        assertEquals(List.of(201, "SUCCESS", true), List.of(((Number) success[0]).intValue(), success[1], success[2]));
        Object[] refusal = (Object[]) written.get(1);
        assertEquals(List.of(400, "REJECTED", false), List.of(((Number) refusal[0]).intValue(), refusal[1], refusal[2]),
                "the refusal is recorded on its own, its write having rolled back");
    }

    @Test
    void theTrailFiltersByTimeAndPagesNewestFirst() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        for (int i = 0; i < 3; i++) {
            asPatient(clinic, patient).get(entriesOf(patient)).then().statusCode(200);
        }
        String audit = "/api/v1/clinics/" + clinic + "/audit-records";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> asAdmin(clinic).get(audit).then()
                .body("items", hasSize(3)));
        String next = asAdmin(clinic).queryParam("limit", 2).get(audit).then().body("items", hasSize(2))
                .extract().path("nextCursor");
        asAdmin(clinic).queryParam("limit", 2).queryParam("cursor", next).get(audit).then().body("items", hasSize(1));
        asAdmin(clinic).queryParam("to", "2000-01-01T00:00:00Z").get(audit).then().body("items", hasSize(0));
    }

    @Test
    void recordIdsAndCursorsSayNothingAboutOtherClinicsAndDoNotWorkForThem() {
        String clinic = newId("clinic");
        String other = newId("clinic");
        String patient = newId("pat");
        for (int i = 0; i < 2; i++) {
            asPatient(clinic, patient).get(entriesOf(patient)).then().statusCode(200);
        }
        String audit = "/api/v1/clinics/" + clinic + "/audit-records";
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> asAdmin(clinic).get(audit).then()
                .body("items", hasSize(2)));
        java.util.List<String> ids = asAdmin(clinic).get(audit).then().extract().path("items.id");
        ids.forEach(id -> org.junit.jupiter.api.Assertions.assertFalse(id.matches("\\d+"), "opaque: " + id));
        String next = asAdmin(clinic).queryParam("limit", 1).get(audit).then().extract().path("nextCursor");
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(next), java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertFalse(decoded.matches("(?s).*\u001f\\d+$"), "no sequence number in " + decoded);
        asAdmin(other).queryParam("cursor", next).get("/api/v1/clinics/" + other + "/audit-records").then()
                .statusCode(400).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void nobodyCanAlterTheTrailNotThroughTheApiNorInTheDatabase() {
        String clinic = newId("clinic");
        String audit = "/api/v1/clinics/" + clinic + "/audit-records";
        asAdmin(clinic).body("{}").post(audit).then().statusCode(405).contentType("application/problem+json");
        asAdmin(clinic).delete(audit).then().statusCode(405);
        asAdmin(clinic).body("{}").put(audit).then().statusCode(405);
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("DELETE FROM audit_record").executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE audit_record SET actor = 'someone-else'").executeUpdate()));
    }
}

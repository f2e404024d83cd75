package com.backcare.journal;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.journal.Requests.profileOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PainEntryApiTest {

    private static final String FULL_ENTRY = """
            {"recordedAt": "2026-11-18T07:30:00Z", "intensity": 6,
             "locations": [{"site": "LOWER_BACK", "side": "LEFT"}, {"site": "LEG_BELOW_KNEE", "side": "LEFT"}],
             "qualities": ["SHARP", "ELECTRIC"], "onset": "GRADUAL",
             "timing": ["ON_WAKING", "WITH_MOVEMENT"], "triggers": ["SITTING", "BENDING_FORWARD"],
             "relievingFactors": ["HEAT", "POSITION_CHANGE"],
             "associatedSymptoms": [{"code": "TINGLING", "side": "LEFT", "progressive": false}],
             "trauma": "NONE",
             "exercises": [{"exercise": "bird-dog", "durationMinutes": 10, "effort": 4, "sets": 2, "reps": 10,
                            "loadKg": 0, "equipment": "mat"}],
             "medications": [{"name": "ibuprofen", "dose": "400 mg", "effect": "SOME"}],
             "treatments": ["HEAT", "PHYSIOTHERAPY"],
             "selfTests": {"FLEXION": "REPRODUCES_PAIN", "EXTENSION": "NO_PAIN"},
             "notes": "Worse after the long drive."}
            """;

    @Test
    void recordingAnEntryReturns201WithLocationAndTheStoredEntry() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        var created = asPatient(clinic, patient).body(FULL_ENTRY).post(entriesOf(patient))
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("patientId", equalTo(patient))
                .body("revision", equalTo(1))
                .body("intensity", equalTo(6))
                .body("createdBy", equalTo(patient))
                .extract();
        String location = created.header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(
                location.endsWith(entriesOf(patient) + "/" + created.path("id")), location);

        asPatient(clinic, patient).get(location).then().statusCode(200)
                .body("recordedAt", equalTo("2026-11-18T07:30:00Z"))
                .body("locations[1].site", equalTo("LEG_BELOW_KNEE"))
                .body("qualities", contains("SHARP", "ELECTRIC"))
                .body("associatedSymptoms[0].code", equalTo("TINGLING"))
                .body("associatedSymptoms[0].side", equalTo("LEFT"))
                .body("exercises[0].exercise", equalTo("bird-dog"))
                .body("exercises[0].effort", equalTo(4))
                .body("medications[0].effect", equalTo("SOME"))
                .body("treatments", contains("HEAT", "PHYSIOTHERAPY"))
                .body("selfTests.FLEXION", equalTo("REPRODUCES_PAIN"))
                .body("notes", equalTo("Worse after the long drive."));
    }

    @Test
    void aMissingRecordedAtDefaultsToNow() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asPatient(clinic, patient).body("{\"intensity\": 2}").post(entriesOf(patient))
                .then().statusCode(201).body("recordedAt", notNullValue());
    }

    @Test
    void entriesAreListedNewestFirstAndPagedByCursor() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        for (int day = 10; day <= 14; day++) {
            asPatient(clinic, patient).body("{\"recordedAt\": \"2026-11-%dT08:00:00Z\", \"intensity\": %d}"
                    .formatted(day, day - 10)).post(entriesOf(patient)).then().statusCode(201);
        }
        String cursor = asClinician(clinic).queryParam("limit", 2).get(entriesOf(patient)).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.intensity", contains(4, 3))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        String next = asClinician(clinic).queryParam("limit", 2).queryParam("cursor", cursor).get(entriesOf(patient))
                .then().statusCode(200).body("items.intensity", contains(2, 1)).extract().path("nextCursor");
        asClinician(clinic).queryParam("limit", 2).queryParam("cursor", next).get(entriesOf(patient))
                .then().statusCode(200).body("items.intensity", contains(0)).body("nextCursor", nullValue());
    }

    @Test
    void fromAndToNarrowTheList() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        for (int day = 10; day <= 14; day++) {
            asPatient(clinic, patient).body("{\"recordedAt\": \"2026-11-%dT08:00:00Z\", \"intensity\": %d}"
                    .formatted(day, day - 10)).post(entriesOf(patient)).then().statusCode(201);
        }
        asPatient(clinic, patient).queryParam("from", "2026-11-11T00:00:00Z").queryParam("to", "2026-11-13T00:00:00Z")
                .get(entriesOf(patient)).then().statusCode(200).body("items.intensity", contains(2, 1));
    }

    @Test
    void theProfileStartsEmptyAndKeepsWhatIsPut() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asPatient(clinic, patient).get(profileOf(patient)).then().statusCode(200)
                .body("revision", equalTo(0)).body("history", hasSize(0));
        asClinician(clinic).body("""
                {"birthYear": 1961, "firstEpisode": true, "history": ["OSTEOPOROSIS"],
                 "conditions": ["lumbar-disc-herniation"]}
                """).put(profileOf(patient)).then().statusCode(200).body("revision", equalTo(1));
        asPatient(clinic, patient).get(profileOf(patient)).then().statusCode(200)
                .body("birthYear", equalTo(1961))
                .body("firstEpisode", equalTo(true))
                .body("history", contains("OSTEOPOROSIS"))
                .body("conditions", contains("lumbar-disc-herniation"));
    }

    @Test
    void aPatientCannotChangeTheirDiagnosedConditions() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        asPatient(clinic, patient).body("{\"birthYear\": 1980, \"conditions\": [\"spinal-stenosis\"]}")
                .put(profileOf(patient)).then().statusCode(403)
                .contentType("application/problem+json");
        asPatient(clinic, patient).body("{\"birthYear\": 1980, \"firstEpisode\": false}")
                .put(profileOf(patient)).then().statusCode(200).body("birthYear", equalTo(1980));
    }
}

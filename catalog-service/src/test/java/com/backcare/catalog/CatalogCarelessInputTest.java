package com.backcare.catalog;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Problems.names;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Careless or hostile input to the catalog is a 400 naming the field, never a 500 and never stored. */
@QuarkusTest
class CatalogCarelessInputTest {

    private static final String OWN = """
            {%s "name": "Heel slides", "aliases": %s, "category": "MOBILITY_STRETCH",
             "position": %s, "equipment": %s, "impact": "NONE", "spinalLoad": "NONE",
             "direction": "NEUTRAL", "difficulty": "BEGINNER",
             "steps": ["Lie on your back, knees bent.", "Slide one heel away.", "Slide it back."],
             "dosage": {"reps": "10 each leg"}, "source": "clinic protocol",
             "ratings": {"nonspecific-low-back-pain": {"rating": "RECOMMENDED"}, "muscle-strain": {"rating": "RECOMMENDED"},
                         "lumbar-disc-herniation": {"rating": "RECOMMENDED"}, "spinal-stenosis": {"rating": "RECOMMENDED"},
                         "spondylolisthesis": {"rating": "RECOMMENDED"}, "facet-joint-irritation": {"rating": "RECOMMENDED"},
                         "radiculopathy": {"rating": "RECOMMENDED"}}}""";

    private String clinic;

    @BeforeEach
    void newClinic() {
        clinic = newId("clinic");
    }

    private ValidatableResponse add(String body) {
        return asAdmin(clinic).body(body).post("/api/v1/clinics/" + clinic + "/exercises").then();
    }

    @ParameterizedTest(name = "slug part {0}, aliases {1}, position {2}, equipment {3} names {4}")
    @CsvSource(delimiter = '|', value = {
            "\"slug\": \"a-b\",    | [\"x\"]     | 3                | [\"mat\"]    | position",
            "\"slug\": \"a-b\",    | [null]      | \"LYING_ON_BACK\" | [\"mat\"]    | aliases[0]",
            "\"slug\": \"a-b\",    | [\"x\"]     | \"LYING_ON_BACK\" | [null]       | equipment[0]",
            "\"slug\": \"a\\u0000b\", | [\"x\"]  | \"LYING_ON_BACK\" | [\"mat\"]    | slug",
            "''                   | [\"x\"]     | \"LYING_ON_BACK\" | [\"mat\"]    | slug" })
    void aBadClinicExerciseIsRefusedAndTheCatalogKeepsWorking(String slug, String aliases, String position,
            String equipment, String field) {
        names(add(OWN.formatted(slug, aliases, position, equipment)), field);
        asAdmin(clinic).get("/api/v1/clinics/" + clinic + "/exercises").then().statusCode(200)
                .body("own.size()", equalTo(0));
        asClinician(clinic).queryParam("equipment", "mat").get("/api/v1/exercises").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}={1} names {0}")
    @CsvSource({ "limit,abc", "limit,1.5", "limit,1e9", "limit,2147483648", "painLevel,abc", "painLevel,1.5",
            "painLevel,11", "painLevel,2147483648", "cursor,LTE", "cursor,!!!" })
    void aBadListParameterIsNamed(String parameter, String value) {
        names(asClinician(clinic).queryParam(parameter, value).get("/api/v1/exercises").then(), parameter);
    }

    @ParameterizedTest(name = "minutes={0} names minutes")
    @ValueSource(strings = { "abc", "1.5", "1e9", "2147483648", "9" })
    void aBadPlanLengthIsNamed(String minutes) {
        names(asPatient(clinic, "pat-1").queryParam("minutes", minutes)
                .get("/api/v1/patients/pat-1/exercise-plan").then(), "minutes");
    }

    @Test
    void aNulInAPathSegmentIsRefused() {
        names(asClinician(clinic).urlEncodingEnabled(false).get("/api/v1/exercises/x%00y").then(), "path");
    }
}

package com.backcare.catalog;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Clinics add their own exercises and hide global ones, for themselves only. */
@QuarkusTest
class ClinicTailoringTest {

    private static final String OWN = """
            {"slug": "%s", "name": "Heel slides", "aliases": ["supine heel slide"], "category": "MOBILITY_STRETCH",
             "position": "LYING_ON_BACK", "equipment": ["mat"], "impact": "NONE", "spinalLoad": "NONE",
             "direction": "NEUTRAL", "difficulty": "BEGINNER",
             "steps": ["Lie on your back, knees bent.", "Slide one heel away until the leg is straight.", "Slide it back."],
             "dosage": {"reps": "10 each leg", "frequency": "daily"}, "safetyCues": ["Keep the back relaxed."],
             "regressions": ["ankle-pumps"], "source": "clinic physiotherapy protocol",
             "ratings": {"nonspecific-low-back-pain": {"rating": "RECOMMENDED"}, "muscle-strain": {"rating": "RECOMMENDED"},
                         "lumbar-disc-herniation": {"rating": "RECOMMENDED"}, "spinal-stenosis": {"rating": "RECOMMENDED"},
                         "spondylolisthesis": {"rating": "RECOMMENDED"}, "facet-joint-irritation": {"rating": "RECOMMENDED"},
                         "radiculopathy": {"rating": "CAUTION", "note": "Stop if the leg tingles."}}}""";

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    private String clinic;
    private String other;
    private String slug;

    @BeforeEach
    void twoClinics() {
        clinic = newId("clinic");
        other = newId("clinic");
        slug = "heel-slides-" + clinic.substring(clinic.length() - 8);
    }

    private String mine() {
        return "/api/v1/clinics/" + clinic + "/exercises";
    }

    @Test
    void aClinicsOwnExerciseIsSeenByItsPeopleOnly() {
        asAdmin(clinic).contentType("application/json").body(OWN.formatted(slug)).post(mine()).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/exercises/" + slug));
        asPatient(clinic, "p1").get("/api/v1/exercises/" + slug).then().statusCode(200).body("name", equalTo("Heel slides"));
        asClinician(clinic).queryParam("q", "heel slide").get("/api/v1/exercises").then().body("items.slug", hasItem(slug));
        asPatient(other, "p1").get("/api/v1/exercises/" + slug).then().statusCode(404);
        asClinician(other).queryParam("limit", 100).get("/api/v1/exercises").then().body("items.slug", not(hasItem(slug)));
        asAdmin(clinic).get(mine()).then().body("own.slug", hasItem(slug));
        asAdmin(clinic).delete(mine() + "/" + slug).then().statusCode(204);
        asPatient(clinic, "p1").get("/api/v1/exercises/" + slug).then().statusCode(404);
    }

    @Test
    void aHiddenGlobalExerciseDisappearsForThatClinicOnly() {
        asAdmin(clinic).put(mine() + "/jumping/hidden").then().statusCode(204);
        asPatient(clinic, "p1").get("/api/v1/exercises/jumping").then().statusCode(404);
        asClinician(clinic).queryParam("limit", 100).get("/api/v1/exercises").then().body("items.slug", not(hasItem("jumping")));
        asPatient(other, "p1").get("/api/v1/exercises/jumping").then().statusCode(200);
        asAdmin(clinic).get(mine()).then().body("hidden", hasItem("jumping"));
        asAdmin(clinic).delete(mine() + "/jumping/hidden").then().statusCode(204);
        asPatient(clinic, "p1").get("/api/v1/exercises/jumping").then().statusCode(200);
    }

    /**
     * Another instance hides an exercise: its change lands in the shared database (written here with plain SQL, outside
     * this instance's code), and this instance, which keeps each clinic's tailoring version it has read, must learn of
     * it from the database's notice and stop serving its precomputed list.
     */
    @Test
    void anExerciseHiddenByAnotherInstanceLeavesThisInstancesListsOnceItCommits() throws Exception {
        asClinician(clinic).queryParam("limit", 100).get("/api/v1/exercises").then().body("items.slug", hasItem("jumping"));
        try (java.sql.Connection connection = db.getConnection(); java.sql.Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO clinic_hidden_exercise (clinic_id, slug, hidden_at, hidden_by) VALUES ('" + clinic
                    + "', 'jumping', now(), 'admin-elsewhere'); INSERT INTO clinic_tailoring_version (clinic_id, version) "
                    + "VALUES ('" + clinic + "', 1) ON CONFLICT (clinic_id) DO UPDATE SET version = "
                    + "clinic_tailoring_version.version + 1");
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> asClinician(clinic).queryParam("limit", 100).get("/api/v1/exercises").then()
                        .body("items.slug", not(hasItem("jumping"))));
    }

    @Test
    void anIncompleteOrClashingExerciseIsRefusedNamingWhy() {
        String unrated = OWN.formatted(slug).replace("\"radiculopathy\": {\"rating\"", "\"sciatica\": {\"rating\"");
        asAdmin(clinic).contentType("application/json").body(unrated).post(mine()).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("ratings"));
        asAdmin(clinic).contentType("application/json").body(OWN.formatted("walking")).post(mine()).then().statusCode(409);
        asAdmin(clinic).contentType("application/json").body(OWN.formatted(slug).replace("ankle-pumps", "moonwalk"))
                .post(mine()).then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("moonwalk"));
        asAdmin(clinic).put(mine() + "/moonwalk/hidden").then().statusCode(404);
    }

    @Test
    void onlyTheClinicsOwnAdminTailorsIt() {
        asClinician(clinic).get(mine()).then().statusCode(403).contentType("application/problem+json");
        asPatient(clinic, "p").put(mine() + "/jumping/hidden").then().statusCode(403);
        asAdmin(other).get(mine()).then().statusCode(404);
        asAdmin(other).put(mine() + "/jumping/hidden").then().statusCode(404);
        asAdmin(other).contentType("application/json").body(OWN.formatted(slug)).post(mine()).then().statusCode(404);
    }

    @Test
    void aPrecomputedListChangesTheMomentTheClinicsTailoringDoes() {
        String list = "/api/v1/exercises";
        String before = asClinician(clinic).queryParam("limit", 100).get(list).then().statusCode(200)
                .body("items.slug", hasItem("bird-dog")).extract().header("ETag");
        asClinician(clinic).queryParam("limit", 100).header("If-None-Match", before).get(list).then().statusCode(304);
        asAdmin(clinic).put("/api/v1/clinics/" + clinic + "/exercises/bird-dog/hidden").then().statusCode(204);
        String hidden = asClinician(clinic).queryParam("limit", 100).get(list).then().statusCode(200)
                .body("items.slug", not(hasItem("bird-dog"))).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(before, hidden);
        asClinician(clinic).queryParam("limit", 100).header("If-None-Match", before).get(list).then().statusCode(200);
        asClinician(other).queryParam("limit", 100).get(list).then().body("items.slug", hasItem("bird-dog"));
        asAdmin(clinic).delete("/api/v1/clinics/" + clinic + "/exercises/bird-dog/hidden").then().statusCode(204);
        asClinician(clinic).queryParam("limit", 100).get(list).then().body("items.slug", hasItem("bird-dog"))
                .header("ETag", equalTo(before));
    }
}

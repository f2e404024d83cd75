package com.backcare.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ExerciseCatalogApiTest {

    private static RequestSpecification asPatient() {
        return given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1")).queryParam("limit", 100);
    }

    @Test
    void aConditionFilterLeavesOutWhatItMustAvoidAndExplainsTheCautions() {
        asPatient().queryParam("condition", "spinal-stenosis").get("/api/v1/exercises").then().statusCode(200)
                .body("items.slug", not(hasItem("prone-press-up")))
                .body("items.slug", not(hasItem("sit-up")))
                .body("items.slug", hasItems("knee-to-chest", "recumbent-cycling"))
                .body("items.suitability.flatten().rating", everyItem(not(equalTo("AVOID"))))
                .body("items.find { it.slug == 'walking' }.suitability[0].rating", equalTo("CAUTION"))
                .body("items.find { it.slug == 'walking' }.suitability[0].note", containsString("short bouts"));
        asPatient().queryParam("condition", "lumbar-disc-herniation").get("/api/v1/exercises").then().statusCode(200)
                .body("items.slug", hasItem("prone-press-up"))
                .body("items.slug", not(hasItems("sit-up", "toe-touch", "barbell-deadlift")));
    }

    @Test
    void includeAvoidAddsTheRestMarkedWithTheReasonAndTheAlternatives() {
        asPatient().queryParam("condition", "spinal-stenosis").queryParam("include", "avoid").queryParam("q", "press up")
                .get("/api/v1/exercises").then().statusCode(200)
                .body("items.find { it.slug == 'prone-press-up' }.suitability[0].rating", equalTo("AVOID"))
                .body("items.find { it.slug == 'prone-press-up' }.suitability[0].note", containsString("narrows"))
                .body("items.find { it.slug == 'prone-press-up' }.suitability[0].alternatives", hasItem("knee-to-chest"));
    }

    @Test
    void severalConditionsKeepOnlyWhatIsSafeForAll() {
        asPatient().queryParam("condition", "lumbar-disc-herniation,spinal-stenosis").get("/api/v1/exercises").then()
                .statusCode(200)
                .body("items.slug", not(hasItem("prone-press-up")))
                .body("items[0].suitability", hasSize(2));
    }

    @Test
    void filtersTakeSeveralValuesAndCombine() {
        asPatient().queryParam("category", "CARDIO_LOW_IMPACT").queryParam("position", "IN_WATER")
                .get("/api/v1/exercises").then().statusCode(200)
                .body("items.slug", equalTo(List.of("swimming", "water-walking")));
        asPatient().queryParam("position", "HANDS_AND_KNEES", "KNEELING").get("/api/v1/exercises").then()
                .body("items.position", everyItem(in(List.of("HANDS_AND_KNEES", "KNEELING"))))
                .body("items.slug", hasItems("bird-dog", "childs-pose"));
        asPatient().queryParam("equipment", "none").get("/api/v1/exercises").then()
                .body("items.equipment.flatten()", everyItem(equalTo("none")))
                .body("items.slug", hasItem("walking"));
        asPatient().queryParam("equipment", "foam roller").get("/api/v1/exercises").then()
                .body("items", hasSize(3));
        asPatient().queryParam("maxLoad", "NONE").get("/api/v1/exercises").then()
                .body("items.spinalLoad", everyItem(equalTo("NONE")));
        asPatient().queryParam("impact", "MODERATE,HIGH").get("/api/v1/exercises").then()
                .body("items.impact", everyItem(in(List.of("MODERATE", "HIGH")))).body("items.slug", hasItem("running"));
        asPatient().queryParam("direction", "EXTENSION").queryParam("difficulty", "BEGINNER").get("/api/v1/exercises")
                .then().body("items.slug", hasItem("prone-press-up")).body("items.direction", everyItem(equalTo("EXTENSION")));
    }

    @Test
    void atPainLevelSevenOnlyGentleLyingOrSeatedWorkRemains() {
        asPatient().queryParam("painLevel", 8).get("/api/v1/exercises").then().statusCode(200)
                .body("items", not(empty()))
                .body("items.position", everyItem(in(List.of("LYING_ON_BACK", "LYING_ON_FRONT", "SIDE_LYING", "SEATED"))))
                .body("items.spinalLoad", everyItem(in(List.of("NONE", "LOW"))))
                .body("items.avoidInFlare", everyItem(equalTo(false)));
        asPatient().queryParam("painLevel", 3).get("/api/v1/exercises").then().body("items.slug", hasItem("walking"));
    }

    @Test
    void textSearchToleratesTyposAndFindsAliases() {
        asPatient().queryParam("q", "brid dog").get("/api/v1/exercises").then().body("items[0].slug", equalTo("bird-dog"));
        asPatient().queryParam("q", "cobra").get("/api/v1/exercises").then().body("items[0].slug", equalTo("prone-press-up"));
        asPatient().queryParam("q", "hamstrng").get("/api/v1/exercises").then().body("items[0].slug", equalTo("hamstring-stretch"));
        asPatient().queryParam("q", "quantum flux").get("/api/v1/exercises").then().body("items", empty());
    }

    @Test
    void listsPageByCursor() {
        String cursor = given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1")).queryParam("limit", 30)
                .get("/api/v1/exercises").then().statusCode(200).body("items", hasSize(30)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        String last = given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1")).queryParam("limit", 30)
                .queryParam("cursor", cursor).get("/api/v1/exercises").then().body("items", hasSize(30))
                .extract().path("nextCursor");
        given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1")).queryParam("limit", 30)
                .queryParam("cursor", last).get("/api/v1/exercises").then().body("items", hasSize(21))
                .body("nextCursor", nullValue());
    }

    @Test
    void anExerciseShowsItsStepsDosageRatingsAndSource() {
        asPatient().get("/api/v1/exercises/bird-dog").then().statusCode(200)
                .body("name", equalTo("Bird-dog"))
                .body("steps.size()", equalTo(4))
                .body("dosage.hold", equalTo("5-10 s"))
                .body("progressions", hasItem("plank"))
                .body("regressions", hasItem("pelvic-tilt"))
                .body("ratings.'lumbar-disc-herniation'.rating", equalTo("RECOMMENDED"))
                .body("source", containsString("seed 002"));
        asPatient().get("/api/v1/exercises/barbell-deadlift").then().statusCode(200)
                .body("flare.avoid", equalTo(true))
                .body("flare.alternatives", hasItem("hip-hinge"));
    }

    @Test
    void aConditionShowsItsGuidanceAndItsExercisesSortedByRating() {
        asPatient().get("/api/v1/conditions").then().statusCode(200).body("slug", hasItem("spondylolisthesis"));
        asPatient().get("/api/v1/conditions/spinal-stenosis").then().statusCode(200)
                .body("condition.avoid", hasItem("prone press-ups"))
                .body("recommended.slug", hasItem("knee-to-chest"))
                .body("caution.slug", hasItem("walking"))
                .body("avoid.slug", hasItem("prone-press-up"))
                .body("avoid.find { it.slug == 'prone-press-up' }.alternatives", hasItem("knee-to-chest"));
        asPatient().get("/api/v1/conditions/broken-leg").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readsCarryAnETagAndAnUnchangedOneIsA304() {
        var first = given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1"))
                .queryParam("condition", "radiculopathy").get("/api/v1/exercises").then().statusCode(200)
                .header("Cache-Control", containsString("max-age")).header("Vary", containsString("Authorization"))
                .extract();
        String etag = first.header("ETag");
        given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1")).header("If-None-Match", etag)
                .queryParam("condition", "radiculopathy").get("/api/v1/exercises").then().statusCode(304)
                .header("ETag", etag);
        given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1")).header("If-None-Match", "\"stale\"")
                .queryParam("condition", "radiculopathy").get("/api/v1/exercises").then().statusCode(200);
        String exerciseTag = given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1"))
                .get("/api/v1/exercises/plank").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1")).header("If-None-Match", exerciseTag)
                .get("/api/v1/exercises/plank").then().statusCode(304);
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        asPatient().queryParam("condition", "broken-leg").get("/api/v1/exercises").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("condition"));
        asPatient().queryParam("category", "YOGA").get("/api/v1/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
        asPatient().queryParam("maxLoad", "HEAVY").get("/api/v1/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("maxLoad"));
        asPatient().queryParam("painLevel", 11).get("/api/v1/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("painLevel"));
        asPatient().queryParam("include", "everything").get("/api/v1/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("include"));
        given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1")).queryParam("limit", 1000)
                .get("/api/v1/exercises").then().statusCode(400).body("violations[0].field", equalTo("limit"));
        asPatient().get("/api/v1/exercises/moonwalk").then().statusCode(404).contentType("application/problem+json");
    }
}

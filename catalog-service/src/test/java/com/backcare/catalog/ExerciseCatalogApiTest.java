package com.backcare.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ExerciseCatalogApiTest {

    private static RequestSpecification asPatient() {
        return given().auth().oauth2(DevTokens.token("clinic-a", "patient", "pat-1"));
    }

    @Test
    void aConditionFilterLeavesOutWhatItMustAvoidAndExplainsTheCautions() {
        asPatient().queryParam("condition", "spinal-stenosis").queryParam("limit", 100).get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items.slug", not(hasItem("prone-press-up")))
                .body("items.slug", not(hasItem("sit-up")))
                .body("items.slug", hasItem("knee-to-chest"))
                .body("items.suitability.rating", everyItem(not(equalTo("AVOID"))))
                .body("items.find { it.slug == 'walking' }.suitability.rating", equalTo("CAUTION"))
                .body("items.find { it.slug == 'walking' }.suitability.note", containsString("short bouts"));
        asPatient().queryParam("condition", "lumbar-disc-herniation").queryParam("limit", 100).get("/api/v1/exercises")
                .then().statusCode(200)
                .body("items.slug", hasItem("prone-press-up"))
                .body("items.slug", not(hasItem("sit-up")));
    }

    @Test
    void withoutAConditionEverythingIsListedByPage() {
        String cursor = asPatient().queryParam("limit", 3).get("/api/v1/exercises").then().statusCode(200)
                .body("items", hasSize(3)).body("items[0].suitability", nullValue()).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        asPatient().queryParam("limit", 3).queryParam("cursor", cursor).get("/api/v1/exercises").then().statusCode(200)
                .body("items", hasSize(3));
    }

    @Test
    void filtersByCategoryAndPosition() {
        asPatient().queryParam("category", "CARDIO_LOW_IMPACT").get("/api/v1/exercises").then().statusCode(200)
                .body("items.slug", equalTo(java.util.List.of("swimming", "walking")));
        asPatient().queryParam("position", "HANDS_AND_KNEES").get("/api/v1/exercises").then().statusCode(200)
                .body("items.slug", equalTo(java.util.List.of("bird-dog", "cat-cow")));
    }

    @Test
    void anExerciseShowsItsStepsDosageRatingsAndSource() {
        asPatient().get("/api/v1/exercises/bird-dog").then().statusCode(200)
                .body("name", equalTo("Bird-dog"))
                .body("steps.size()", equalTo(4))
                .body("dosage.hold", equalTo("5-10 s"))
                .body("regressions", hasItem("pelvic-tilt"))
                .body("ratings.'lumbar-disc-herniation'.rating", equalTo("RECOMMENDED"))
                .body("source", containsString("seed 002"));
        asPatient().get("/api/v1/exercises/sit-up").then().statusCode(200)
                .body("flare.avoid", equalTo(true))
                .body("flare.alternatives", hasItem("bird-dog"));
    }

    @Test
    void conditionsAreListed() {
        asPatient().get("/api/v1/conditions").then().statusCode(200)
                .body("slug", hasItem("spondylolisthesis"))
                .body("find { it.slug == 'spinal-stenosis' }.avoid", hasItem("prone press-ups"));
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        asPatient().queryParam("condition", "broken-leg").get("/api/v1/exercises").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("condition"));
        asPatient().queryParam("category", "YOGA").get("/api/v1/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
        asPatient().queryParam("limit", 1000).get("/api/v1/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        asPatient().get("/api/v1/exercises/moonwalk").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyEndpointNeedsAValidTokenAndAKnownRole() {
        for (String path : new String[] { "/api/v1/exercises", "/api/v1/exercises/walking", "/api/v1/conditions" }) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(DevTokens.expired("clinic-a", "patient", "p")).get(path).then().statusCode(401);
            given().auth().oauth2(DevTokens.token("clinic-a", "receptionist", "r")).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}

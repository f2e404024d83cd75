package com.backcare.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** As in production: the development sign-in is off, and asking for a token finds nothing. */
@QuarkusTest
@TestProfile(ProductionSignInTest.DevSignInOff.class)
class ProductionSignInTest {

    public static class DevSignInOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backcare.console.dev-sign-in.enabled", "false");
        }
    }

    @Test
    void noTokenIsSignedWhenTheDevSignInIsOff() {
        given().contentType(ContentType.JSON).body("{\"clinicId\": \"c\", \"role\": \"clinician\", \"subject\": \"s\"}")
                .post("/console/api/dev-sign-in").then().statusCode(404);
        given().get("/console/api/settings").then().statusCode(200).body("devSignIn", equalTo(false));
    }
}

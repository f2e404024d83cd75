package com.backcare.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.util.KeyUtils;

@QuarkusTest
class DevSignInTest {

    @Test
    void theDevSignInSignsATokenTheServicesDevelopmentKeyVerifies() throws Exception {
        String token = given().contentType(ContentType.JSON)
                .body("{\"clinicId\": \"clinic-1\", \"role\": \"clinician\", \"subject\": \"dr-who\"}")
                .post("/console/api/dev-sign-in").then().statusCode(200)
                .body("role", equalTo("clinician")).body("expiresAt", notNullValue()).extract().path("token");

        var publicKey = KeyUtils.decodePublicKey(Files.readString(
                Path.of("../service-commons/src/main/resources/dev-jwt/publicKey.pem"), StandardCharsets.US_ASCII));
        var claims = new org.jose4j.jwt.consumer.JwtConsumerBuilder().setVerificationKey(publicKey)
                .setExpectedIssuer("https://dev.backcare.local").setRequireExpirationTime().build().processToClaims(token);
        assertEquals("dr-who", claims.getSubject());
        assertEquals("clinic-1", claims.getClaimValueAsString("clinic_id"));
        assertEquals(List.of("clinician"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void aSignInWithAnUnknownRoleOrMalformedIdIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"clinicId\": \"clinic-1\", \"role\": \"root\", \"subject\": \"x\"}")
                .post("/console/api/dev-sign-in").then().statusCode(400)
                .body("violations.field", hasItem(containsString("role")));
        given().contentType(ContentType.JSON).body("{\"clinicId\": \"clinic 1\", \"role\": \"patient\", \"subject\": \"x\"}")
                .post("/console/api/dev-sign-in").then().statusCode(400)
                .body("violations.field", hasItem(containsString("clinicId")));
    }

    @Test
    void theSettingsNameEachServiceAndTheSignInOnOffer() {
        given().get("/console/api/settings").then().statusCode(200)
                .body("journalUrl", equalTo("http://localhost:8081")).body("devSignIn", equalTo(true))
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff");
    }
}

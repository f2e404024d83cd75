package com.backcare.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/**
 * As in production: the development sign-in is off, and signing in is the clinic's OpenID Connect authorization-code
 * flow with PKCE (a WireMock OpenID provider stands in for the clinic's Keycloak).
 */
@QuarkusTest
@TestProfile(ProductionSignInTest.ClinicIssuer.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProductionSignInTest {

    public static class ClinicIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backcare.console.dev-sign-in.enabled", "false",
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.credentials.secret", "secret",
                    "quarkus.oidc.authentication.state-secret", "a-state-secret-of-at-least-32-characters",
                    "quarkus.oidc.token-state-manager.encryption-secret", "a-session-secret-of-at-least-32-characters");
        }
    }

    @Test
    void noDevelopmentTokenIsSigned() {
        given().contentType(ContentType.JSON).body("{\"clinicId\": \"c\", \"role\": \"clinician\", \"subject\": \"s\"}")
                .post("/console/api/dev-sign-in").then().statusCode(404);
        given().get("/console/api/settings").then().statusCode(200).body("devSignIn", equalTo(false));
    }

    @Test
    void signingInRedirectsToTheClinicsIssuerWithAPkceChallenge() {
        given().redirects().follow(false).get("/console/login").then().statusCode(302)
                .header("Location", containsString("/realms/quarkus?response_type=code"))
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("code_challenge="))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void theSessionIsNotGivenWithoutSigningIn() {
        given().redirects().follow(false).get("/console/api/session").then().statusCode(302)
                .header("Location", containsString("code_challenge_method=S256"));
    }
}

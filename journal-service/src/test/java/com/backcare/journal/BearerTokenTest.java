package com.backcare.journal;

import static com.backcare.journal.Requests.profileOf;
import static com.backcare.localstack.Callers.newId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.backcare.commons.security.VerifiedTokens;
import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;

/** Tokens are verified once and remembered until they expire; odd tokens are refused on first sight. */
@QuarkusTest
class BearerTokenTest {

    @Inject
    VerifiedTokens tokens;

    private static Map<String, Object> claims(String clinic, String patient, Object groups, Instant issuedAt) {
        return Map.of("iss", DevTokens.ISSUER, "sub", patient, "upn", patient, "clinic_id", clinic, "groups", groups,
                "iat", issuedAt.getEpochSecond(), "exp", issuedAt.plusSeconds(3600).getEpochSecond());
    }

    @Test
    void aTokenIsVerifiedOnceAndThenTrustedUntilItExpires() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String token = DevTokens.token(clinic, "patient", patient);
        long before = tokens.verifications();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(profileOf(patient)).then().statusCode(200);
        }
        assertEquals(before + 1, tokens.verifications());
        // A changed byte is a different token: verified again, and refused.
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().auth().oauth2(forged).get(profileOf(patient)).then().statusCode(401);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String token = DevTokens.signed(claims(clinic, patient, List.of("patient"), Instant.now().plusSeconds(3600)));
        given().auth().oauth2(token).get(profileOf(patient)).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aTokenWhoseGroupsAreNotAnArrayIsRefused() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String token = DevTokens.signed(claims(clinic, patient, "patient", Instant.now()));
        given().auth().oauth2(token).get(profileOf(patient)).then().statusCode(401);
        String valid = DevTokens.signed(claims(clinic, patient, List.of("patient"), Instant.now()));
        given().auth().oauth2(valid).get(profileOf(patient)).then().statusCode(200);
    }
}

package com.backcare.journal;

import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.journal.Requests.profileOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Bad input is a 4xx problem+json that names the field; never a 500, never silently accepted. */
@QuarkusTest
class JournalErrorFormatTest {

    private String clinic;
    private String patient;

    @BeforeEach
    void newPatient() {
        clinic = newId("clinic");
        patient = newId("pat");
    }

    private ValidatableResponse post(String body) {
        return asPatient(clinic, patient).body(body).post(entriesOf(patient)).then();
    }

    private static void rejects(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", containsString("/problems/"))
                .body("title", equalTo("Bad Request"))
                .body("detail", containsString(field))
                .body("violations.field", hasItem(field))
                .body("$", not(org.hamcrest.Matchers.hasKey("stackTrace")));
    }

    @Test
    void malformedJsonIs400() {
        post("{\"intensity\": 3,").statusCode(400).contentType("application/problem+json")
                .body("type", containsString("malformed-json"));
    }

    @Test
    void aMissingIntensityNamesTheField() {
        rejects(post("{\"qualities\": [\"DULL\"]}"), "intensity");
    }

    @Test
    void anIntensityOutOfRangeNamesTheField() {
        rejects(post("{\"intensity\": 11}"), "intensity");
        rejects(post("{\"intensity\": -1}"), "intensity");
    }

    @Test
    void aWrongTypeNamesTheField() {
        rejects(post("{\"intensity\": \"very\"}"), "intensity");
        rejects(post("{\"intensity\": 3, \"recordedAt\": \"yesterday\"}"), "recordedAt");
    }

    @Test
    void anUnknownCodeNamesTheFieldAndItsPosition() {
        rejects(post("{\"intensity\": 3, \"associatedSymptoms\": [{\"code\": \"HICCUPS\"}]}"), "associatedSymptoms[0].code");
        rejects(post("{\"intensity\": 3, \"qualities\": [\"DULL\", \"FUZZY\"]}"), "qualities[1]");
        rejects(post("{\"intensity\": 3, \"selfTests\": {\"JUMPING\": \"NO_PAIN\"}}"), "selfTests");
    }

    @Test
    void anUnknownFieldIsRejectedNotDropped() {
        rejects(post("{\"intensity\": 3, \"intensty\": 4}"), "intensty");
    }

    @Test
    void nestedRulesNameTheNestedField() {
        rejects(post("{\"intensity\": 3, \"exercises\": [{\"exercise\": \"plank\", \"effort\": 12}]}"), "exercises[0].effort");
        rejects(post("{\"intensity\": 3, \"notes\": \"" + "x".repeat(2001) + "\"}"), "notes");
    }

    @Test
    void listsLongerThanTheVocabularyAllowsNameTheList() {
        String exercises = "[" + "{\"exercise\": \"walking\"},".repeat(20) + "{\"exercise\": \"walking\"}]";
        rejects(post("{\"intensity\": 3, \"exercises\": " + exercises + "}"), "exercises");
        rejects(post("{\"intensity\": 3, \"medications\": [{\"dose\": \"1 g\"}]}"), "medications[0].name");
    }

    @Test
    void aRecordedAtInTheFutureIsRejected() {
        String inAnHour = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        rejects(post("{\"intensity\": 3, \"recordedAt\": \"" + inAnHour + "\"}"), "recordedAt");
    }

    @Test
    void anEmptyBodyIsRejected() {
        post("").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOversizeBodyIs413() {
        post("{\"intensity\": 3, \"notes\": \"" + "x".repeat(70_000) + "\"}").statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aChunkedBodyTooLargeIsAProblemAndASmallOneIsRead() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String token = com.backcare.localstack.DevTokens.token(clinic, "patient", patient, java.time.Instant.now(),
                java.time.Duration.ofMinutes(5));
        java.util.function.Function<String, java.net.http.HttpResponse<String>> chunked = body -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + entriesOf(patient)))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        // an input stream has no length: the JDK client sends it chunked
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var tooLarge = chunked.apply("{\"intensity\": 3, \"notes\": \"" + "x".repeat(70_000) + "\"}");
        assertEquals(413, tooLarge.statusCode());
        assertEquals("application/problem+json", tooLarge.headers().firstValue("Content-Type").orElse(""));
        assertTrue(tooLarge.body().contains("\"status\":413"), tooLarge.body());
        assertEquals(201, chunked.apply("{\"intensity\": 3}").statusCode());
    }

    @Test
    void aUrlOrHeadersTooLargeAreProblemsNotEmptyAnswers() {
        asPatient(clinic, patient).queryParam("q", "x".repeat(9_000)).get(entriesOf(patient)).then().statusCode(414)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(414))
                .header("X-Content-Type-Options", "nosniff");
        asPatient(clinic, patient).header("X-Padding", "y".repeat(21_000)).get(entriesOf(patient)).then().statusCode(431)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(431));
        asPatient(clinic, patient).queryParam("q", "x".repeat(7_000)).header("X-Padding", "y".repeat(15_000))
                .get(entriesOf(patient)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 400)); // within both limits
    }

    @Test
    void badPagingParametersNameTheParameter() {
        rejects(asPatient(clinic, patient).queryParam("limit", 101).get(entriesOf(patient)).then(), "limit");
        rejects(asPatient(clinic, patient).queryParam("limit", 0).get(entriesOf(patient)).then(), "limit");
        rejects(asPatient(clinic, patient).queryParam("cursor", "not-a-cursor").get(entriesOf(patient)).then(), "cursor");
        rejects(asPatient(clinic, patient).queryParam("from", "last week").get(entriesOf(patient)).then(), "from");
    }

    @Test
    void aProfileFromTheFutureNamesTheField() {
        rejects(asPatient(clinic, patient).body("{\"birthYear\": 3000}").put(profileOf(patient)).then(), "birthYear");
        rejects(asPatient(clinic, patient).body("{\"history\": [\"SMOKING\"]}").put(profileOf(patient)).then(), "history[0]");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        asPatient(clinic, patient).get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        asPatient(clinic, patient).delete(profileOf(patient)).then().statusCode(405).contentType("application/problem+json");
    }
}

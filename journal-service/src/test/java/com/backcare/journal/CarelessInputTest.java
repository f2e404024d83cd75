package com.backcare.journal;

import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.journal.Requests.profileOf;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Problems.names;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * What a careless client or an attacker sends is refused with a 400 problem naming the field, and nothing is stored:
 * never a silent change of meaning (a number is not a code, 6.9 is not 6), never a 500.
 */
@QuarkusTest
class CarelessInputTest {

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

    private void nothingStored() {
        var response = asClinician(clinic).get(entriesOf(patient));
        if (response.statusCode() != 404) { // 404: the journal has never heard of this patient
            response.then().statusCode(200).body("items", hasSize(0));
        }
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"intensity\":5,\"associatedSymptoms\":[{\"code\":4}]}                 | associatedSymptoms[0].code",
            "{\"intensity\":5,\"locations\":[{\"site\":7}]}                          | locations[0].site",
            "{\"intensity\":5,\"qualities\":[0]}                                     | qualities[0]",
            "{\"intensity\":6.9}                                                     | intensity",
            "{\"intensity\":\"7\"}                                                   | intensity",
            "{\"intensity\":true}                                                    | intensity",
            "{\"intensity\":5,\"notes\":12}                                          | notes",
            "{\"intensity\":5,\"exercises\":[{\"exercise\":\"walk\",\"durationMinutes\":20.5}]} | exercises[0].durationMinutes",
            "{\"intensity\":5,\"exercises\":[{\"exercise\":\"walk\",\"effort\":3.2}]} | exercises[0].effort",
            "{\"intensity\":5,\"exercises\":[{\"exercise\":\"walk\",\"sets\":\"3\"}]} | exercises[0].sets",
            "{\"intensity\":5,\"exercises\":[{\"exercise\":\"walk\",\"reps\":1.5}]}  | exercises[0].reps",
            "{\"intensity\":5,\"recordedAt\":1e300}                                  | recordedAt",
            "{\"intensity\":5,\"recordedAt\":-1e15}                                  | recordedAt",
            "{\"intensity\":5,\"recordedAt\":1700000000}                             | recordedAt",
            "{\"intensity\":5,\"recordedAt\":\"+1000000000-01-01T00:00:00Z\"}        | recordedAt",
            "{\"intensity\":5,\"recordedAt\":\"-4714-11-24T00:00:00Z\"}              | recordedAt",
            "{\"intensity\":5,\"recordedAt\":\"0001-01-01T00:00:00Z\"}               | recordedAt",
            "{\"intensity\":5,\"recordedAt\":\"1899-12-31T23:59:59Z\"}               | recordedAt",
            "{\"intensity\":5,\"associatedSymptoms\":[null]}                         | associatedSymptoms[0]",
            "{\"intensity\":5,\"qualities\":[null]}                                  | qualities[0]",
            "{\"intensity\":5,\"notes\":\"a\\u0000b\"}                               | notes",
            "{\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"FEVER\\u0000\"}]}  | associatedSymptoms[0].code",
            "{\"intensity\":5,\"intensity\":9}                                       | intensity" })
    void aValueOfAnotherTypeOrMeaningIsRefusedAndNothingIsStored(String body, String field) {
        names(post(body), field);
        nothingStored();
    }

    @ParameterizedTest(name = "{0} is not one JSON document")
    @ValueSource(strings = { "{\"intensity\":5} trailing", "{\"intensity\":5}{\"intensity\":6}", "{\"intensity\":5}]" })
    void trailingContentAfterTheDocumentIsRefused(String body) {
        post(body).statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", containsString("malformed-json"));
        nothingStored();
    }

    @Test
    void aBodyWithoutContentTypeIsRefusedNotGuessed() {
        given().auth().oauth2(DevTokens.token(clinic, "patient", patient)).body("{\"intensity\":5}".getBytes(StandardCharsets.UTF_8))
                .post(entriesOf(patient)).then().statusCode(415).contentType(startsWith("application/problem+json"));
        nothingStored();
    }

    @Test
    void anEntryBeforeThePatientsBirthYearIsRefused() {
        asClinician(clinic).body("{\"birthYear\": 1990}").put(profileOf(patient)).then().statusCode(200);
        names(post("{\"intensity\":5,\"recordedAt\":\"1985-06-01T08:00:00Z\"}"), "recordedAt");
        post("{\"intensity\":5,\"recordedAt\":\"1995-06-01T08:00:00Z\"}").statusCode(201);
    }

    @Test
    void aBirthYearWithAFractionIsRefused() {
        names(asClinician(clinic).body("{\"birthYear\": 1990.5}").put(profileOf(patient)).then(), "birthYear");
    }

    @ParameterizedTest(name = "limit={0} names limit")
    @ValueSource(strings = { "abc", "1.5", "1e9", "2147483648", "0", "101", "-1" })
    void aBadLimitNamesTheParameterInsteadOfA404(String limit) {
        names(asClinician(clinic).queryParam("limit", limit).get(entriesOf(patient)).then(), "limit");
    }

    @ParameterizedTest(name = "days={0} names days")
    @ValueSource(strings = { "abc", "1.5", "1e9", "2147483648" })
    void aBadDaysNamesTheParameter(String days) {
        names(asClinician(clinic).queryParam("days", days).get("/api/v1/patients/" + patient + "/summary").then(), "days");
    }

    @ParameterizedTest(name = "from={0} names from")
    @ValueSource(strings = { "+1000000000-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "yesterday" })
    void aTimeOutsideEveryStoresRangeNamesTheParameter(String from) {
        post("{\"intensity\":5}").statusCode(201);
        names(asClinician(clinic).queryParam("from", from).get(entriesOf(patient)).then(), "from");
    }

    @Test
    void aTamperedCursorHoldingAFarTimeNamesTheCursor() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("+1000000000-01-01T00:00:00Z\u001f" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        post("{\"intensity\":5}").statusCode(201);
        names(asClinician(clinic).queryParam("cursor", forged).get(entriesOf(patient)).then(), "cursor");
    }

    @Test
    void aNulInAPathSegmentOrQueryParameterIsRefused() {
        names(asClinician(clinic).urlEncodingEnabled(false).get(entriesOf(patient) + "/x%00y").then(), "path");
        names(asClinician(clinic).urlEncodingEnabled(false).get(entriesOf(patient) + "?from=a%00b").then(), "from");
    }
}

package com.backcare.journal;

import static com.backcare.journal.Requests.START_BACK_HIGH;
import static com.backcare.journal.Requests.responsesOf;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Scored questionnaires over the API: the instruments as FHIR, responses checked, scored, listed and summarised. */
@QuarkusTest
class QuestionnaireApiTest {

    private String clinic;
    private String patient;

    @BeforeEach
    void aPatient() {
        clinic = newId("clinic");
        patient = newId("pat");
    }

    @Test
    void bothInstrumentsAreListedAndServedAsFhirQuestionnairesWithTheirLoincCodes() {
        asPatient(clinic, patient).get("/api/v1/questionnaires").then().statusCode(200)
                .body("id", hasItem("start-back")).body("id", hasItem("odi"));
        asPatient(clinic, patient).get("/api/v1/questionnaires/start-back").then().statusCode(200)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("Questionnaire"))
                .body("code[0].code", equalTo("91349-1"))
                .body("item", hasSize(9))
                .body("item[0].linkId", equalTo("1")).body("item[0].code[0].code", equalTo("91340-0"))
                .body("item[8].code[0].code", equalTo("91348-3"))
                .body("item[8].answerOption.valueCoding.code", hasItem("extremely"));
        asPatient(clinic, patient).get("/api/v1/questionnaires/odi").then().statusCode(200)
                .body("code[0].code", equalTo("97908-8")).body("item", hasSize(10));
        asPatient(clinic, patient).get("/api/v1/questionnaires/phq-9").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aStartBackResponseIsScoredOnTheServerAndListed() {
        asPatient(clinic, patient).body(START_BACK_HIGH).post(responsesOf(patient)).then().statusCode(201)
                .body("questionnaire", equalTo("start-back")).body("id", notNullValue())
                .body("score.total", equalTo(5)).body("score.psychosocial", equalTo(4))
                .body("score.riskGroup", equalTo("HIGH"));
        asClinician(clinic).get(responsesOf(patient)).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].score.riskGroup", equalTo("HIGH"))
                .body("items[0].recordedBy", equalTo(patient));
    }

    @Test
    void anOswestryResponseWithOneSectionLeftOutIsScoredOverTheSectionsAnswered() {
        String nineSections = """
                {"questionnaire": "odi", "answers": [
                  {"linkId": "1", "code": "3"}, {"linkId": "2", "code": "1"}, {"linkId": "3", "code": "2"},
                  {"linkId": "4", "code": "2"}, {"linkId": "5", "code": "2"}, {"linkId": "6", "code": "2"},
                  {"linkId": "7", "code": "2"}, {"linkId": "9", "code": "1"}, {"linkId": "10", "code": "1"}]}""";
        asClinician(clinic).body(nineSections).post(responsesOf(patient)).then().statusCode(201)
                .body("score.percent", equalTo(35.6f)).body("score.band", equalTo("MODERATE"));
    }

    @Test
    void everyWrongAnswerIsA400NamingItsField() {
        asPatient(clinic, patient).body("""
                {"questionnaire": "start-back", "answers": [
                  {"linkId": "1", "code": "maybe"}, {"linkId": "1", "code": "agree"}, {"linkId": "12", "code": "agree"}]}""")
                .post(responsesOf(patient)).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("answers[0].code"))
                .body("violations.field", hasItem("answers[2].linkId"))
                .body("violations.field", hasItem("answers"))
                .body("detail", containsString("missing 2, 3, 4, 5, 6, 7, 8, 9"));
        asPatient(clinic, patient).body("{\"questionnaire\": \"phq-9\", \"answers\": [{\"linkId\": \"1\", \"code\": \"0\"}]}")
                .post(responsesOf(patient)).then().statusCode(400).body("violations[0].field", equalTo("questionnaire"));
        asPatient(clinic, patient).body("{\"questionnaire\": \"odi\", \"answers\": [{\"linkId\": \"1\", \"code\": 4}]}")
                .post(responsesOf(patient)).then().statusCode(400).body("violations[0].field", containsString("code"));
        asPatient(clinic, patient).body("{\"questionnaire\": \"odi\", \"answers\": [{\"linkId\": \"1\", \"code\": \"4\"}]}")
                .post(responsesOf(patient)).then().statusCode(400)
                .body("detail", containsString("at most 1 item(s) of odi may be left out"));
        asClinician(clinic).get(responsesOf(patient)).then().statusCode(404); // nothing was stored for anyone
    }

    @Test
    void theSummaryShowsEachInstrumentsScoresOverTime() {
        asPatient(clinic, patient).body(START_BACK_HIGH).post(responsesOf(patient)).then().statusCode(201);
        asPatient(clinic, patient).body(START_BACK_HIGH.replace("\"very-much\"", "\"slightly\"")
                .replace("{\"linkId\": \"7\", \"code\": \"agree\"}", "{\"linkId\": \"7\", \"code\": \"disagree\"}"))
                .post(responsesOf(patient)).then().statusCode(201).body("score.riskGroup", equalTo("LOW"));
        asPatient(clinic, patient).get("/api/v1/patients/" + patient + "/summary").then().statusCode(200)
                .body("questionnaires.start-back", hasSize(2))
                .body("questionnaires.start-back[0].score.riskGroup", equalTo("HIGH"))
                .body("questionnaires.start-back[1].score.riskGroup", equalTo("LOW"));
    }
}

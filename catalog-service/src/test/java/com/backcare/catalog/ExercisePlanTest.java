package com.backcare.catalog;

import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.event;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.events.EventType;
import com.backcare.events.PatientProfile;
import com.backcare.events.PatientStatusEventData;
import com.backcare.events.ProfileEventData;
import com.backcare.events.QuestionnaireResponseEventData;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExercisePlanTest {

    private String clinic;
    private String patient;

    @BeforeEach
    void newPatient() {
        clinic = newId("clinic");
        patient = newId("pat");
    }

    private String plan() {
        return "/api/v1/patients/" + patient + "/exercise-plan";
    }

    private void diagnosed(String... conditions) {
        publish(event(EventType.PROFILE_CHANGED, clinic, patient,
                new ProfileEventData(1, new PatientProfile(1980, false, List.of(), List.of(conditions)))));
    }

    private void status(String tier) {
        publish(event(EventType.PATIENT_STATUS_CHANGED, clinic, patient, new PatientStatusEventData(tier, "NONE",
                List.of(), List.of("Go to an emergency department now."))));
    }

    private void entry(Duration ago, String fields) {
        publish(entryRecorded(clinic, patient, UUID.randomUUID(),
                report("{\"recordedAt\": \"" + Instant.now().minus(ago) + "\", " + fields + "}")));
    }

    @Test
    void aPlanHasAWarmUpAMainPartAndACoolDownWithinTheMinutesEachExplained() {
        diagnosed("spinal-stenosis");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).queryParam("minutes", 30)
                .get(plan()).then().statusCode(200).body("conditions", hasItem("spinal-stenosis")));
        asPatient(clinic, patient).queryParam("minutes", 30).get(plan()).then()
                .body("plannedMinutes", lessThanOrEqualTo(30))
                .body("warmUp", not(empty())).body("main", not(empty())).body("coolDown", not(empty()))
                .body("main.slug", not(hasItem("prone-press-up")))
                .body("warmUp.why", everyItem(notNullValue()))
                .body("main[0].dosage", notNullValue())
                .body("notes", hasItem(containsString("10%")));
    }

    @Test
    void anEmergencyOrUrgentStatusGivesNoExercisesOnlyTheAdviceToSeekCare() {
        diagnosed("muscle-strain");
        status("EMERGENCY");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).get(plan()).then()
                .statusCode(200).body("triageTier", equalTo("EMERGENCY"))
                .body("main", empty()).body("warmUp", empty()).body("plannedMinutes", equalTo(0))
                .body("advice", containsString("emergency department")));
    }

    @Test
    void aSoonStatusGivesGentleWorkOnly() {
        status("SOON");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).get(plan()).then()
                .statusCode(200).body("triageTier", equalTo("SOON")));
        asPatient(clinic, patient).get(plan()).then()
                .body("main.slug", not(hasItem("walking")))
                .body("main.slug", not(hasItem("goblet-squat")))
                .body("notes", hasItem(containsString("Gentle work only")));
    }

    private void startBack(String riskGroup, int total, int psychosocial) {
        publish(event(EventType.QUESTIONNAIRE_RESPONDED, clinic, patient, new QuestionnaireResponseEventData(
                UUID.randomUUID().toString(), "start-back", Instant.now(),
                List.of(new QuestionnaireResponseEventData.Answer("1", "agree")),
                QuestionnaireResponseEventData.Score.startBack(total, psychosocial, riskGroup))));
    }

    @Test
    void aHighStartBackRiskGroupKeepsThePlanGentleAndSaysWhy() {
        startBack("HIGH", 6, 4);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).get(plan()).then()
                .statusCode(200).body("startBackRiskGroup", equalTo("HIGH")));
        asPatient(clinic, patient).get(plan()).then()
                .body("main.slug", not(hasItem("walking")))
                .body("main.slug", not(hasItem("goblet-squat")))
                .body("main.why", everyItem(containsString("gentle")))
                .body("notes", hasItem(containsString("high-risk group")));
    }

    @Test
    void aLowStartBackRiskGroupIsNamedAndTheLatestScreeningCounts() {
        startBack("HIGH", 6, 4);
        startBack("LOW", 2, 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).get(plan()).then()
                .statusCode(200).body("startBackRiskGroup", equalTo("LOW"))
                .body("notes", hasItem(containsString("low-risk group"))));
    }

    @Test
    void anExerciseLoggedBeforeConcerningPainIsLeftOutAndSaidSo() {
        entry(Duration.ofDays(3), "\"intensity\": 3, \"exercises\": [{\"exercise\": \"bird-dog\", \"durationMinutes\": 10}]");
        entry(Duration.ofDays(2), "\"intensity\": 6, \"qualities\": [\"SHARP\"]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).get(plan()).then()
                .statusCode(200).body("notes", hasItem(containsString("Left out: bird-dog"))));
        asPatient(clinic, patient).queryParam("minutes", 60).get(plan()).then()
                .body("main.slug", not(hasItem("bird-dog"))).body("warmUp.slug", not(hasItem("bird-dog")));
    }

    @Test
    void untilTriageHasAnsweredOnARecentEntryWithSymptomsOnlyGentleWorkIsPlanned() {
        entry(Duration.ofMinutes(5), "\"intensity\": 4, \"associatedSymptoms\": [{\"code\": \"GAIT_DISTURBANCE\"}]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).get(plan()).then()
                .statusCode(200).body("notes", hasItem(containsString("triage has not answered"))));
        asPatient(clinic, patient).get(plan()).then().body("main.slug", not(hasItem("walking")));
        status("SOON"); // triage's answer arrives
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).get(plan()).then()
                .body("triageTier", equalTo("SOON")).body("triageStatusAsOf", notNullValue())
                .body("notes", not(hasItem(containsString("triage has not answered")))));
    }

    @Test
    void theTenPercentRuleCapsTheSession() {
        entry(Duration.ofDays(10), "\"intensity\": 2, \"exercises\": [{\"exercise\": \"walking\", \"durationMinutes\": 60}]");
        entry(Duration.ofDays(2), "\"intensity\": 2, \"exercises\": [{\"exercise\": \"walking\", \"durationMinutes\": 50}]");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPatient(clinic, patient).queryParam("minutes", 60)
                .get(plan()).then().statusCode(200).body("notes", hasItem(containsString("Shortened to 16 min"))));
        asPatient(clinic, patient).queryParam("minutes", 60).get(plan()).then().body("plannedMinutes", lessThanOrEqualTo(16));
    }

    @Test
    void onlyThePatientAndTheirClinicsCliniciansReadThePlan() {
        diagnosed("radiculopathy");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asClinician(clinic).get(plan()).then().statusCode(200));
        asPatient(clinic, newId("pat")).get(plan()).then().statusCode(403).contentType("application/problem+json");
        asClinician(newId("clinic")).get(plan()).then().statusCode(404).contentType("application/problem+json");
        com.backcare.localstack.Callers.asAdmin(clinic).get(plan()).then().statusCode(403);
        asPatient(clinic, patient).queryParam("minutes", 5).get(plan()).then().statusCode(400)
                .body("violations[0].field", equalTo("minutes"));
    }

    @Test
    void thePlanIsPatientDataThatNoCacheStores() {
        asPatient(clinic, patient).get(plan()).then().statusCode(200).header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        asPatient(clinic, patient).get("/api/v1/exercises").then().statusCode(200)
                .header("Cache-Control", containsString("public"));
    }
}

package com.backcare.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.events.vocabulary.BodySite;
import com.backcare.events.vocabulary.LegSide;
import com.backcare.events.vocabulary.SelfTest;
import com.backcare.events.vocabulary.SelfTestResult;
import com.backcare.events.vocabulary.Side;
import com.backcare.events.vocabulary.SymptomCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    private static final PainReport REPORT = new PainReport(Instant.parse("2026-11-20T08:00:00Z"), 6,
            List.of(new PainReport.Location(BodySite.LOWER_BACK, Side.LEFT), new PainReport.Location(BodySite.HIP, null)),
            List.of(), null, List.of(), List.of(), List.of(),
            List.of(new PainReport.AssociatedSymptom(SymptomCode.TINGLING, LegSide.LEFT, false)), null,
            List.of(new PainReport.ExerciseLog("bird-dog", 10, 4, 2, 10, 0.0, null)),
            List.of(new PainReport.Medication("ibuprofen", "400 mg", null)), List.of(),
            Map.of(SelfTest.FLEXION, SelfTestResult.REPRODUCES_PAIN), "notes");

    private static JsonNode event(EventType type, Object data) {
        return EventJson.mapper().valueToTree(EventEnvelope.of(type, "/test", "clinic-1", "pat-1", Instant.now(),
                EventJson.mapper().valueToTree(data)));
    }

    @Test
    void everyJournalEventAsTheContractBuildsItConforms() {
        String id = UUID.randomUUID().toString();
        assertEquals(List.of(), EventSchemas.violations(event(EventType.ENTRY_RECORDED, new EntryEventData(id, 1, REPORT))));
        assertEquals(List.of(), EventSchemas.violations(event(EventType.ENTRY_CORRECTED, new EntryEventData(id, 2, REPORT))));
        assertEquals(List.of(), EventSchemas.violations(event(EventType.ENTRY_DELETED, new EntryEventData(id, 3, null))));
        assertEquals(List.of(), EventSchemas.violations(event(EventType.PROFILE_CHANGED,
                new ProfileEventData(1, new PatientProfile(1960, true, List.of(), List.of("spinal-stenosis"))))));
    }

    @Test
    void questionnaireResponsesOfBothInstrumentsConform() {
        var answers = List.of(new QuestionnaireResponseEventData.Answer("1", "agree"));
        assertEquals(List.of(), EventSchemas.violations(event(EventType.QUESTIONNAIRE_RESPONDED, new QuestionnaireResponseEventData(
                UUID.randomUUID().toString(), "start-back", Instant.now(), answers,
                QuestionnaireResponseEventData.Score.startBack(5, 4, "HIGH")))));
        assertEquals(List.of(), EventSchemas.violations(event(EventType.QUESTIONNAIRE_RESPONDED, new QuestionnaireResponseEventData(
                UUID.randomUUID().toString(), "odi", Instant.now(), answers,
                QuestionnaireResponseEventData.Score.disability(new java.math.BigDecimal("35.6"), "MODERATE")))));
    }

    @Test
    void aDriftingEventIsCaught() {
        ObjectNode drifted = (ObjectNode) event(EventType.ENTRY_RECORDED,
                new EntryEventData(UUID.randomUUID().toString(), 1, REPORT));
        ((ObjectNode) drifted.path("data").path("entry")).put("intensity", 11).put("mood", "grumpy");
        drifted.remove("clinicid");
        List<String> violations = EventSchemas.violations(drifted);
        assertTrue(violations.stream().anyMatch(v -> v.contains("intensity")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("mood")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("clinicid")), violations.toString());
    }

    @Test
    void anUnknownTypeHasNoSchema() {
        ObjectNode unknown = (ObjectNode) event(EventType.ENTRY_RECORDED, new EntryEventData("x", 1, REPORT));
        unknown.put("type", "com.backcare.journal.entry.teleported");
        assertFalse(EventSchemas.violations(unknown).isEmpty());
    }
}

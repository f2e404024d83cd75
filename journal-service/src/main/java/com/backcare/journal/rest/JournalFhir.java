package com.backcare.journal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

import com.backcare.commons.fhir.Fhir;
import com.backcare.events.PainReport;
import com.backcare.events.QuestionnaireResponseEventData.Answer;
import com.backcare.events.QuestionnaireResponseEventData.Score;
import com.backcare.journal.domain.Instrument;
import com.backcare.journal.persistence.PainEntryEntity;
import com.backcare.journal.persistence.QuestionnaireResponseEntity;

/**
 * The journal's data as FHIR R4 resources: each entry an Observation of pain severity (LOINC 72514-3), each
 * questionnaire response a QuestionnaireResponse, and its scores Observations derived from it.
 */
final class JournalFhir {

    static final String LOINC = "http://loinc.org";
    static final String PAIN_SEVERITY = "72514-3";
    static final String BODY_SITE_SYSTEM = "https://backcare.example/fhir/CodeSystem/body-site";
    private static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** The score Observations of each instrument: LOINC code, by the part of the score it carries. */
    static final Map<String, String> START_BACK_SCORES = Map.of("total", "91351-7", "psychosocial", "91350-9",
            "risk", "91352-5");
    static final Map<String, String> ODI_SCORES = Map.of("percent", "97909-6");
    private static final Map<String, String> RISK_ANSWERS = Map.of("LOW", "LA9194-7", "MEDIUM", "LA8982-6",
            "HIGH", "LA9193-9");
    private static final Map<String, Questionnaire> QUESTIONNAIRES = new ConcurrentHashMap<>();

    private JournalFhir() {
    }

    /** An entry at its current revision; a deleted entry is {@code entered-in-error}, a corrected one {@code amended}. */
    static Observation observation(PainEntryEntity entry) {
        Observation o = painObservation(entry.id.toString(), entry.patientId, entry.report, entry.revision,
                entry.updatedAt);
        o.setStatus(entry.isDeleted() ? Observation.ObservationStatus.ENTEREDINERROR
                : entry.revision > 1 ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
        return o;
    }

    /** The entry as one revision left it, for its history. */
    static Observation observationAt(String entryId, String patientId, int revision, String action, PainReport report,
            Instant changedAt) {
        Observation o = painObservation(entryId, patientId, report, revision, changedAt);
        o.setStatus(action.equals("DELETED") ? Observation.ObservationStatus.ENTEREDINERROR
                : revision > 1 ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
        return o;
    }

    private static Observation painObservation(String id, String patientId, PainReport report, int revision,
            Instant updated) {
        Observation o = new Observation();
        o.setId(id);
        o.getMeta().setVersionId(Integer.toString(revision)).setLastUpdated(Date.from(updated));
        o.addCategory(survey());
        o.getCode().addCoding(new Coding(LOINC, PAIN_SEVERITY, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"));
        o.getCode().setText("Pain intensity (0-10)");
        o.setSubject(new Reference("Patient/" + patientId));
        if (report != null) {
            o.setEffective(dateTime(report.recordedAt()));
            o.setValue(new IntegerType(report.intensity()));
            if (!report.locations().isEmpty()) {
                CodeableConcept site = new CodeableConcept();
                for (PainReport.Location location : report.locations()) {
                    site.addCoding(new Coding(BODY_SITE_SYSTEM, location.site().name(), label(location.site().name())));
                }
                site.setText(String.join("; ", report.locations().stream().map(l -> label(l.site().name())
                        + (l.side() == null ? "" : " (" + label(l.side().name()) + ")")).toList()));
                o.setBodySite(site);
            }
            if (report.notes() != null) {
                o.addNote().setText(report.notes());
            }
        } else {
            o.setDataAbsentReason(new CodeableConcept().setText("deleted by its author"));
        }
        return o;
    }

    /** A response as the patient gave it, each answer with the coding of the option chosen. */
    static QuestionnaireResponse questionnaireResponse(QuestionnaireResponseEntity r, Instrument instrument) {
        Questionnaire questionnaire = questionnaire(instrument);
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(r.id.toString());
        response.setQuestionnaire(questionnaire.getUrl());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(new Reference("Patient/" + r.patientId));
        response.setAuthoredElement(dateTime(r.authored));
        response.setAuthor(new Reference(("patient".equals(r.createdByRole) ? "Patient/" : "Practitioner/") + r.createdBy));
        for (Answer answer : r.answers) {
            Questionnaire.QuestionnaireItemComponent item = questionnaire.getItem().stream()
                    .filter(i -> i.getLinkId().equals(answer.linkId())).findFirst().orElseThrow();
            Coding chosen = item.getAnswerOption().stream().map(Questionnaire.QuestionnaireItemAnswerOptionComponent::getValueCoding)
                    .filter(c -> c.getCode().equals(answer.code())).findFirst().orElseThrow();
            response.addItem().setLinkId(answer.linkId()).setText(item.getText()).addAnswer()
                    .setValue(new Coding(chosen.getSystem(), chosen.getCode(), chosen.getDisplay()));
        }
        return response;
    }

    /** The score Observations of a response, each derived from it: STarT Back gives three, the Oswestry one. */
    static List<Observation> scores(QuestionnaireResponseEntity r) {
        List<Observation> scores = new ArrayList<>();
        Score score = r.score;
        if (score.riskGroup() != null) {
            scores.add(score(r, "total", START_BACK_SCORES.get("total"), "STarT Back total score", new IntegerType(score.total())));
            scores.add(score(r, "psychosocial", START_BACK_SCORES.get("psychosocial"), "STarT Back psychosocial subscore",
                    new IntegerType(score.psychosocial())));
            String risk = score.riskGroup();
            scores.add(score(r, "risk", START_BACK_SCORES.get("risk"), "STarT Back risk group",
                    new CodeableConcept(new Coding(LOINC, RISK_ANSWERS.get(risk), label(risk) + " risk"))));
        }
        if (score.percent() != null) {
            Observation percent = score(r, "percent", ODI_SCORES.get("percent"), "Oswestry Disability Index score",
                    new Quantity().setValue(score.percent()).setUnit("%").setSystem("http://unitsofmeasure.org").setCode("%"));
            percent.addInterpretation().setText(label(score.band()) + " disability");
            scores.add(percent);
        }
        return scores;
    }

    private static Observation score(QuestionnaireResponseEntity r, String part, String code, String text,
            org.hl7.fhir.r4.model.Type value) {
        Observation o = new Observation();
        o.setId(r.id + "-" + part);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(survey());
        o.getCode().addCoding(new Coding(LOINC, code, text)).setText(text);
        o.setSubject(new Reference("Patient/" + r.patientId));
        o.setEffective(dateTime(r.authored));
        o.setValue(value);
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + r.id));
        return o;
    }

    /** The id of the response behind a score Observation id ({@code <response id>-<part>}), or null. */
    static String[] scoreId(String observationId) {
        int dash = observationId.lastIndexOf('-');
        if (observationId.length() < 38 || dash != 36) {
            return null;
        }
        String part = observationId.substring(dash + 1);
        return START_BACK_SCORES.containsKey(part) || ODI_SCORES.containsKey(part)
                ? new String[] { observationId.substring(0, dash), part } : null;
    }

    static Questionnaire questionnaire(Instrument instrument) {
        return QUESTIONNAIRES.computeIfAbsent(instrument.id(),
                id -> Fhir.context().newJsonParser().parseResource(Questionnaire.class, instrument.fhirJson()));
    }

    private static CodeableConcept survey() {
        return new CodeableConcept(new Coding(CATEGORY_SYSTEM, "survey", "Survey"));
    }

    private static DateTimeType dateTime(Instant at) {
        DateTimeType t = new DateTimeType(Date.from(at));
        t.setTimeZone(TimeZone.getTimeZone("UTC"));
        return t;
    }

    private static String label(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

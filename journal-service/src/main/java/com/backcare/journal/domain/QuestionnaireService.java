package com.backcare.journal.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.outbox.EventOutbox;
import com.backcare.commons.paging.Cursor;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.problem.Problem;
import com.backcare.commons.security.Caller;
import com.backcare.events.EventType;
import com.backcare.events.QuestionnaireResponseEventData;
import com.backcare.events.QuestionnaireResponseEventData.Answer;
import com.backcare.journal.persistence.PainEntryEntity;
import com.backcare.journal.persistence.PatientProfileEntity;
import com.backcare.journal.persistence.QuestionnaireResponseEntity;

/**
 * Scored questionnaires: a response is checked against its instrument, scored on the server, stored and emitted as an
 * event in one transaction. Access is scoped like the journal's: the caller's clinic, and patients to themselves.
 */
@ApplicationScoped
public class QuestionnaireService {

    @Inject
    Caller caller;
    @Inject
    Instruments instruments;
    @Inject
    EventOutbox outbox;
    @Inject
    WriteLimits limits;

    /** The summary shows at most this many of each instrument's scores, the newest. */
    static final int SCORES_PER_INSTRUMENT = 50;

    Clock clock = Clock.systemUTC();

    public List<Instrument> instruments() {
        return instruments.all();
    }

    public Instrument instrument(String id) {
        return instruments.byId(id).orElseThrow(() -> ApiProblem.notFound("no questionnaire " + id));
    }

    @Transactional
    public QuestionnaireResponseEntity respond(String patientId, String questionnaire, List<Answer> answers) {
        caller.requireAccessToPatient(patientId);
        Instrument instrument = instruments.byId(questionnaire).orElseThrow(() -> ApiProblem.invalidField("questionnaire",
                "no questionnaire " + questionnaire + " (one of " + String.join(", ",
                        instruments.all().stream().map(Instrument::id).toList()) + ")"));
        Instrument.Checked checked = instrument.check(answers);
        if (!checked.violations().isEmpty()) {
            List<Problem.Violation> violations = checked.violations().stream()
                    .map(v -> new Problem.Violation(v.field(), v.message())).toList();
            throw new ApiProblem(Problem.of("validation", "Bad Request", 400, violations.stream()
                    .map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElseThrow())
                    .withViolations(violations));
        }
        limits.admit(caller.clinicId(), patientId);
        Instant now = clock.instant();
        QuestionnaireResponseEntity response = new QuestionnaireResponseEntity();
        response.id = UUID.randomUUID();
        response.clinicId = caller.clinicId();
        response.patientId = patientId;
        response.questionnaire = instrument.id();
        response.authored = now;
        response.answers = List.copyOf(answers);
        response.score = instrument.scoring().score(checked.itemScores());
        response.createdBy = caller.subject();
        response.createdByRole = caller.role();
        response.persist();
        outbox.append(JournalService.SOURCE, EventType.QUESTIONNAIRE_RESPONDED, response.clinicId, patientId, now,
                new QuestionnaireResponseEventData(response.id.toString(), response.questionnaire, now, response.answers,
                        response.score));
        return response;
    }

    /** Each instrument's scores authored in [from, to), oldest first: at most the newest 50 per instrument. */
    @Transactional
    public java.util.Map<String, List<JournalSummary.ScoreAt>> scoresOver(String patientId, Instant from, Instant to) {
        caller.requireAccessToPatient(patientId);
        java.util.Map<String, List<JournalSummary.ScoreAt>> scores = new java.util.TreeMap<>();
        for (Instrument instrument : instruments.all()) {
            List<JournalSummary.ScoreAt> points = QuestionnaireResponseEntity.between(caller.clinicId(), patientId,
                    instrument.id(), from, to, SCORES_PER_INSTRUMENT).stream()
                    .map(r -> new JournalSummary.ScoreAt(r.authored, r.score)).toList();
            if (!points.isEmpty()) {
                scores.put(instrument.id(), points);
            }
        }
        return scores;
    }

    @Transactional
    public Page<QuestionnaireResponseEntity> responses(String patientId, String questionnaire, String cursor, int limit) {
        return responses(patientId, questionnaire, null, null, cursor, limit);
    }

    /** A response by id alone: a clinician's or admin's of their clinic, a patient's own; a 404 otherwise. */
    @Transactional
    public QuestionnaireResponseEntity response(UUID id) {
        return QuestionnaireResponseEntity.findInClinic(caller.clinicId(), id)
                .filter(r -> caller.isStaff() || r.patientId.equals(caller.subject()))
                .orElseThrow(() -> ApiProblem.notFound("no questionnaire response " + id));
    }

    @Transactional
    public Page<QuestionnaireResponseEntity> responses(String patientId, String questionnaire, Instant from, Instant to,
            String cursor, int limit) {
        caller.requireAccessToPatient(patientId);
        if (questionnaire != null && instruments.byId(questionnaire).isEmpty()) {
            throw ApiProblem.invalidField("questionnaire", "no questionnaire " + questionnaire);
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            List<Object> key = Cursor.read(cursor, 2, parts -> List.of(Cursor.instant(parts.get(0)), UUID.fromString(parts.get(1))));
            beforeAt = (Instant) key.get(0);
            beforeId = (UUID) key.get(1);
        }
        List<QuestionnaireResponseEntity> rows = QuestionnaireResponseEntity.newestFirst(caller.clinicId(), patientId,
                questionnaire, from, to, beforeAt, beforeId, limit + 1);
        if (rows.isEmpty() && cursor == null && caller.isStaff()
                && !PainEntryEntity.existsForPatient(caller.clinicId(), patientId)
                && PatientProfileEntity.findFor(caller.clinicId(), patientId).isEmpty()) {
            throw ApiProblem.notFound("no patient " + patientId + " in your clinic");
        }
        return Page.of(rows, limit, last -> Cursor.encode(last.authored, last.id));
    }
}

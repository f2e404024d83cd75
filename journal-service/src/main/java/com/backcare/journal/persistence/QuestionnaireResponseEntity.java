package com.backcare.journal.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.events.QuestionnaireResponseEventData.Answer;
import com.backcare.events.QuestionnaireResponseEventData.Score;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One scored questionnaire response of a patient. */
@Entity
@Table(name = "questionnaire_response")
public class QuestionnaireResponseEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "patient_id")
    public String patientId;
    public String questionnaire;
    public Instant authored;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Answer> answers;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Score score;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_by_role")
    public String createdByRole;

    /**
     * The patient's responses newest first, after the cursor's (authored, id), optionally of one instrument and
     * authored in [from, to).
     */
    public static List<QuestionnaireResponseEntity> newestFirst(String clinicId, String patientId, String questionnaire,
            Instant from, Instant to, Instant beforeAt, UUID beforeId, int limit) {
        StringBuilder query = new StringBuilder("clinicId = ?1 and patientId = ?2");
        List<Object> params = new java.util.ArrayList<>(List.of(clinicId, patientId));
        if (questionnaire != null) {
            params.add(questionnaire);
            query.append(" and questionnaire = ?").append(params.size());
        }
        if (from != null) {
            params.add(from);
            query.append(" and authored >= ?").append(params.size());
        }
        if (to != null) {
            params.add(to);
            query.append(" and authored < ?").append(params.size());
        }
        if (beforeAt != null) {
            params.add(beforeAt);
            int at = params.size();
            params.add(beforeId);
            query.append(" and (authored < ?").append(at).append(" or (authored = ?").append(at).append(" and id < ?")
                    .append(params.size()).append("))");
        }
        return find(query + " order by authored desc, id desc", params.toArray()).page(0, limit).list();
    }

    /** The patient's responses to one instrument authored in [from, to), oldest first, at most the newest {@code limit}. */
    public static List<QuestionnaireResponseEntity> between(String clinicId, String patientId, String questionnaire,
            Instant from, Instant to, int limit) {
        List<QuestionnaireResponseEntity> newest = find("clinicId = ?1 and patientId = ?2 and questionnaire = ?3 "
                + "and authored >= ?4 and authored < ?5 order by authored desc, id desc", clinicId, patientId,
                questionnaire, from, to).page(0, limit).list();
        List<QuestionnaireResponseEntity> oldestFirst = new java.util.ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    public static java.util.Optional<QuestionnaireResponseEntity> findInClinic(String clinicId, UUID id) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    public static boolean existsForPatient(String clinicId, String patientId) {
        return find("clinicId = ?1 and patientId = ?2", clinicId, patientId).firstResultOptional().isPresent();
    }
}

package com.backcare.journal.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.backcare.commons.persistence.JdbcStatement;
import com.backcare.commons.persistence.Where;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One access to a patient's data: who, in what role, did what, when, and how it ended. Append-only. */
@Entity
@Table(name = "audit_record")
public class AuditRecordEntity extends PanacheEntityBase {

    private static final JdbcStatement APPEND = JdbcStatement.of("INSERT INTO audit_record (at, clinic_id, patient_id, "
            + "actor, role, action, outcome, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @NotNull
    public Instant at;
    @NotBlank
    @Column(name = "clinic_id")
    public String clinicId;
    @NotBlank
    @Column(name = "patient_id")
    public String patientId;
    @NotBlank
    public String actor;
    @NotBlank
    public String role;
    @NotBlank
    public String action;
    @NotBlank
    public String outcome;
    public int status;

    /**
     * Appends a record with one plain INSERT, outside the entity's lifecycle: persisting it (an identity insert, its
     * generated key read back, the entity validated) was a twelfth of the journal's CPU under a flood of writes. The
     * table's NOT NULL constraints still hold every field.
     */
    public static void append(Instant at, String clinicId, String patientId, String actor, String role, String action,
            String outcome, int status) {
        APPEND.update(getEntityManager(), at, clinicId, patientId, actor, role, action, outcome, status);
    }

    /** Newest first; {@code after} is the (at, id) of the last record of the previous page. */
    public static List<AuditRecordEntity> page(String clinicId, String patientId, Instant from, Instant to,
            Instant afterAt, Long afterId, int limit) {
        Where where = Where.of("clinicId = :clinic", "clinic", clinicId)
                .and("patientId = :patient", "patient", patientId)
                .and("at >= :from", "from", from)
                .and("at < :to", "to", to)
                .after("(at < :afterAt or (at = :afterAt and id < :afterId))", afterAt != null,
                        "afterAt", afterAt, "afterId", afterId);
        return find(where.orderedBy("at desc, id desc"), where.parameters()).page(0, limit).list();
    }
}

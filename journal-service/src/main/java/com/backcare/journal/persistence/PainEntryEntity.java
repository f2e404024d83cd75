package com.backcare.journal.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.commons.persistence.Where;
import com.backcare.events.PainReport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/** One pain journal entry. The clinical content is the {@link PainReport}, kept whole as JSON. */
@Entity
@Table(name = "pain_entry")
public class PainEntryEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @NotNull
    @Column(name = "clinic_id")
    public String clinicId;
    @NotNull
    @Column(name = "patient_id")
    public String patientId;
    @NotNull
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Min(0)
    @Max(10)
    public int intensity;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public PainReport report;
    public int revision;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Column(name = "deleted_by")
    public String deletedBy;

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public static Optional<PainEntryEntity> findInClinic(String clinicId, String patientId, UUID id) {
        return find("id = :id and clinicId = :clinic and patientId = :patient and deletedAt is null",
                Parameters.with("id", id).and("clinic", clinicId).and("patient", patientId)).firstResultOptional();
    }

    /** An entry of the clinic by id alone, deleted ones included (a FHIR read names no patient). */
    public static Optional<PainEntryEntity> findInClinicWithDeleted(String clinicId, UUID id) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    /** Including deleted entries: their history stays readable. */
    public static Optional<PainEntryEntity> findWithDeleted(String clinicId, String patientId, UUID id) {
        return find("id = ?1 and clinicId = ?2 and patientId = ?3", id, clinicId, patientId).firstResultOptional();
    }

    /** The live entries recorded in [from, to), oldest first: the material of the summary. */
    public static List<PainEntryEntity> between(String clinicId, String patientId, Instant from, Instant to) {
        return list("clinicId = ?1 and patientId = ?2 and deletedAt is null and recordedAt >= ?3 and recordedAt < ?4 "
                + "order by recordedAt, id", clinicId, patientId, from, to);
    }

    public static boolean existsForPatient(String clinicId, String patientId) {
        return count("clinicId = ?1 and patientId = ?2", clinicId, patientId) > 0;
    }

    /** Newest first; {@code after} is the (recordedAt, id) of the last entry of the previous page. */
    public static List<PainEntryEntity> timeline(String clinicId, String patientId, Instant from, Instant to,
            Instant afterRecordedAt, UUID afterId, int limit) {
        Where where = Where.of("clinicId = :clinic and deletedAt is null", "clinic", clinicId)
                .and("patientId = :patient", "patient", patientId)
                .and("recordedAt >= :from", "from", from)
                .and("recordedAt < :to", "to", to)
                .after("(recordedAt < :afterAt or (recordedAt = :afterAt and id < :afterId))", afterRecordedAt != null,
                        "afterAt", afterRecordedAt, "afterId", afterId);
        return find(where.orderedBy("recordedAt desc, id desc"), where.parameters()).page(0, limit).list();
    }
}

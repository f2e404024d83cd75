package com.backcare.triage.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.commons.persistence.NativeSql;
import com.backcare.commons.persistence.PatientKey;
import com.backcare.commons.persistence.Where;
import com.backcare.triage.domain.AlertStatus;
import com.backcare.triage.domain.Tier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An alert: one rule that fired for one patient, with the entries that are its evidence. */
@Entity
@Table(name = "alert")
public class AlertEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @NotBlank
    @Column(name = "clinic_id")
    public String clinicId;
    @NotBlank
    @Column(name = "patient_id")
    public String patientId;
    @NotBlank
    public String rule;
    @NotNull
    @Enumerated(EnumType.STRING)
    public Tier tier;
    @Column(name = "tier_rank")
    public int tierRank;
    @NotNull
    @Enumerated(EnumType.STRING)
    public AlertStatus status;
    @NotBlank
    public String reason;
    @NotBlank
    public String advice;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<UUID> evidence = new ArrayList<>();
    @Min(0)
    public int occurrences;
    @Column(name = "escalation_level")
    public int escalationLevel;
    @NotBlank
    @Column(name = "rule_set_version")
    public String ruleSetVersion;
    /** True when every entry that was evidence has since been deleted or corrected away. */
    @Column(name = "evidence_withdrawn")
    public boolean evidenceWithdrawn;
    @Column(name = "next_escalation_at")
    public Instant nextEscalationAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<AlertEntity> openFor(String clinicId, String patientId, String rule) {
        return find("clinicId = ?1 and patientId = ?2 and rule = ?3 and status <> ?4", clinicId, patientId, rule,
                AlertStatus.RESOLVED).firstResultOptional();
    }

    public static Optional<AlertEntity> findInClinic(String clinicId, UUID id) {
        return find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    /** Open alerts due to escalate, locked; rows another instance holds are skipped, so none escalates twice. */
    @SuppressWarnings("unchecked")
    public static List<AlertEntity> dueForEscalation(Instant now, int limit) {
        return getEntityManager().createNativeQuery("SELECT * FROM alert WHERE status = 'OPEN' "
                + "AND next_escalation_at <= ?1 ORDER BY next_escalation_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                AlertEntity.class).setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** The patient's status given their open alerts, most urgent first: the highest tier among them, or NONE. */
    public static String patientStatus(List<AlertEntity> openMostUrgentFirst) {
        return openMostUrgentFirst.isEmpty() ? "NONE" : openMostUrgentFirst.get(0).tier.name();
    }

    /**
     * The order of {@link #openForPatient}: tier, then oldest first, then id as PostgreSQL orders uuids (byte by byte,
     * so unsigned, where {@link UUID#compareTo} is signed).
     */
    public static final Comparator<AlertEntity> MOST_URGENT_FIRST = Comparator.<AlertEntity> comparingInt(a -> a.tierRank)
            .thenComparing(a -> a.createdAt)
            .thenComparing(a -> a.id, Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
                    .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned));

    public static List<AlertEntity> openForPatient(String clinicId, String patientId) {
        return find("clinicId = ?1 and patientId = ?2 and status <> ?3 order by tierRank, createdAt, id", clinicId,
                patientId, AlertStatus.RESOLVED).list();
    }

    /**
     * Each of these patients' open alerts in {@link #openForPatient}'s order, read with one statement: a poll that raises
     * alerts for many patients reads them all at once. Native with array parameters, so its text is the same whatever the
     * number of patients (Hibernate translates an IN list of each new length anew).
     */
    public static Map<PatientKey, List<AlertEntity>> openForPatients(Collection<PatientKey> patients) {
        Map<PatientKey, List<AlertEntity>> open = new HashMap<>();
        patients.forEach(p -> open.put(p, new ArrayList<>()));
        if (patients.isEmpty()) {
            return open;
        }
        @SuppressWarnings("unchecked")
        List<AlertEntity> alerts = NativeSql.on(getEntityManager(), "SELECT a.* FROM unnest(cast(?1 AS text[]), cast(?2 AS "
                + "text[])) AS k(c, p) JOIN alert a ON a.clinic_id = k.c AND a.patient_id = k.p WHERE a.status <> 'RESOLVED'",
                AlertEntity.class, "alert")
                .setParameter(1, patients.stream().map(p -> p.clinicId).toArray(String[]::new))
                .setParameter(2, patients.stream().map(p -> p.patientId).toArray(String[]::new)).getResultList();
        alerts.forEach(a -> open.get(new PatientKey(a.clinicId, a.patientId)).add(a));
        open.values().forEach(list -> list.sort(MOST_URGENT_FIRST));
        return open;
    }

    /** The clinic's queue: most urgent tier first, then oldest first; {@code after} is the last row's sort key. */
    public static List<AlertEntity> queue(String clinicId, String patientId, Set<Tier> tiers, Set<AlertStatus> statuses,
            Set<String> rules, Instant from, Instant to, AlertCursor after, int limit) {
        Where where = Where.of("clinicId = :clinic", "clinic", clinicId)
                .and("patientId = :patient", "patient", patientId)
                .and("tier in :tiers", "tiers", tiers)
                .and("status in :statuses", "statuses", statuses)
                .and("rule in :rules", "rules", rules)
                .and("createdAt >= :from", "from", from)
                .and("createdAt < :to", "to", to)
                .after("(tierRank > :rank or (tierRank = :rank and (createdAt > :at or (createdAt = :at and id > :id))))",
                        after != null, "rank", after == null ? null : after.tierRank(),
                        "at", after == null ? null : after.createdAt(), "id", after == null ? null : after.id());
        return find(where.orderedBy("tierRank, createdAt, id"), where.parameters()).page(0, limit).list();
    }

    /** The sort key of one row of the queue. */
    public record AlertCursor(int tierRank, Instant createdAt, UUID id) {
    }
}

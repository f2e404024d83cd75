package com.backcare.triage.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.commons.persistence.NativeSql;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rule that fired on one entry (the anchor), the alert it belongs to, and whether it still holds. */
@Entity
@Table(name = "alert_finding")
public class AlertFindingEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @NotNull
    @Column(name = "anchor_recorded_at")
    public Instant anchorRecordedAt;
    @NotNull
    @Column(name = "alert_id")
    public UUID alertId;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<UUID> evidence;
    public boolean active;

    /** The findings a re-evaluation from {@code from} can change: anchored at or after it, or on a changed entry. */
    public static List<AlertFindingEntity> inScope(String clinicId, String patientId, Instant from,
            java.util.Collection<UUID> changedEntries) {
        // Native with one array parameter: an IN list of varying length made Hibernate translate the query anew on
        // every call (a tenth of triage's CPU under load).
        @SuppressWarnings("unchecked")
        List<AlertFindingEntity> found = NativeSql.on(getEntityManager(), "SELECT * FROM alert_finding "
                + "WHERE clinic_id = ?1 AND patient_id = ?2 AND (anchor_recorded_at >= ?3 OR anchor_entry_id = ANY (?4))",
                AlertFindingEntity.class, "alert_finding").setParameter(1, clinicId).setParameter(2, patientId).setParameter(3, from)
                .setParameter(4, changedEntries.toArray(UUID[]::new)).getResultList();
        return found;
    }

    /**
     * Each of these alerts' findings that still hold, latest anchor first, at most {@code limit} each, read with one
     * statement as last flushed: the caller flushes the findings it changed first. Not flushing before the query spares
     * a dirty check of every entity in the persistence context, which a poll raising alerts for many patients holds:
     * with it, reading one alert's findings was 41% of triage's samples draining a backlog.
     */
    public static Map<UUID, List<AlertFindingEntity>> latestActiveOf(Collection<UUID> alertIds, int limit) {
        Map<UUID, List<AlertFindingEntity>> latest = new HashMap<>();
        alertIds.forEach(id -> latest.put(id, new ArrayList<>()));
        if (alertIds.isEmpty()) {
            return latest;
        }
        @SuppressWarnings("unchecked")
        List<AlertFindingEntity> found = NativeSql.on(getEntityManager(), "SELECT f.* FROM unnest(cast(?1 AS uuid[])) "
                + "AS a(id) CROSS JOIN LATERAL (SELECT * FROM alert_finding WHERE alert_id = a.id AND active "
                + "ORDER BY anchor_recorded_at DESC LIMIT ?2) AS f", AlertFindingEntity.class, "alert_finding")
                .setParameter(1, new LinkedHashSet<>(alertIds).toArray(UUID[]::new)).setParameter(2, limit)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
        found.forEach(f -> latest.get(f.alertId).add(f));
        latest.values().forEach(findings -> findings.sort(
                java.util.Comparator.comparing((AlertFindingEntity f) -> f.anchorRecordedAt).reversed()));
        return latest;
    }

    /** Which rule on which entry of which patient. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "clinic_id")
        public String clinicId;
        @Column(name = "patient_id")
        public String patientId;
        public String rule;
        @Column(name = "anchor_entry_id")
        public UUID anchorEntryId;

        public Key() {
        }

        public Key(String clinicId, String patientId, String rule, UUID anchorEntryId) {
            this.clinicId = clinicId;
            this.patientId = patientId;
            this.rule = rule;
            this.anchorEntryId = anchorEntryId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.clinicId.equals(clinicId) && k.patientId.equals(patientId)
                    && k.rule.equals(rule) && k.anchorEntryId.equals(anchorEntryId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clinicId, patientId, rule, anchorEntryId);
        }
    }
}

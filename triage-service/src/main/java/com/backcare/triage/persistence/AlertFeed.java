package com.backcare.triage.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** A clinic's alert changes in the order they happened, by change id: what the live stream sends. */
@ApplicationScoped
public class AlertFeed {

    @Inject
    EntityManager em;

    /** One alert change and the alert it concerns. */
    public record Change(long id, String change, Instant at, String actor, String note, UUID alertId, String patientId,
            String rule, String tier, String status, int escalationLevel) {
    }

    @Transactional
    public long latestId(String clinicId) {
        Object max = em.createNativeQuery("SELECT coalesce(max(c.id), 0) FROM alert_change c JOIN alert a "
                + "ON a.id = c.alert_id WHERE a.clinic_id = ?1").setParameter(1, clinicId).getSingleResult();
        return ((Number) max).longValue();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Change> after(String clinicId, long afterId, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT c.id, c.action, c.at, c.actor, c.note, a.id AS alert_id, "
                + "a.patient_id, a.rule, a.tier, a.status, a.escalation_level FROM alert_change c JOIN alert a "
                + "ON a.id = c.alert_id WHERE a.clinic_id = ?1 AND c.id > ?2 ORDER BY c.id LIMIT ?3", Object[].class)
                .setParameter(1, clinicId).setParameter(2, afterId).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new Change(((Number) r[0]).longValue(), (String) r[1], instant(r[2]),
                (String) r[3], (String) r[4], (UUID) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                ((Number) r[10]).intValue())).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}

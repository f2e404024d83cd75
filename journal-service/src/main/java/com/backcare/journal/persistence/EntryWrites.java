package com.backcare.journal.persistence;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.backcare.commons.persistence.JdbcStatement;
import com.backcare.events.EventJson;
import com.backcare.commons.outbox.EventOutbox.OutboxMessage;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The hot write path: a new entry, its first revision, its outbox event and (when the client sent one) its
 * idempotency key, all in one SQL statement, so recording an entry costs one database round trip plus the commit.
 */
@ApplicationScoped
public class EntryWrites {

    private static final String INSERT_ENTRY = """
            INSERT INTO pain_entry (id, clinic_id, patient_id, recorded_at, intensity, report, revision,
                                    created_at, created_by, updated_at, updated_by)
            SELECT ?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), 1, ?7, ?8, ?7, ?8 FROM %s
            RETURNING id""";
    private static final String REST = """
            , revision AS (
                INSERT INTO pain_entry_revision (entry_id, revision, action, changed_at, changed_by, changed_by_role,
                                                 changed_fields, report)
                SELECT id, 1, 'RECORDED', ?7, ?8, ?9, CAST('[]' AS jsonb), CAST(?6 AS jsonb) FROM entry
            ), outbox AS (
                INSERT INTO outbox_event (event_id, topic, message_key, payload, created_at, trace_parent)
                SELECT ?10, ?11, ?12, ?13, ?7, ?14 FROM entry
            )
            SELECT count(*) FROM entry""";
    private static final JdbcStatement WITHOUT_KEY = JdbcStatement.of(
            "WITH entry AS (" + INSERT_ENTRY.formatted("(SELECT 1) AS one") + ")" + REST);
    private static final JdbcStatement WITH_KEY = JdbcStatement.of("""
            WITH claim AS (
                INSERT INTO idempotency_key (clinic_id, patient_id, idempotency_key, request_hash, entry_id, created_at)
                VALUES (?2, ?3, ?15, ?16, ?1, ?7)
                ON CONFLICT DO NOTHING
                RETURNING entry_id
            ), entry AS (""" + INSERT_ENTRY.formatted("claim") + ")" + REST);

    @Inject
    EntityManager em;

    /** What a client's Idempotency-Key stands for: the key and the hash of the request it came with. */
    public record IdempotencyClaim(String key, String requestHash) {
    }

    /**
     * Inserts the entry with its revision and event; false when the idempotency key was already used (nothing is
     * written then).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertRecorded(PainEntryEntity e, String role, OutboxMessage event, IdempotencyClaim claim) {
        // Straight on the connection: Hibernate's native-query machinery cost more CPU than the statement itself.
        Object[] common = {e.id, e.clinicId, e.patientId, e.recordedAt, e.intensity, json(e.report), e.createdAt,
                e.createdBy, role, event.eventId(), event.topic(), event.key(), event.payload(), event.traceParent()};
        if (claim == null) {
            return WITHOUT_KEY.singleNumber(em, common) == 1;
        }
        Object[] keyed = Arrays.copyOf(common, 16);
        keyed[14] = claim.key();
        keyed[15] = claim.requestHash();
        return WITH_KEY.singleNumber(em, keyed) == 1;
    }

    /** The entry and request hash a key was first used with. */
    public record ClaimedKey(UUID entryId, String requestHash) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ClaimedKey> claimed(String clinicId, String patientId, String key) {
        return em.createNativeQuery("SELECT entry_id, request_hash FROM idempotency_key "
                + "WHERE clinic_id = ?1 AND patient_id = ?2 AND idempotency_key = ?3", Object[].class)
                .setParameter(1, clinicId).setParameter(2, patientId).setParameter(3, key)
                .getResultStream().findFirst()
                .map(row -> new ClaimedKey((UUID) ((Object[]) row)[0], (String) ((Object[]) row)[1]));
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

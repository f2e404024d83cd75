package com.backcare.commons.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers applied event ids (a service's {@code processed_event} table), in the same transaction as their effects:
 * how every consumer stays idempotent.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    EntityManager em;

    /** Of these ids, the ones seen for the first time (one statement however many). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public java.util.Set<String> firstTimes(java.util.List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return new java.util.HashSet<>();
        }
        String ids;
        try {
            ids = JSON.writeValueAsString(eventIds);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new java.util.HashSet<>(NativeSql.on(em, "INSERT INTO processed_event (event_id, processed_at) "
                + "SELECT id, now() FROM jsonb_array_elements_text(cast(?1 AS jsonb)) AS ids(id) "
                + "ON CONFLICT (event_id) DO NOTHING RETURNING event_id", "processed_event").setParameter(1, ids).getResultList());
    }

    /** True the first time an id is seen; false for a redelivery or replay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        return NativeSql.on(em, "INSERT INTO processed_event (event_id, processed_at) VALUES (?1, now()) "
                + "ON CONFLICT (event_id) DO NOTHING", "processed_event").setParameter(1, eventId).executeUpdate() == 1;
    }
}

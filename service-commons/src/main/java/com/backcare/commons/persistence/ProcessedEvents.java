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

    @Inject
    EntityManager em;

    /** True the first time an id is seen; false for a redelivery or replay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id, processed_at) VALUES (?1, now()) "
                + "ON CONFLICT (event_id) DO NOTHING").setParameter(1, eventId).executeUpdate() == 1;
    }
}

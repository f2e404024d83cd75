package com.backcare.journal.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Counts writes in the database, so every journal instance sees the same counts. Each count is its own short
 * transaction on an unlogged table: the counter rows are locked for one statement, never for a whole write.
 */
@ApplicationScoped
public class WriteRates {

    @Inject
    EntityManager em;

    /** Adds one write to each scope's window and returns each scope's count so far. */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> count(List<String> scopes, Instant windowStart) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < scopes.size(); i++) {
                values.append(i == 0 ? "" : ", ").append("(?").append(i + 2).append(", ?1, 1)");
            }
            var query = em.createNativeQuery("INSERT INTO write_rate (scope, window_start, writes) VALUES " + values
                    + " ON CONFLICT (scope, window_start) DO UPDATE SET writes = write_rate.writes + 1"
                    + " RETURNING scope, writes").setParameter(1, windowStart);
            for (int i = 0; i < scopes.size(); i++) {
                query.setParameter(i + 2, scopes.get(i));
            }
            Map<String, Integer> counts = new HashMap<>();
            for (Object[] row : (List<Object[]>) query.getResultList()) {
                counts.put((String) row[0], ((Number) row[1]).intValue());
            }
            return counts;
        });
    }

    /** Forgets windows that ended before {@code before}. */
    public int forget(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "DELETE FROM write_rate WHERE window_start < ?1").setParameter(1, before).executeUpdate());
    }
}

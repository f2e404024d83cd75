package com.backcare.journal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Counts writes in the database, so every journal instance sees the same counts. Each count is its own short
 * transaction on an unlogged table: the counter rows are locked for one statement, never for a whole write.
 */
@ApplicationScoped
public class WriteRates {

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    /** Adds one write to each scope's window and returns each scope's count so far. */
    public Map<String, Integer> count(List<String> scopes, Instant windowStart) {
        // One autocommitted statement on a plain connection, outside the caller's transaction: neither a transaction
        // manager nor a Hibernate session is needed to bump a counter, and they were a tenth of a write's CPU.
        return QuarkusTransaction.suspendingExisting().call(() -> {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < scopes.size(); i++) {
                values.append(i == 0 ? "" : ", ").append("(?, ?, 1)");
            }
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("INSERT INTO write_rate (scope, window_start, "
                            + "writes) VALUES " + values + " ON CONFLICT (scope, window_start) DO UPDATE "
                            + "SET writes = write_rate.writes + 1 RETURNING scope, writes")) {
                for (int i = 0; i < scopes.size(); i++) {
                    statement.setString(2 * i + 1, scopes.get(i));
                    statement.setObject(2 * i + 2, windowStart.atOffset(ZoneOffset.UTC));
                }
                Map<String, Integer> counts = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getInt(2));
                    }
                }
                return counts;
            } catch (SQLException e) {
                throw new PersistenceException("could not count writes", e);
            }
        });
    }

    /** Forgets windows that ended before {@code before}. */
    public int forget(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "DELETE FROM write_rate WHERE window_start < ?1").setParameter(1, before).executeUpdate());
    }
}

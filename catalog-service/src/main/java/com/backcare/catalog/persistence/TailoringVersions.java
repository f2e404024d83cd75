package com.backcare.catalog.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.backcare.commons.persistence.ChangeNotices;
import com.backcare.commons.persistence.DatabaseNotices;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;

/**
 * Each clinic's tailoring version, which every precomputed list answer is keyed by. A version once read is kept, and
 * a new one is taken from the database's notice of its commit (the trigger of V7), which every instance hears: so a
 * list request reads nothing, and every instance sees a clinic-admin's change as soon as it commits (this instance at
 * once, the others with the notice, milliseconds later). Versions only grow, so the highest known is the current one.
 * While this instance is not listening (its connection dropped), every request reads the version again, as an
 * autocommitted statement on a plain connection; once listening again, what was kept is forgotten.
 */
@Startup
@ApplicationScoped
public class TailoringVersions {

    static final String CHANNEL = "backcare_tailoring_versions";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    DatabaseNotices database;

    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private ChangeNotices notices;

    @PostConstruct
    void listen() {
        notices = database.listen(CHANNEL, this::announced, known::clear);
    }

    @PreDestroy
    void stop() {
        notices.close();
    }

    public long of(String clinicId) {
        if (!notices.hearing()) {
            return read(clinicId);
        }
        Long version = known.get(clinicId);
        return version != null ? version : known.merge(clinicId, read(clinicId), Math::max);
    }

    /** Gives the clinic's tailoring a new version, in the caller's transaction; this instance knows it once committed. */
    public void bump(String clinicId) {
        long version = ((Number) em.createNativeQuery("INSERT INTO clinic_tailoring_version (clinic_id, version) "
                + "VALUES (?1, 1) ON CONFLICT (clinic_id) DO UPDATE SET version = clinic_tailoring_version.version + 1 "
                + "RETURNING version").setParameter(1, clinicId).getSingleResult()).longValue();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    known.merge(clinicId, version, Math::max);
                }
            }
        });
    }

    void announced(String payload) {
        int slash = payload.lastIndexOf('/');
        if (slash > 0) {
            known.merge(payload.substring(0, slash), Long.parseLong(payload.substring(slash + 1)), Math::max);
        }
    }

    private long read(String clinicId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT version FROM clinic_tailoring_version WHERE clinic_id = ?")) {
            statement.setString(1, clinicId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not read the clinic's tailoring version", e);
        }
    }
}

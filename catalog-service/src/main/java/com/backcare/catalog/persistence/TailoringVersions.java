package com.backcare.catalog.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import io.agroal.api.AgroalDataSource;

/**
 * Each clinic's tailoring version, read on every list request: one autocommitted statement on a plain connection.
 * A transaction and a Hibernate session around it were a sixth of the catalog's CPU per list (JFR), and a read of one
 * row needs neither. Always read, never cached, so every instance sees a clinic-admin's change at once.
 */
@ApplicationScoped
public class TailoringVersions {

    @Inject
    AgroalDataSource dataSource;

    public long of(String clinicId) {
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

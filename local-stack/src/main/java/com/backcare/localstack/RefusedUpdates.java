package com.backcare.localstack;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * For tests that a write path inserts its rows complete: while open, any UPDATE of one clinic's rows of a table fails
 * the transaction that makes it (Hibernate inserts what an entity held when it was persisted, so an entity persisted
 * early and filled in afterwards costs an UPDATE).
 */
public final class RefusedUpdates implements AutoCloseable {

    private final DataSource dataSource;
    private final String table;
    private final String trigger;

    private RefusedUpdates(DataSource dataSource, String table, String trigger) {
        this.dataSource = dataSource;
        this.table = table;
        this.trigger = trigger;
    }

    /** Refuses every UPDATE of the table's rows whose {@code clinic_id} is the clinic's, until closed. */
    public static RefusedUpdates of(DataSource dataSource, String table, String clinicId) throws SQLException {
        if (!table.matches("[a-z_]+") || !clinicId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("table " + table + ", clinic " + clinicId);
        }
        String trigger = "refuse_update_" + clinicId.replace('-', '_').toLowerCase();
        run(dataSource, "CREATE OR REPLACE FUNCTION refuse_update() RETURNS trigger AS $$ BEGIN "
                + "RAISE EXCEPTION '% of clinic % updated', TG_TABLE_NAME, OLD.clinic_id; END $$ LANGUAGE plpgsql");
        run(dataSource, "CREATE TRIGGER " + trigger + " BEFORE UPDATE ON " + table + " FOR EACH ROW WHEN "
                + "(OLD.clinic_id = '" + clinicId + "') EXECUTE FUNCTION refuse_update()");
        return new RefusedUpdates(dataSource, table, trigger);
    }

    @Override
    public void close() throws SQLException {
        run(dataSource, "DROP TRIGGER " + trigger + " ON " + table);
    }

    private static void run(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(sql);
        }
    }
}

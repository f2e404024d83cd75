package com.backcare.localstack;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

/** Checks of a service's {@code outbox_event} table that every service with an outbox makes alike. */
public final class OutboxTables {

    private OutboxTables() {
    }

    /**
     * How long a VACUUM of the outbox takes while a write in progress holds the table's ROW EXCLUSIVE lock, with dead
     * rows at the table's end (inserted by a transaction that rolled back, so no relay ever sees them): the vacuum
     * would give those pages back to the operating system if it may truncate the table, for which it waits for an
     * exclusive lock.
     */
    public static Duration vacuumWhileAWriteHoldsItsLock(DataSource dataSource) throws SQLException {
        try (Connection writer = dataSource.getConnection(); Connection vacuum = dataSource.getConnection();
                Statement writes = writer.createStatement(); Statement vacuums = vacuum.createStatement()) {
            writer.setAutoCommit(false);
            writes.execute("INSERT INTO outbox_event (event_id, topic, message_key, payload, created_at) "
                    + "SELECT gen_random_uuid(), 'never-sent', 'k', repeat('x', 500), now() FROM generate_series(1, 3000)");
            writer.rollback();
            writes.execute("LOCK TABLE outbox_event IN ROW EXCLUSIVE MODE");
            try {
                vacuum.setAutoCommit(true);
                long start = System.nanoTime();
                vacuums.execute("VACUUM outbox_event");
                return Duration.ofNanos(System.nanoTime() - start);
            } finally {
                writer.rollback();
            }
        }
    }
}

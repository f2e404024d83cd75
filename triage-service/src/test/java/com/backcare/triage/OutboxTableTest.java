package com.backcare.triage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox is a queue that every alert change inserts into. Vacuuming it must not queue behind those writes: giving its
 * emptied tail pages back to the operating system needs an exclusive lock on the table, which vacuum keeps trying to
 * get for up to 5 s while writes hold theirs, and which every poll then waits behind once vacuum has it.
 */
@QuarkusTest
class OutboxTableTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void vacuumingTheOutboxDoesNotWaitForTheLockThatWritesHold() throws Exception {
        try (Connection writer = dataSource.getConnection(); Connection vacuum = dataSource.getConnection();
                Statement writes = writer.createStatement(); Statement vacuums = vacuum.createStatement()) {
            // Dead rows at the table's end (inserted by a transaction that rolled back, so the relay never sees them).
            writer.setAutoCommit(false);
            writes.execute("INSERT INTO outbox_event (event_id, topic, message_key, payload, created_at) "
                    + "SELECT gen_random_uuid(), 'never-sent', 'k', repeat('x', 500), now() FROM generate_series(1, 3000)");
            writer.rollback();
            // A write in progress: it holds the table's ROW EXCLUSIVE lock until it ends.
            writes.execute("LOCK TABLE outbox_event IN ROW EXCLUSIVE MODE");

            vacuum.setAutoCommit(true);
            long start = System.nanoTime();
            vacuums.execute("VACUUM outbox_event");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            writer.rollback();

            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "vacuum waited " + took.toMillis()
                    + " ms for the lock a write held");
        }
    }
}

package com.backcare.triage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.OutboxTables;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox is a queue that every alert change inserts into. Vacuuming it must not queue behind those writes:
 * giving its emptied tail pages back to the operating system needs an exclusive lock on the table, which vacuum keeps
 * trying to get for up to 5 s while writes hold theirs, and which every poll then waits behind once vacuum has it.
 */
@QuarkusTest
class OutboxTableTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void vacuumingTheOutboxDoesNotWaitForTheLockThatWritesHold() throws Exception {
        Duration took = OutboxTables.vacuumWhileAWriteHoldsItsLock(dataSource);

        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "vacuum waited " + took.toMillis()
                + " ms for the lock a write held");
    }
}

package com.backcare.commons.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the outbox table small under load. Every row is inserted and deleted within moments, so the table is a queue:
 * nearly empty, yet its dead rows pile up between autovacuum's visits (once a minute per database by default). The
 * journal benchmark measured it at 200 writes/s: up to 11,600 dead rows and 14 MB for a table of a few live rows, which
 * each relay poll walks past. So each instance vacuums it itself once more than 1,000 rows (by default) are dead,
 * checking every few seconds; a vacuum of so small a table takes milliseconds and locks nothing the relay needs (the
 * services' migrations turn off its truncation of the table: giving emptied pages back wants an exclusive lock, which a
 * vacuum waited up to 5 s for while writes held theirs, 245-437 µs of PostgreSQL's time per red flag at 200/s).
 * {@code backcare.outbox.vacuum-dead-rows} sets the threshold (0 leaves the table to autovacuum alone).
 */
@ApplicationScoped
@IfBuildProperty(name = "backcare.outbox.enabled", stringValue = "true")
public class OutboxVacuum {

    private static final Logger LOG = Logger.getLogger(OutboxVacuum.class);
    private static final long CHECK_EVERY_SECONDS = 5;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxConfig config;

    private ScheduledExecutorService vacuum;

    void start(@Observes StartupEvent event) {
        if (config.vacuumDeadRows() <= 0) {
            return;
        }
        vacuum = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-vacuum");
            thread.setDaemon(true);
            return thread;
        });
        vacuum.scheduleWithFixedDelay(this::vacuumIfBloated, CHECK_EVERY_SECONDS, CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (vacuum != null) {
            vacuum.shutdownNow();
        }
    }

    /** VACUUM cannot run inside a transaction: a plain connection in autocommit, outside JTA. */
    void vacuumIfBloated() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            long dead;
            try (ResultSet rs = statement.executeQuery(
                    "SELECT coalesce(n_dead_tup, 0) FROM pg_stat_user_tables WHERE relname = 'outbox_event'")) {
                dead = rs.next() ? rs.getLong(1) : 0;
            }
            if (dead > config.vacuumDeadRows()) {
                statement.execute("VACUUM outbox_event");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Outbox vacuum skipped: %s", e.getMessage()); // autovacuum still runs; next check in seconds
        }
    }
}

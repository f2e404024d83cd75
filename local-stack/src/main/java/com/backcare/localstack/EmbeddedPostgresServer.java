package com.backcare.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's packaged binaries) owned by this JVM. Each service gets its own
 * database and login role, as in production, where the services never share a schema.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /**
     * Set to true, the server counts every statement (pg_stat_statements), so that a benchmark can report what each
     * database did per request or event; off by default, since the counting has a cost of its own.
     */
    public static final String STATEMENT_STATS = "backcare.postgres.statement-stats";

    private final int port;
    private final Path dataDir;
    private EmbeddedPostgres postgres;
    private boolean countsStatements;

    public EmbeddedPostgresServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    public synchronized EmbeddedPostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            countsStatements = Boolean.getBoolean(STATEMENT_STATS);
            if (countsStatements) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            postgres = builder
                    .setPort(port)
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** Creates the database and its owner role (password = name) unless they exist. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name + " OWNER " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /** How many times a database ran one statement, and the time it spent executing it (planning excluded). */
    public record StatementCount(String database, String statement, long calls, double executionMillis) {
    }

    /**
     * The statements each database has run since the last call, most frequent first; empty unless
     * {@link #STATEMENT_STATS} was set when the server started. Each call starts the count again.
     */
    public synchronized java.util.List<StatementCount> statementsSinceLastAsked() {
        if (!countsStatements) {
            return java.util.List.of();
        }
        java.util.List<StatementCount> counts = new java.util.ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rs = s.executeQuery("SELECT d.datname, s.query, s.calls, s.total_exec_time FROM pg_stat_statements s "
                    + "JOIN pg_database d ON d.oid = s.dbid ORDER BY s.calls DESC")) {
                while (rs.next()) {
                    counts.add(new StatementCount(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getDouble(4)));
                }
            }
            s.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the statement counts", e);
        }
        return counts;
    }

    /**
     * CPU time the server has used so far: the postmaster and its live processes (backends, background workers).
     * A backend that has exited is no longer counted, so measure across pooled connections.
     */
    public java.time.Duration cpuTime() {
        return postmaster().map(server -> java.util.stream.Stream.concat(java.util.stream.Stream.of(server),
                server.descendants()).map(p -> p.info().totalCpuDuration().orElse(java.time.Duration.ZERO))
                .reduce(java.time.Duration.ZERO, java.time.Duration::plus)).orElse(java.time.Duration.ZERO);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        java.util.Optional<ProcessHandle> postmaster = postmaster();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
        }
        // pg_ctl gives up waiting after 5 s, while the server goes on shutting down (its checkpoint can take longer on
        // a busy disk); a start before it is gone would find the port and the data folder still held.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (postmaster.filter(ProcessHandle::isAlive).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL had not stopped 2 minutes after its fast shutdown");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL stopped", e);
            }
        }
    }

    private java.util.Optional<ProcessHandle> postmaster() {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        stop();
    }
}

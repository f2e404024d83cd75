package com.backcare.system.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own pgbench running the journal's write statement (entry, first revision and outbox row in one
 * statement, as {@code EntryWrites} sends it) on the benchmark's server, into copies of the journal's tables (same
 * columns and indexes, in schema {@code anchor}): what the database alone can do. pgbench is
 * not part of the project (the embedded server ships none); when the machine lacks it, the anchor says so.
 */
final class PgbenchAnchor {

    private static final String SCRIPT = """
            WITH entry AS (
                INSERT INTO anchor.pain_entry (id, clinic_id, patient_id, recorded_at, intensity, report, revision,
                                        created_at, created_by, updated_at, updated_by)
                SELECT gen_random_uuid(), 'clinic-pgbench', 'pat-' || (random() * 500)::int, now(), 5,
                       CAST(:report AS jsonb), 1, now(), 'pgbench', now(), 'pgbench'
                RETURNING id
            ), revision AS (
                INSERT INTO anchor.pain_entry_revision (entry_id, revision, action, changed_at, changed_by, changed_by_role,
                                                 changed_fields, report)
                SELECT id, 1, 'RECORDED', now(), 'pgbench', 'patient', CAST('[]' AS jsonb), CAST(:report AS jsonb) FROM entry
            ), outbox AS (
                INSERT INTO anchor.outbox_event (event_id, topic, message_key, payload, created_at)
                SELECT gen_random_uuid(), 'pgbench.anchor', 'pgbench', :report, now() FROM entry
            )
            SELECT count(*) FROM entry;
            """;

    /** Copies of the journal's tables with their indexes, so the anchor's rows never reach the service's relay. */
    private static final String SETUP = """
            CREATE SCHEMA IF NOT EXISTS anchor;
            CREATE TABLE IF NOT EXISTS anchor.pain_entry (LIKE public.pain_entry INCLUDING ALL);
            CREATE TABLE IF NOT EXISTS anchor.pain_entry_revision (LIKE public.pain_entry_revision INCLUDING ALL);
            CREATE TABLE IF NOT EXISTS anchor.outbox_event (LIKE public.outbox_event INCLUDING ALL);
            """;

    private PgbenchAnchor() {
    }

    /** Transactions per second of the journal's write statement with {@code clients} connections for {@code seconds}. */
    static String journalWrite(int port, String reportJson, int clients, int seconds) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/journal",
                "journal", "journal"); java.sql.Statement s = c.createStatement()) {
            s.execute(SETUP);
        }
        Path script = Files.createTempFile("journal-write", ".sql");
        // pgbench variables are substituted as text: quote the JSON as one SQL literal
        Files.writeString(script, SCRIPT.replace(":report", "'" + reportJson.replace("\n", " ").replace("'", "''") + "'"));
        List<String> command = List.of("pgbench", "-n", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "journal",
                "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-f", script.toString(),
                "journal");
        Process p;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", "journal");
            p = builder.start();
        } catch (java.io.IOException e) {
            return "pgbench: not installed on this machine, no anchor";
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                lines.add(line);
            }
        }
        p.waitFor(seconds + 60L, TimeUnit.SECONDS);
        String tps = lines.stream().filter(l -> l.startsWith("tps")).findFirst().orElse(String.join(" / ", lines));
        String latency = lines.stream().filter(l -> l.startsWith("latency average")).findFirst().orElse("");
        return "pgbench, the journal's write statement, " + clients + " connections, " + seconds + " s: **" + tps.trim()
                + "**; " + latency.trim();
    }
}

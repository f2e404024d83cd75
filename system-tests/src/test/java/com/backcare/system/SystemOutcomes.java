package com.backcare.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.backcare.events.EventEnvelope;
import com.backcare.events.Topics;
import com.backcare.localstack.LocalSystem;
import com.backcare.localstack.RawTopicReader;

/**
 * What a clinic's journal ({@link FaultWorkload}) came to in a running system, read from its databases and topics:
 * the checks the fault suite and the scale-out test make after each disturbance.
 */
final class SystemOutcomes {

    private final LocalSystem system;

    SystemOutcomes(LocalSystem system) {
        this.system = system;
    }

    /** What a clinic's journal came to: its figures, once every check has passed. */
    record Figures(int acknowledged, int lost, int duplicated, int resent, int retried, double recoveredSeconds) {
    }

    /**
     * Checks that the clinic ends as an undisturbed one: every acknowledged entry stored once and published, applied
     * once by triage and the catalog, the same alerts, nothing good dead-lettered, no lag; returns its figures.
     */
    Figures endsAs(List<String> undisturbedAlerts, String clinic, FaultWorkload workload, long faultEnded)
            throws Exception {
        double recovered = awaitApplied(clinic, faultEnded);
        assertEquals(FaultWorkload.TOTAL, workload.acknowledged.size(), "every entry was acknowledged in the end");
        List<String> stored = query("journal", "SELECT id::text FROM pain_entry WHERE clinic_id = ?", clinic);
        assertEquals(workload.acknowledged, new HashSet<>(stored), "the journal holds exactly the acknowledged entries");
        int lost = (int) workload.acknowledged.stream().filter(id -> !stored.contains(id)).count();
        int duplicated = stored.size() - new HashSet<>(stored).size();

        List<EventEnvelope> published = publishedEvents(clinic);
        Set<String> publishedEntries = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        for (EventEnvelope event : published) {
            eventIds.add(event.id());
            publishedEntries.add(event.data().path("entryId").asText());
        }
        assertTrue(publishedEntries.containsAll(workload.acknowledged), "every acknowledged entry was published");
        int resent = published.size() - eventIds.size();

        assertEquals(FaultWorkload.TOTAL, entriesIn("triage", clinic), "triage applied each entry once");
        assertEquals(FaultWorkload.TOTAL, entriesIn("catalog", clinic), "the catalog applied each entry once");
        assertEquals(undisturbedAlerts, alertsOf(clinic), "the same alerts as the undisturbed clinic");
        for (String deadLetters : List.of(Topics.TRIAGE_DEAD_LETTERS, Topics.CATALOG_JOURNAL_DEAD_LETTERS)) {
            assertEquals(0, deadLettersOf(deadLetters, clinic), "no good event of " + clinic + " in " + deadLetters);
        }
        for (String group : List.of("triage-service", "catalog-service")) {
            awaitNoLag(group);
        }
        return new Figures(workload.acknowledged.size(), lost, duplicated, resent, workload.retried.get(), recovered);
    }

    /** Waits until triage and the catalog hold all of the clinic's entries; seconds from {@code since}. */
    double awaitApplied(String clinic, long since) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                if (entriesIn("triage", clinic) == FaultWorkload.TOTAL && entriesIn("catalog", clinic) == FaultWorkload.TOTAL) {
                    return (System.nanoTime() - since) / 1e9;
                }
            } catch (java.sql.SQLException e) {
                // PostgreSQL still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("triage and the catalog did not apply " + clinic + "'s entries within 3 minutes");
    }

    /** How many of the clinic's entries a consumer's database holds (one row per entry in each). */
    int entriesIn(String database, String clinic) throws java.sql.SQLException {
        String table = database.equals("triage") ? "patient_entry" : "patient_entry_digest";
        return Integer.parseInt(query(database, "SELECT count(*)::text FROM " + table + " WHERE clinic_id = ?", clinic).get(0));
    }

    void awaitPublished(String clinic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (publishedEvents(clinic).size() < FaultWorkload.TOTAL) {
            assertTrue(System.nanoTime() < deadline, "the journal published " + clinic + "'s entries");
            Thread.sleep(500);
        }
    }

    /** One line per alert, without its clinic: patient, rule, tier, status, occurrences, evidence entries. */
    List<String> alertsOf(String clinic) throws Exception {
        return query("triage", "SELECT patient_id || ' ' || rule || ' ' || tier || ' ' || status || ' ' || occurrences "
                + "|| ' ' || jsonb_array_length(evidence) FROM alert WHERE clinic_id = ? ORDER BY 1", clinic);
    }

    List<EventEnvelope> publishedEvents(String clinic) {
        try (RawTopicReader reader = new RawTopicReader(system.kafka().bootstrapServers(), Topics.JOURNAL_EVENTS)) {
            List<EventEnvelope> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : reader.await(r -> true, Integer.MAX_VALUE, Duration.ofSeconds(3))) {
                try {
                    EventEnvelope event = EventEnvelope.decode(new String(r.value(), StandardCharsets.UTF_8));
                    if (clinic.equals(event.clinicid())) {
                        events.add(event);
                    }
                } catch (RuntimeException poison) {
                    // the poison test's records
                }
            }
            return events;
        }
    }

    long deadLettersOf(String topic, String clinic) {
        try (RawTopicReader reader = new RawTopicReader(system.kafka().bootstrapServers(), topic)) {
            return reader.await(r -> true, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"clinicid\":\"" + clinic + "\""))
                    .count();
        }
    }

    void awaitNoLag(String group) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", system.kafka().bootstrapServers()))) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                var ends = admin.listOffsets(committed.keySet().stream().filter(tp -> tp.topic().equals(Topics.JOURNAL_EVENTS))
                        .collect(java.util.stream.Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
                long lag = ends.entrySet().stream().mapToLong(e -> e.getValue().offset() - committed.get(e.getKey()).offset())
                        .sum();
                if (lag == 0 && !ends.isEmpty()) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, group + " still lags by " + lag);
                Thread.sleep(500);
            }
        }
    }

    List<String> query(String database, String sql, String parameter) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection(system.postgres().jdbcUrl(database), database, database);
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }
}

package com.backcare.system.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where a red flag's time went, hop by hop (wall clock, ms, one machine): the journal's 201 until its event is on
 * Kafka (the journal's outbox relay), until triage made the status event (consumed and applied the entry), until the
 * status is on Kafka (triage's outbox relay), until the watcher received it. The 201 reaches the driver after the
 * commit, so the first hop can come out as 0 when the relay was quicker than the response.
 */
final class AlertPath {

    private final Recorder journalRelay = new Recorder(3);
    private final Recorder triageApply = new Recorder(3);
    private final Recorder triageRelay = new Recorder(3);
    private final Recorder delivery = new Recorder(3);

    void record(long createdMillis, EmergencyWatcher.Seen seen) {
        if (seen.journalOnKafka() > 0) {
            journalRelay.recordValue(Math.max(0, seen.journalOnKafka() - createdMillis));
            triageApply.recordValue(Math.max(0, seen.statusMade() - seen.journalOnKafka()));
        }
        triageRelay.recordValue(Math.max(0, seen.statusOnKafka() - seen.statusMade()));
        delivery.recordValue(Math.max(0, seen.arrived() - seen.statusOnKafka()));
    }

    /** The table's header: one p50 / p99 pair per hop. */
    static String header() {
        return "| 201 → journal event on Kafka p50 / p99 | → triage applied it | → status on Kafka | → subscriber (ms) |";
    }

    /** p50 / p99 of each hop since the last call. */
    String cells() {
        return "| %s | %s | %s | %s |".formatted(pair(journalRelay.getIntervalHistogram()),
                pair(triageApply.getIntervalHistogram()), pair(triageRelay.getIntervalHistogram()),
                pair(delivery.getIntervalHistogram()));
    }

    private static String pair(Histogram h) {
        return h.getTotalCount() == 0 ? "-" : h.getValueAtPercentile(50) + " / " + h.getValueAtPercentile(99);
    }
}

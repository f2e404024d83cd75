package com.backcare.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PainReportTest {

    @Test
    void aReportIsTimedToTheMicrosecondThatPostgresqlStores() throws Exception {
        PainReport report = EventJson.mapper().readValue(
                "{\"recordedAt\": \"2026-11-20T08:00:00.123456789Z\", \"intensity\": 4}", PainReport.class);
        assertEquals(Instant.parse("2026-11-20T08:00:00.123456Z"), report.recordedAt());
        assertEquals(Instant.parse("2026-11-20T08:00:00.000001Z"),
                report.withRecordedAt(Instant.parse("2026-11-20T08:00:00.000001999Z")).recordedAt());
    }
}

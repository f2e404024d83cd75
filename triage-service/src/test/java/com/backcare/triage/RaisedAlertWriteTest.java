package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PainReport;
import com.backcare.localstack.RefusedUpdates;
import com.backcare.triage.domain.TriageService;
import com.backcare.triage.persistence.AlertEntity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Raising an alert writes its row once, complete with its count and evidence: Hibernate inserts what an entity held
 * when it was persisted, so an alert persisted early and filled in afterwards cost an UPDATE on every red flag.
 */
@QuarkusTest
class RaisedAlertWriteTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TriageService triage;

    @Test
    void aRedFlagInsertsItsAlertCompleteAndNeverUpdatesIt() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        UUID entryId = UUID.randomUUID();
        try (var refused = RefusedUpdates.of(dataSource, "alert", clinic)) {
            PainReport report = EventJson.mapper().readValue("{\"recordedAt\": \"" + Instant.now().minusSeconds(60)
                    + "\", \"intensity\": 6, \"associatedSymptoms\": [{\"code\": \"BLADDER_DYSFUNCTION\"}]}", PainReport.class);
            EventEnvelope event = EventEnvelope.of(EventType.ENTRY_RECORDED, "/test", clinic, patient, Instant.now(),
                    EventJson.mapper().valueToTree(new EntryEventData(entryId.toString(), 1, report)));

            triage.applyAll(List.of(triage.check(event)));
        }

        List<AlertEntity> open = QuarkusTransaction.requiringNew().call(() -> AlertEntity.openForPatient(clinic, patient));
        assertEquals(1, open.size());
        assertEquals(1, open.get(0).occurrences);
        assertEquals(List.of(entryId), open.get(0).evidence);
    }
}

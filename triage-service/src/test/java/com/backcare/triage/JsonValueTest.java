package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.engine.spi.SessionImplementor;
import org.junit.jupiter.api.Test;

import com.backcare.events.EntryEventData;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PainReport;
import com.backcare.triage.domain.TriageService;
import com.backcare.triage.persistence.AlertEntity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A JSON column is a value that code replaces, never changes in place: Hibernate keeps what it loaded as its snapshot
 * instead of a copy made by writing the value to JSON and parsing it back (5% of triage's JFR samples draining a backlog), and
 * a replaced value is still written.
 */
@QuarkusTest
class JsonValueTest {

    @Inject
    EntityManager em;
    @Inject
    TriageService triage;

    @Test
    void aLoadedAlertsEvidenceIsItsOwnSnapshotNotACopy() throws Exception {
        Alerted alerted = raiseAlert();
        QuarkusTransaction.requiringNew().run(() -> {
            AlertEntity alert = AlertEntity.openForPatient(alerted.clinic(), alerted.patient()).get(0);
            Object snapshot = em.unwrap(SessionImplementor.class).getPersistenceContextInternal().getEntry(alert)
                    .getLoadedValue("evidence");
            assertSame(alert.evidence, snapshot);
        });
    }

    @Test
    void evidenceReplacedOnALoadedAlertIsWritten() throws Exception {
        Alerted alerted = raiseAlert();
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> AlertEntity.openForPatient(alerted.clinic(), alerted.patient())
                .get(0).evidence = List.of(alerted.entry(), other));
        List<AlertEntity> open = QuarkusTransaction.requiringNew()
                .call(() -> AlertEntity.openForPatient(alerted.clinic(), alerted.patient()));
        assertEquals(List.of(alerted.entry(), other), open.get(0).evidence);
    }

    private record Alerted(String clinic, String patient, UUID entry) {
    }

    private Alerted raiseAlert() throws Exception {
        Alerted alerted = new Alerted(newId("clinic"), newId("pat"), UUID.randomUUID());
        PainReport report = EventJson.mapper().readValue("{\"recordedAt\": \"" + Instant.now().minusSeconds(60)
                + "\", \"intensity\": 6, \"associatedSymptoms\": [{\"code\": \"BLADDER_DYSFUNCTION\"}]}", PainReport.class);
        EventEnvelope event = EventEnvelope.of(EventType.ENTRY_RECORDED, "/test", alerted.clinic(), alerted.patient(),
                Instant.now(), EventJson.mapper().valueToTree(new EntryEventData(alerted.entry().toString(), 1, report)));
        triage.applyAll(List.of(triage.check(event)));
        assertEquals(List.of(alerted.entry()),
                QuarkusTransaction.requiringNew().call(() -> AlertEntity.openForPatient(alerted.clinic(), alerted.patient()))
                        .get(0).evidence);
        return alerted;
    }
}

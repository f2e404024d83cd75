package com.backcare.catalog;

import static com.backcare.localstack.Callers.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.backcare.catalog.domain.PatientSignals;
import com.backcare.catalog.persistence.PatientStateEntity;
import com.backcare.commons.persistence.PatientKey;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PatientStatusEventData;
import com.backcare.localstack.RefusedUpdates;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A patient the catalog has not seen gets its state written once, complete: persisted empty and filled in afterwards,
 * it cost an INSERT and an UPDATE (and a SELECT) for every new patient's first status.
 */
@QuarkusTest
class PatientStateWriteTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PatientSignals signals;

    @Test
    void aNewPatientsFirstStatusInsertsTheirStateCompleteAndNeverUpdatesIt() throws Exception {
        String clinic = newId("clinic");
        String patient = newId("pat");
        try (var refused = RefusedUpdates.of(dataSource, "patient_state", clinic)) {
            signals.applyAll(List.of(signals.check(status(clinic, patient, "EMERGENCY")),
                    signals.check(status(clinic, newId("pat"), "NONE"))));
        }

        PatientStateEntity state = QuarkusTransaction.requiringNew().call(() -> PatientStateEntity.findById(
                new PatientKey(clinic, patient)));
        assertEquals("EMERGENCY", state.triageTier);
        assertEquals(List.of("Seek care today"), state.triageAdvice);
    }

    @Test
    void aKnownPatientsLaterStatusReplacesTheStoredOne() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        signals.applyAll(List.of(signals.check(status(clinic, patient, "URGENT"))));
        signals.applyAll(List.of(signals.check(status(clinic, patient, "NONE"))));

        PatientStateEntity state = QuarkusTransaction.requiringNew().call(() -> PatientStateEntity.findById(
                new PatientKey(clinic, patient)));
        assertEquals("NONE", state.triageTier);
    }

    private static EventEnvelope status(String clinic, String patient, String tier) {
        return EventEnvelope.of(EventType.PATIENT_STATUS_CHANGED, "/test", clinic, patient, Instant.now(),
                EventJson.mapper().valueToTree(new PatientStatusEventData(tier, "NONE", List.of(), List.of("Seek care today"))));
    }
}

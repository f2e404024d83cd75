package com.backcare.catalog;

import static com.backcare.localstack.Callers.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.backcare.catalog.domain.PatientSignals;
import com.backcare.catalog.persistence.PatientStateEntity;
import com.backcare.commons.persistence.PatientKey;
import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.EventType;
import com.backcare.events.PatientStatusEventData;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A patient the catalog has not seen gets its state written once, complete: persisted empty and filled in afterwards,
 * it cost an INSERT and an UPDATE (and a SELECT) for every new patient's first status.
 */
@QuarkusTest
class PatientStateWriteTest {

    @Inject
    EntityManager em;
    @Inject
    PatientSignals signals;

    @Test
    void aNewPatientsFirstStatusInsertsTheirStateCompleteAndNeverUpdatesIt() {
        String clinic = newId("clinic");
        String patient = newId("pat");
        String trigger = "refuse_state_update_" + clinic.replace('-', '_');
        // Any UPDATE of this clinic's patient states fails the transaction that makes it.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("CREATE OR REPLACE FUNCTION refuse_state_update() RETURNS trigger AS $$ BEGIN "
                    + "RAISE EXCEPTION 'patient state % updated', OLD.patient_id; END $$ LANGUAGE plpgsql").executeUpdate();
            em.createNativeQuery("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON patient_state FOR EACH ROW WHEN "
                    + "(OLD.clinic_id = '" + clinic + "') EXECUTE FUNCTION refuse_state_update()").executeUpdate();
        });
        try {
            signals.applyAll(List.of(signals.check(status(clinic, patient, "EMERGENCY")),
                    signals.check(status(clinic, newId("pat"), "NONE"))));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DROP TRIGGER " + trigger
                    + " ON patient_state").executeUpdate());
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

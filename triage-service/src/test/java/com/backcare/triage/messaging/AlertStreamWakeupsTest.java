package com.backcare.triage.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** An alert change heard wakes its clinic's streams and its own patient's, no one else's. */
class AlertStreamWakeupsTest {

    private final AlertStreamWakeups wakeups = new AlertStreamWakeups();

    private void commit(String clinic, String patient) {
        wakeups.changed(clinic, patient);
    }

    @Test
    void aChangeWakesItsPatientsStreamsAndItsClinicsButNotAnotherPatients() {
        AssertSubscriber<Instant> ann = wakeups.ofPatient("c1", "ann").subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<Instant> bob = wakeups.ofPatient("c1", "bob").subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<Instant> clinic = wakeups.ofClinic("c1").subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<Instant> otherClinic = wakeups.ofClinic("c2").subscribe()
                .withSubscriber(AssertSubscriber.create(10));

        commit("c1", "ann");
        commit("c1", "ann");
        commit("c2", "bob"); // another clinic's patient of the same name

        assertEquals(2, ann.getItems().size());
        assertEquals(0, bob.getItems().size());
        assertEquals(2, clinic.getItems().size());
        assertEquals(1, otherClinic.getItems().size());
    }

    @Test
    void aSourceLivesWhileSomeoneListensAndGoesWithTheLastStream() {
        AssertSubscriber<Instant> first = wakeups.ofPatient("c1", "ann").subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<Instant> second = wakeups.ofPatient("c1", "ann").subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        assertEquals(1, wakeups.sources());

        first.cancel();
        commit("c1", "ann");
        assertEquals(1, second.getItems().size(), "the other stream still hears");
        assertEquals(1, wakeups.sources());

        wakeups.wakeAll();
        assertEquals(2, second.getItems().size(), "after a time unheard, every open stream looks");

        second.cancel();
        assertEquals(0, wakeups.sources(), "nothing is kept for a patient no one watches");
        commit("c1", "ann");
    }

    @Test
    void streamsMayTrustTheirWakeUpsOnlyWhileEveryChangeIsHeard() {
        assertEquals(false, wakeups.hearsEveryChange(), "nothing is heard before a listener says so");
        java.util.concurrent.atomic.AtomicBoolean listening = new java.util.concurrent.atomic.AtomicBoolean(true);
        wakeups.hearing(listening::get);
        assertEquals(true, wakeups.hearsEveryChange());
        listening.set(false); // the listening connection dropped
        assertEquals(false, wakeups.hearsEveryChange());
    }
}

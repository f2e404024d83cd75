package com.backcare.triage.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.backcare.triage.domain.Reconciliation.Current;
import com.backcare.triage.domain.Reconciliation.FindingKey;
import com.backcare.triage.domain.Reconciliation.Plan;
import com.backcare.triage.domain.Reconciliation.Stored;

/** The pure step of re-evaluation, without a database: stored findings and new findings in, changes out. */
class ReconciliationPlanTest {

    private static final UUID ALERT = UUID.randomUUID();
    private static final UUID ENTRY = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final FindingKey BLADDER = new FindingKey("CES_BLADDER", ENTRY);

    private static Current found(UUID... evidence) {
        return new Current(new Finding("CES_BLADDER", Tier.EMERGENCY, "reason", "advice", List.of(evidence)),
                Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void aFindingSeenForTheFirstTimeIsActivatedAndMovesNoExistingAlert() {
        Plan plan = Reconciliation.of(Map.of(), Map.of(BLADDER, found(ENTRY)));
        assertEquals(Set.of(BLADDER), plan.activate().keySet());
        assertTrue(plan.withdraw().isEmpty());
        assertTrue(plan.moves().isEmpty(), "the caller attaches it to the rule's open alert or raises one");
    }

    @Test
    void aFindingNoLongerProducedIsWithdrawnFromItsAlert() {
        Plan plan = Reconciliation.of(Map.of(BLADDER, new Stored(ALERT, List.of(ENTRY), true)), Map.of());
        assertEquals(Set.of(BLADDER), plan.withdraw());
        assertEquals(1, plan.moves().get(ALERT).withdrawn());
        assertTrue(plan.activate().isEmpty());
    }

    @Test
    void aFindingAlreadyWithdrawnIsNotWithdrawnTwice() {
        Plan plan = Reconciliation.of(Map.of(BLADDER, new Stored(ALERT, List.of(ENTRY), false)), Map.of());
        assertTrue(plan.withdraw().isEmpty());
        assertTrue(plan.moves().isEmpty());
    }

    @Test
    void aWithdrawnFindingProducedAgainIsActivatedAgain() {
        Plan plan = Reconciliation.of(Map.of(BLADDER, new Stored(ALERT, List.of(ENTRY), false)),
                Map.of(BLADDER, found(ENTRY)));
        assertEquals(Set.of(BLADDER), plan.activate().keySet());
    }

    @Test
    void aFindingThatStillHoldsWithTheSameEvidenceChangesNothing() {
        Plan plan = Reconciliation.of(Map.of(BLADDER, new Stored(ALERT, List.of(ENTRY), true)),
                Map.of(BLADDER, found(ENTRY)));
        assertTrue(plan.activate().isEmpty());
        assertTrue(plan.withdraw().isEmpty());
        assertTrue(plan.reEvidenced().isEmpty());
        assertTrue(plan.moves().isEmpty());
    }

    @Test
    void evidenceThatGrowsOrShrinksIsRecordedAsAddedOrWithdrawn() {
        Plan grown = Reconciliation.of(Map.of(BLADDER, new Stored(ALERT, List.of(ENTRY), true)),
                Map.of(BLADDER, found(ENTRY, OTHER)));
        assertEquals(List.of(ENTRY, OTHER), grown.reEvidenced().get(BLADDER));
        assertTrue(grown.moves().get(ALERT).evidenceAdded());
        assertFalse(grown.moves().get(ALERT).evidenceWithdrawn());

        Plan shrunk = Reconciliation.of(Map.of(BLADDER, new Stored(ALERT, List.of(ENTRY, OTHER), true)),
                Map.of(BLADDER, found(ENTRY)));
        assertFalse(shrunk.moves().get(ALERT).evidenceAdded());
        assertTrue(shrunk.moves().get(ALERT).evidenceWithdrawn());
        assertEquals(0, shrunk.moves().get(ALERT).withdrawn(), "the finding itself still holds");
    }
}

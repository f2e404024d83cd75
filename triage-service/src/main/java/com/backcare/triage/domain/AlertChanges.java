package com.backcare.triage.domain;

import java.time.Instant;
import java.util.List;

import com.backcare.triage.persistence.AlertEntity;

/**
 * Where an alert change goes once decided: its history (and the live stream), the alert event, each webhook of the
 * clinic, and the patient's status. One port, so the rules and the lifecycle never know how changes are published;
 * every method joins the caller's transaction, so a change commits with all its notifications or not at all.
 */
public interface AlertChanges {

    /**
     * Records that the rules raised the alert, everywhere a change goes. {@code causedAt}: when the journal committed
     * the event that raised it, the start of the alert's latency.
     */
    void raised(AlertEntity alert, Instant causedAt, Instant at);

    /** Records one change of the alert everywhere it must go. */
    void record(AlertEntity alert, String change, String actor, String note, Instant at);

    /** The patient's status now: the highest tier among their open alerts, or NONE. */
    String statusOf(String clinicId, String patientId);

    /** Publishes the patient's status when it differs from {@code before}. */
    void statusIfChanged(String clinicId, String patientId, String before, Instant at);

    /**
     * Publishes the patient's status when it differs from {@code before}, given the open alerts now, most urgent first
     * ({@link AlertEntity#MOST_URGENT_FIRST}), when the caller knows them without asking the database again.
     */
    void statusIfChanged(String clinicId, String patientId, String before, List<AlertEntity> openNow, Instant at);
}

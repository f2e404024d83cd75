package com.backcare.events;

/** The Kafka topics of the system. Every record is keyed by patient id so each patient's events stay in order. */
public final class Topics {

    /** Journal entry and profile changes, produced by journal-service through its outbox. */
    public static final String JOURNAL_EVENTS = "backcare.journal.events";
    /** Alert lifecycle changes, produced by triage-service. */
    public static final String ALERT_EVENTS = "backcare.triage.alerts";
    /** A patient's highest open alert tier, produced by triage-service when it changes. */
    public static final String PATIENT_STATUS_EVENTS = "backcare.triage.patient-status";
    /** Journal events that triage-service could not decode or validate, with the reason in the headers. */
    public static final String TRIAGE_DEAD_LETTERS = "backcare.triage.journal-events.dlq";
    /** Journal events that catalog-service could not decode or validate. */
    public static final String CATALOG_JOURNAL_DEAD_LETTERS = "backcare.catalog.journal-events.dlq";
    /** Patient-status events that catalog-service could not decode or validate. */
    public static final String CATALOG_STATUS_DEAD_LETTERS = "backcare.catalog.patient-status.dlq";

    private Topics() {
    }
}

package com.backcare.triage.domain;

/** An alert's lifecycle: OPEN, then ACKNOWLEDGED by a clinician, then RESOLVED with a note. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}

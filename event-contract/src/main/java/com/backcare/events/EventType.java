package com.backcare.events;

/** Every event type of the system, with its schema version and the topic it travels on. */
public enum EventType {
    ENTRY_RECORDED("com.backcare.journal.entry.recorded", 1, Topics.JOURNAL_EVENTS),
    ENTRY_CORRECTED("com.backcare.journal.entry.corrected", 1, Topics.JOURNAL_EVENTS),
    ENTRY_DELETED("com.backcare.journal.entry.deleted", 1, Topics.JOURNAL_EVENTS),
    PROFILE_CHANGED("com.backcare.journal.profile.changed", 1, Topics.JOURNAL_EVENTS),
    QUESTIONNAIRE_RESPONDED("com.backcare.journal.questionnaire.responded", 1, Topics.JOURNAL_EVENTS),
    ALERT_CHANGED("com.backcare.triage.alert.changed", 1, Topics.ALERT_EVENTS),
    PATIENT_STATUS_CHANGED("com.backcare.triage.patient-status.changed", 1, Topics.PATIENT_STATUS_EVENTS);

    private final String type;
    private final int schemaVersion;
    private final String topic;

    EventType(String type, int schemaVersion, String topic) {
        this.type = type;
        this.schemaVersion = schemaVersion;
        this.topic = topic;
    }

    public String type() {
        return type;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String topic() {
        return topic;
    }

    /** Where the JSON Schema of this event's {@code data} lives in this module ({@code schemas/...}). */
    public String dataSchema() {
        return "urn:backcare:schema:" + type + ":v" + schemaVersion;
    }
}

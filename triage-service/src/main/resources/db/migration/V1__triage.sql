-- Journal events already applied: a redelivered or replayed event id changes nothing.
CREATE TABLE processed_event (
    event_id      varchar(64) PRIMARY KEY,
    processed_at  timestamptz NOT NULL
);

-- Each patient's journal as triage knows it: the latest revision of every entry, deleted ones flagged.
CREATE TABLE patient_entry (
    clinic_id    varchar(64) NOT NULL,
    patient_id   varchar(64) NOT NULL,
    entry_id     uuid        NOT NULL,
    revision     integer     NOT NULL,
    recorded_at  timestamptz NOT NULL,
    intensity    integer     NOT NULL,
    report       jsonb       NOT NULL,
    deleted      boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (clinic_id, patient_id, entry_id)
);
CREATE INDEX patient_entry_history ON patient_entry (clinic_id, patient_id, recorded_at);

CREATE TABLE patient_profile (
    clinic_id   varchar(64) NOT NULL,
    patient_id  varchar(64) NOT NULL,
    revision    integer     NOT NULL,
    profile     jsonb       NOT NULL,
    PRIMARY KEY (clinic_id, patient_id)
);

CREATE TABLE alert (
    id                uuid PRIMARY KEY,
    clinic_id         varchar(64)  NOT NULL,
    patient_id        varchar(64)  NOT NULL,
    rule              varchar(64)  NOT NULL,
    tier              varchar(16)  NOT NULL,
    tier_rank         integer      NOT NULL,
    status            varchar(16)  NOT NULL,
    reason            text         NOT NULL,
    advice            text         NOT NULL,
    evidence          jsonb        NOT NULL,
    occurrences       integer      NOT NULL,
    escalation_level  integer      NOT NULL DEFAULT 0,
    rule_set_version  varchar(32)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);
-- One open alert per patient and rule: a repeat adds evidence, it never opens a second alert.
CREATE UNIQUE INDEX alert_one_open_per_rule ON alert (clinic_id, patient_id, rule) WHERE status <> 'RESOLVED';
CREATE INDEX alert_clinic_queue ON alert (clinic_id, tier_rank, created_at, id);
CREATE INDEX alert_patient ON alert (clinic_id, patient_id);

CREATE TABLE alert_change (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id  uuid        NOT NULL REFERENCES alert (id),
    at        timestamptz NOT NULL,
    actor     varchar(64) NOT NULL,
    action    varchar(32) NOT NULL,
    note      text
);
CREATE INDEX alert_change_by_alert ON alert_change (alert_id, id);

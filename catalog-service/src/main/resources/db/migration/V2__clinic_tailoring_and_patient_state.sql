-- Clinics tailor the catalog: their own exercises, and global ones hidden for them only.
CREATE TABLE clinic_exercise (
    clinic_id   varchar(64) NOT NULL,
    slug        varchar(64) NOT NULL,
    content     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  varchar(64) NOT NULL,
    PRIMARY KEY (clinic_id, slug)
);

CREATE TABLE clinic_hidden_exercise (
    clinic_id   varchar(64) NOT NULL,
    slug        varchar(64) NOT NULL,
    hidden_at   timestamptz NOT NULL,
    hidden_by   varchar(64) NOT NULL,
    PRIMARY KEY (clinic_id, slug)
);

-- What the personal plan needs to know of a patient, kept from the journal's and triage's events.
CREATE TABLE processed_event (
    event_id      varchar(64) PRIMARY KEY,
    processed_at  timestamptz NOT NULL
);

CREATE TABLE patient_state (
    clinic_id          varchar(64) NOT NULL,
    patient_id         varchar(64) NOT NULL,
    conditions         jsonb       NOT NULL DEFAULT '[]',
    profile_revision   integer     NOT NULL DEFAULT 0,
    triage_tier        varchar(16) NOT NULL DEFAULT 'NONE',
    triage_advice      jsonb       NOT NULL DEFAULT '[]',
    status_time        timestamptz,
    PRIMARY KEY (clinic_id, patient_id)
);

-- Each journal entry in brief: when, how bad, whether the pain was concerning, and the exercises logged.
CREATE TABLE patient_entry_digest (
    clinic_id    varchar(64) NOT NULL,
    patient_id   varchar(64) NOT NULL,
    entry_id     uuid        NOT NULL,
    revision     integer     NOT NULL,
    recorded_at  timestamptz NOT NULL,
    intensity    integer     NOT NULL,
    concerning   boolean     NOT NULL,
    exercises    jsonb       NOT NULL,
    deleted      boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (clinic_id, patient_id, entry_id)
);
CREATE INDEX patient_entry_digest_recent ON patient_entry_digest (clinic_id, patient_id, recorded_at);

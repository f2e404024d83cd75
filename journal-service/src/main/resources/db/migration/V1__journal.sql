-- Every row belongs to one patient of one clinic; all reads are scoped by clinic_id first.
CREATE TABLE pain_entry (
    id           uuid PRIMARY KEY,
    clinic_id    varchar(64) NOT NULL,
    patient_id   varchar(64) NOT NULL,
    recorded_at  timestamptz NOT NULL,
    intensity    integer     NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    report       jsonb       NOT NULL,
    revision     integer     NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   varchar(64) NOT NULL,
    updated_at   timestamptz NOT NULL,
    updated_by   varchar(64) NOT NULL
);
CREATE INDEX pain_entry_patient_timeline ON pain_entry (clinic_id, patient_id, recorded_at DESC, id DESC);

CREATE TABLE patient_profile (
    clinic_id     varchar(64) NOT NULL,
    patient_id    varchar(64) NOT NULL,
    profile       jsonb       NOT NULL,
    revision      integer     NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    varchar(64) NOT NULL,
    PRIMARY KEY (clinic_id, patient_id)
);

-- The transactional outbox: written in the same transaction as the change it announces, deleted only after
-- Kafka acknowledged it. The identity gives the relay its publishing order.
CREATE TABLE outbox_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid         NOT NULL UNIQUE,
    topic        varchar(200) NOT NULL,
    message_key  varchar(64)  NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL
);

-- Corrections and deletions keep the entry's history; a deleted entry stays for the record but is never served.
ALTER TABLE pain_entry ADD COLUMN deleted_at timestamptz;
ALTER TABLE pain_entry ADD COLUMN deleted_by varchar(64);

-- Every revision of every entry: who, when, what changed, and the report as it then stood.
CREATE TABLE pain_entry_revision (
    entry_id        uuid        NOT NULL REFERENCES pain_entry (id),
    revision        integer     NOT NULL,
    action          varchar(16) NOT NULL CHECK (action IN ('RECORDED', 'CORRECTED', 'DELETED')),
    changed_at      timestamptz NOT NULL,
    changed_by      varchar(64) NOT NULL,
    changed_by_role varchar(16) NOT NULL,
    changed_fields  jsonb       NOT NULL,
    report          jsonb,
    PRIMARY KEY (entry_id, revision)
);

-- Idempotency-Key of POST .../entries: a retry with the same key and body gets the first result back.
CREATE TABLE idempotency_key (
    clinic_id        varchar(64)  NOT NULL,
    patient_id       varchar(64)  NOT NULL,
    idempotency_key  varchar(255) NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    entry_id         uuid         NOT NULL,
    created_at       timestamptz  NOT NULL,
    PRIMARY KEY (clinic_id, patient_id, idempotency_key)
);

-- Who read or wrote which patient's data, when, and with what outcome. No clinical content.
CREATE TABLE audit_record (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    clinic_id   varchar(64) NOT NULL,
    patient_id  varchar(64) NOT NULL,
    actor       varchar(64) NOT NULL,
    role        varchar(16) NOT NULL,
    action      varchar(32) NOT NULL,
    outcome     varchar(16) NOT NULL,
    status      integer     NOT NULL
);
CREATE INDEX audit_record_by_patient ON audit_record (clinic_id, patient_id, at DESC, id DESC);
CREATE INDEX audit_record_by_clinic ON audit_record (clinic_id, at DESC, id DESC);

-- Append-only, in the database too: no API alters the trail, and neither can a stray statement.
CREATE FUNCTION audit_record_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit records cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();

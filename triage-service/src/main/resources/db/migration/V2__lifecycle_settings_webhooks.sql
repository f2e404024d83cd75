-- Which rule fired on which entry (its anchor), with the entries that are its evidence. Triage re-evaluates a
-- patient's entries from the earliest one a change touches; comparing the findings with these rows says what to
-- raise, what evidence to add and what evidence to withdraw, so late, corrected and deleted entries come out right.
CREATE TABLE alert_finding (
    clinic_id           varchar(64) NOT NULL,
    patient_id          varchar(64) NOT NULL,
    rule                varchar(64) NOT NULL,
    anchor_entry_id     uuid        NOT NULL,
    anchor_recorded_at  timestamptz NOT NULL,
    alert_id            uuid        NOT NULL REFERENCES alert (id),
    evidence            jsonb       NOT NULL,
    active              boolean     NOT NULL,
    PRIMARY KEY (clinic_id, patient_id, rule, anchor_entry_id)
);
CREATE INDEX alert_finding_by_alert ON alert_finding (alert_id);

ALTER TABLE alert ADD COLUMN evidence_withdrawn boolean NOT NULL DEFAULT false;
-- When the alert escalates next if nobody acknowledges it; NULL once acknowledged or for tiers without a deadline.
ALTER TABLE alert ADD COLUMN next_escalation_at timestamptz;
CREATE INDEX alert_escalation_due ON alert (next_escalation_at) WHERE status = 'OPEN' AND next_escalation_at IS NOT NULL;

-- Per-clinic thresholds; a clinic without a row uses the defaults of triage-rules.md.
CREATE TABLE clinic_settings (
    clinic_id               varchar(64) PRIMARY KEY,
    age_threshold           integer     NOT NULL,
    acknowledge_emergency   bigint      NOT NULL, -- seconds
    acknowledge_urgent      bigint      NOT NULL,
    acknowledge_soon        bigint      NOT NULL,
    updated_at              timestamptz NOT NULL,
    updated_by              varchar(64) NOT NULL
);

-- The transactional outbox of alert and patient-status events (see service-commons' OutboxRelay).
CREATE TABLE outbox_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid         NOT NULL UNIQUE,
    topic        varchar(200) NOT NULL,
    message_key  varchar(64)  NOT NULL,
    payload      text         NOT NULL,
    created_at   timestamptz  NOT NULL
);

-- Clinic-admins' webhooks, and one delivery row per alert change and webhook: written in the same transaction as
-- the change, delivered by a worker with retries, kept as the delivery log.
CREATE TABLE webhook (
    id          uuid PRIMARY KEY,
    clinic_id   varchar(64)   NOT NULL,
    url         varchar(2000) NOT NULL,
    secret      varchar(128)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    created_by  varchar(64)   NOT NULL
);
CREATE INDEX webhook_by_clinic ON webhook (clinic_id);

CREATE TABLE webhook_delivery (
    id               uuid PRIMARY KEY,
    webhook_id       uuid         NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    clinic_id        varchar(64)  NOT NULL,
    event_id         uuid         NOT NULL,
    payload          text         NOT NULL,
    status           varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer      NOT NULL,
    next_attempt_at  timestamptz,
    last_status      integer,
    last_error       varchar(500),
    created_at       timestamptz  NOT NULL,
    delivered_at     timestamptz
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, created_at DESC);

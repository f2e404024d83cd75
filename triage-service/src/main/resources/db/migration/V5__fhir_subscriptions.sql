-- FHIR R4 Subscriptions (Backport IG): a rest-hook subscription to the alert-change topic is a webhook whose calls
-- carry FHIR notification bundles, so it shares the webhook's delivery, retries and log.
ALTER TABLE webhook ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'CLOUDEVENTS' CHECK (kind IN ('CLOUDEVENTS', 'FHIR'));

CREATE TABLE fhir_subscription (
    id                  uuid PRIMARY KEY REFERENCES webhook (id) ON DELETE CASCADE,
    clinic_id           varchar(64)  NOT NULL,
    status              varchar(16)  NOT NULL CHECK (status IN ('requested', 'active', 'error', 'off')),
    reason              varchar(1000) NOT NULL,
    content             varchar(16)  NOT NULL CHECK (content IN ('empty', 'id-only', 'full-resource')),
    -- The filter: only this patient's alerts (null: every patient of the clinic), only these tiers (null: every tier,
    -- else a comma-separated list).
    patient_id          varchar(64),
    tiers               varchar(64),
    heartbeat_seconds   integer,
    -- Extra HTTP headers for each call (channel.header), one "Name: value" per element.
    headers             jsonb        NOT NULL DEFAULT '[]',
    ends_at             timestamptz,
    events_since_start  bigint       NOT NULL DEFAULT 0,
    last_notified_at    timestamptz,
    error               varchar(500),
    created_at          timestamptz  NOT NULL
);
CREATE INDEX fhir_subscription_by_clinic ON fhir_subscription (clinic_id);

-- What a notification is: handshake, heartbeat or event-notification; an event's number and its alert, for $events.
ALTER TABLE webhook_delivery ADD COLUMN notification_type varchar(24);
ALTER TABLE webhook_delivery ADD COLUMN event_number bigint;
ALTER TABLE webhook_delivery ADD COLUMN alert_id uuid;
CREATE UNIQUE INDEX webhook_delivery_event_number ON webhook_delivery (webhook_id, event_number)
    WHERE event_number IS NOT NULL;

-- The trace an alert change belongs to (W3C traceparent): the trace of the journal entry that caused it, carried to
-- the alert's event on Kafka and to each webhook delivery.
ALTER TABLE outbox_event ADD COLUMN trace_parent varchar(100);
ALTER TABLE webhook_delivery ADD COLUMN trace_parent varchar(100);

-- The trace an event belongs to (W3C traceparent), so that the relay publishes it in the trace of the write.
ALTER TABLE outbox_event ADD COLUMN trace_parent varchar(100);

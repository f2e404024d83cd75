-- Every alert change is announced when it commits, to every triage instance listening on this channel: the open
-- streams of its clinic and of its patient look at once, whichever instance made the change, so no stream has to poll
-- for other instances' changes. PostgreSQL sends a transaction's notices at its commit, none if it rolls back, and one
-- of each distinct payload.
CREATE FUNCTION announce_alert_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('backcare_alert_changes', a.clinic_id || '/' || a.patient_id) FROM alert a WHERE a.id = NEW.alert_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER alert_change_announced AFTER INSERT ON alert_change FOR EACH ROW EXECUTE FUNCTION announce_alert_change();

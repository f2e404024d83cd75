-- Every new tailoring version is announced when it commits, to every catalog instance listening on this channel: each
-- keeps the clinics' versions it has read and takes the new one from the notice, instead of reading the version on
-- every list request. PostgreSQL sends a transaction's notices at its commit, none if it rolls back.
CREATE FUNCTION announce_tailoring_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('backcare_tailoring_versions', NEW.clinic_id || '/' || NEW.version);
    RETURN NULL;
END
$$;

CREATE TRIGGER tailoring_version_announced AFTER INSERT OR UPDATE ON clinic_tailoring_version
    FOR EACH ROW EXECUTE FUNCTION announce_tailoring_version();

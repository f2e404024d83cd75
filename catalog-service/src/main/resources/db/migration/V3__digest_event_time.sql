-- When the journal committed the entry, and whether it reported any associated symptom: with the time of the last
-- triage status, this tells the plan whether triage has had its say on the latest entry yet.
ALTER TABLE patient_entry_digest ADD COLUMN event_time timestamptz;
ALTER TABLE patient_entry_digest ADD COLUMN symptoms boolean NOT NULL DEFAULT false;

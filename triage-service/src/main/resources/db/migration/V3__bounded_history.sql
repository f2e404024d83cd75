-- The history rules ask bounded questions of a patient's timeline (the latest entry before a point, the earliest at
-- or below an intensity, the latest drop...), each answered by an index probe instead of reading the whole history,
-- so an event costs the same whether the patient has 20 entries or 20,000.

-- The entry's concerning qualities (ConcerningPain bits: SHARP 1, STABBING 2, BURNING 4, TINGLING 8, ELECTRIC 16)
-- when it was felt during or right after exercise, else 0.
ALTER TABLE patient_entry ADD COLUMN exercise_concern integer NOT NULL DEFAULT 0;
-- Whether the entry is more than one point below its predecessor in the timeline (kept by triage as entries change).
ALTER TABLE patient_entry ADD COLUMN drop_before boolean NOT NULL DEFAULT false;

UPDATE patient_entry SET exercise_concern =
    CASE WHEN report->'timing' ?| array['DURING_EXERCISE', 'IMMEDIATELY_AFTER_EXERCISE'] THEN
        (CASE WHEN report->'qualities' ? 'SHARP' THEN 1 ELSE 0 END)
        | (CASE WHEN report->'qualities' ? 'STABBING' THEN 2 ELSE 0 END)
        | (CASE WHEN report->'qualities' ? 'BURNING' THEN 4 ELSE 0 END)
        | (CASE WHEN report->'qualities' ? 'TINGLING' THEN 8 ELSE 0 END)
        | (CASE WHEN report->'qualities' ? 'ELECTRIC' THEN 16 ELSE 0 END)
    ELSE 0 END;

UPDATE patient_entry e SET drop_before = d.drop_before
FROM (SELECT clinic_id, patient_id, entry_id,
             COALESCE(intensity < lag(intensity) OVER (PARTITION BY clinic_id, patient_id
                                                      ORDER BY recorded_at, entry_id) - 1, false) AS drop_before
      FROM patient_entry WHERE NOT deleted) d
WHERE e.clinic_id = d.clinic_id AND e.patient_id = d.patient_id AND e.entry_id = d.entry_id;

DROP INDEX patient_entry_history;
CREATE INDEX patient_entry_timeline ON patient_entry (clinic_id, patient_id, recorded_at, entry_id) WHERE NOT deleted;
CREATE INDEX patient_entry_by_intensity ON patient_entry (clinic_id, patient_id, intensity, recorded_at, entry_id)
    WHERE NOT deleted;
CREATE INDEX patient_entry_drops ON patient_entry (clinic_id, patient_id, recorded_at, entry_id)
    WHERE drop_before AND NOT deleted;
CREATE INDEX patient_entry_exercise_concern ON patient_entry (clinic_id, patient_id, recorded_at, entry_id)
    WHERE exercise_concern <> 0 AND NOT deleted;

-- An alert's evidence is read from its latest active findings, not all of them.
CREATE INDEX alert_finding_latest_active ON alert_finding (alert_id, anchor_recorded_at DESC) WHERE active;
-- The findings a re-evaluation from a point in time can change, found without reading the patient's others.
CREATE INDEX alert_finding_by_anchor_time ON alert_finding (clinic_id, patient_id, anchor_recorded_at);
CREATE INDEX alert_finding_by_anchor_entry ON alert_finding (clinic_id, patient_id, anchor_entry_id);

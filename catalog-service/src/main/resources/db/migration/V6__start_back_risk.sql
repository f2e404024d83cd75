-- The patient's latest Keele STarT Back risk group (from the journal's questionnaire events), which shapes the plan.
ALTER TABLE patient_state ADD COLUMN start_back_risk varchar(8);
ALTER TABLE patient_state ADD COLUMN start_back_at timestamptz;

-- Scored questionnaire responses (STarT Back, Oswestry): the answers as given and the score computed on recording.
-- A response is never changed; each one is a new row, listed newest first.
CREATE TABLE questionnaire_response (
    id               uuid PRIMARY KEY,
    clinic_id        varchar(64) NOT NULL,
    patient_id       varchar(64) NOT NULL,
    questionnaire    varchar(40) NOT NULL,
    authored         timestamptz NOT NULL,
    answers          jsonb       NOT NULL,
    score            jsonb       NOT NULL,
    created_by       varchar(64) NOT NULL,
    created_by_role  varchar(32) NOT NULL
);
CREATE INDEX questionnaire_response_by_patient
    ON questionnaire_response (clinic_id, patient_id, authored DESC, id DESC);

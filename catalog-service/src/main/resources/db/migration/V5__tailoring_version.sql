-- Each clinic's tailoring (own and hidden exercises) has a version, bumped in the transaction that changes it:
-- every instance keys its precomputed list responses by it, so a change is seen at once by all of them.
CREATE TABLE clinic_tailoring_version (
    clinic_id  varchar(64) PRIMARY KEY,
    version    bigint      NOT NULL
);

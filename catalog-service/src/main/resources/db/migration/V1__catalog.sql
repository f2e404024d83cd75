-- Conditions the catalog rates exercises for (catalog-guidance.md).
CREATE TABLE condition (
    slug      varchar(64) PRIMARY KEY,
    content   jsonb       NOT NULL
);

-- Exercises: global ones have no clinic_id; a clinic's own carry its id and are seen by that clinic only.
-- The filter columns repeat fields of content so that lists are plain indexed queries.
CREATE TABLE exercise (
    slug         varchar(64)  PRIMARY KEY,
    clinic_id    varchar(64),
    name         varchar(120) NOT NULL,
    category     varchar(32)  NOT NULL,
    position     varchar(32)  NOT NULL,
    impact       varchar(16)  NOT NULL,
    spinal_load  varchar(16)  NOT NULL,
    direction    varchar(16)  NOT NULL,
    difficulty   varchar(16)  NOT NULL,
    equipment    jsonb        NOT NULL,
    content      jsonb        NOT NULL
);
CREATE INDEX exercise_clinic ON exercise (clinic_id);

-- Every exercise rated for every condition: RECOMMENDED, CAUTION (with the change to make) or AVOID (with why).
CREATE TABLE exercise_rating (
    exercise_slug   varchar(64) NOT NULL REFERENCES exercise (slug) ON DELETE CASCADE,
    condition_slug  varchar(64) NOT NULL REFERENCES condition (slug) ON DELETE CASCADE,
    rating          varchar(16) NOT NULL,
    note            text,
    PRIMARY KEY (exercise_slug, condition_slug)
);
CREATE INDEX exercise_rating_by_condition ON exercise_rating (condition_slug, rating);

-- The catalog is filtered in memory from each exercise's content (GlobalCatalog): nothing reads the ratings table or
-- the columns that mirrored content fields, so they are no longer kept. Clinics' own exercises live in clinic_exercise.
DROP TABLE exercise_rating;
DROP INDEX exercise_clinic;
ALTER TABLE exercise
    DROP COLUMN clinic_id,
    DROP COLUMN name,
    DROP COLUMN category,
    DROP COLUMN position,
    DROP COLUMN impact,
    DROP COLUMN spinal_load,
    DROP COLUMN direction,
    DROP COLUMN difficulty,
    DROP COLUMN equipment;

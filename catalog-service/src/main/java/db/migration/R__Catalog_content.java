package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.backcare.catalog.domain.CatalogContent;
import com.backcare.catalog.domain.ExerciseContent;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the global catalog from its YAML files. Repeatable: its checksum is the files' checksum, so Flyway runs it
 * again whenever a reviewed change to the content lands. Clinics' own exercises (clinic_id set) are left alone.
 */
public class R__Catalog_content extends BaseJavaMigration {

    private final ObjectMapper json = new ObjectMapper();
    private CatalogContent content;

    private CatalogContent content() {
        if (content == null) {
            content = CatalogContent.load(R__Catalog_content.class.getClassLoader());
            List<String> defects = content.defects();
            if (!defects.isEmpty()) {
                throw new IllegalStateException("catalog content is not sound:\n  " + String.join("\n  ", defects));
            }
        }
        return content;
    }

    @Override
    public Integer getChecksum() {
        return (int) content().checksum();
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO condition (slug, content) VALUES (?, ?::jsonb)
                ON CONFLICT (slug) DO UPDATE SET content = excluded.content""")) {
            for (var condition : content().conditions()) {
                upsert.setString(1, condition.slug());
                upsert.setString(2, json.writeValueAsString(condition));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO exercise (slug, clinic_id, name, category, position, impact, spinal_load, direction,
                                      difficulty, equipment, content)
                VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                ON CONFLICT (slug) DO UPDATE SET name = excluded.name, category = excluded.category,
                    position = excluded.position, impact = excluded.impact, spinal_load = excluded.spinal_load,
                    direction = excluded.direction, difficulty = excluded.difficulty, equipment = excluded.equipment,
                    content = excluded.content""")) {
            for (ExerciseContent e : content().exercises()) {
                upsert.setString(1, e.slug());
                upsert.setString(2, e.name());
                upsert.setString(3, e.category().name());
                upsert.setString(4, e.position().name());
                upsert.setString(5, e.impact().name());
                upsert.setString(6, e.spinalLoad().name());
                upsert.setString(7, e.direction().name());
                upsert.setString(8, e.difficulty().name());
                upsert.setString(9, json.writeValueAsString(e.equipment() == null ? List.of() : e.equipment()));
                upsert.setString(10, json.writeValueAsString(e));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        String[] slugs = content().exercises().stream().map(ExerciseContent::slug).toArray(String[]::new);
        try (PreparedStatement removeGone = db.prepareStatement(
                "DELETE FROM exercise WHERE clinic_id IS NULL AND NOT (slug = ANY (?))")) {
            removeGone.setArray(1, db.createArrayOf("varchar", slugs));
            removeGone.executeUpdate();
        }
        try (PreparedStatement clear = db.prepareStatement(
                "DELETE FROM exercise_rating WHERE exercise_slug IN (SELECT slug FROM exercise WHERE clinic_id IS NULL)")) {
            clear.executeUpdate();
        }
        try (PreparedStatement rate = db.prepareStatement(
                "INSERT INTO exercise_rating (exercise_slug, condition_slug, rating, note) VALUES (?, ?, ?, ?)")) {
            for (ExerciseContent e : content().exercises()) {
                for (Map.Entry<String, ExerciseContent.ConditionRating> r : e.ratings().entrySet()) {
                    rate.setString(1, e.slug());
                    rate.setString(2, r.getKey());
                    rate.setString(3, r.getValue().rating().name());
                    rate.setString(4, r.getValue().note());
                    rate.addBatch();
                }
            }
            rate.executeBatch();
        }
    }
}

package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.backcare.catalog.domain.CatalogContent;
import com.backcare.catalog.domain.ExerciseContent;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the global catalog from its YAML files. Repeatable: its checksum is the files' checksum, so Flyway runs it
 * again whenever a reviewed change to the content lands. Clinics' own exercises live elsewhere (clinic_exercise).
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
                INSERT INTO exercise (slug, content) VALUES (?, ?::jsonb)
                ON CONFLICT (slug) DO UPDATE SET content = excluded.content""")) {
            for (ExerciseContent e : content().exercises()) {
                upsert.setString(1, e.slug());
                upsert.setString(2, json.writeValueAsString(e));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        String[] slugs = content().exercises().stream().map(ExerciseContent::slug).toArray(String[]::new);
        try (PreparedStatement removeGone = db.prepareStatement("DELETE FROM exercise WHERE NOT (slug = ANY (?))")) {
            removeGone.setArray(1, db.createArrayOf("varchar", slugs));
            removeGone.executeUpdate();
        }
    }
}

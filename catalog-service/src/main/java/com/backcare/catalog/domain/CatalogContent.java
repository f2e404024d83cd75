package com.backcare.catalog.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The catalog as its YAML files hold it (manifest: catalog/content.yaml), with the checks a reviewer relies on:
 * every link resolves, every exercise rates every condition and names its source.
 */
public record CatalogContent(List<ConditionContent> conditions, List<ExerciseContent> exercises, long checksum) {

    public static final String MANIFEST = "catalog/content.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Manifest(String conditions, List<String> exercises) {
    }

    public static CatalogContent load(ClassLoader loader) {
        CRC32 crc = new CRC32();
        Manifest manifest = read(loader, MANIFEST, new TypeReference<>() { }, crc);
        List<ConditionContent> conditions = read(loader, manifest.conditions(), new TypeReference<>() { }, crc);
        List<ExerciseContent> exercises = new ArrayList<>();
        for (String file : manifest.exercises()) {
            exercises.addAll(read(loader, file, new TypeReference<List<ExerciseContent>>() { }, crc));
        }
        return new CatalogContent(List.copyOf(conditions), List.copyOf(exercises), crc.getValue());
    }

    /** Everything a clinician reviewing the files would call a mistake; empty when the content is sound. */
    public List<String> defects() {
        List<String> defects = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        Set<String> conditionSlugs = new HashSet<>();
        conditions.forEach(c -> conditionSlugs.add(c.slug()));
        for (ExerciseContent e : exercises) {
            if (!slugs.add(e.slug())) {
                defects.add(e.slug() + ": slug used twice");
            }
        }
        exercises.forEach(e -> defects.addAll(defectsOf(e, slugs, conditionSlugs)));
        return defects;
    }

    /** The defects of one exercise, given the slugs its links may point to and the conditions it must rate. */
    public static List<String> defectsOf(ExerciseContent e, Set<String> knownSlugs, Set<String> conditionSlugs) {
        List<String> defects = new ArrayList<>();
        String at = e.slug() + ": ";
        if (e.slug() == null || !e.slug().matches("[a-z0-9]+(-[a-z0-9]+)*") || e.slug().length() > 64) {
            defects.add(at + "slug must be lower-case words joined by hyphens, at most 64 characters");
        }
        if (e.name() == null || e.name().isBlank() || e.category() == null || e.position() == null || e.impact() == null
                || e.spinalLoad() == null || e.direction() == null || e.difficulty() == null) {
            defects.add(at + "name, category, position, impact, spinalLoad, direction and difficulty are required");
        }
        if (e.steps() == null || e.steps().isEmpty()) {
            defects.add(at + "has no steps");
        }
        if (e.source() == null || e.source().isBlank()) {
            defects.add(at + "names no source");
        }
        links(e).stream().filter(link -> !knownSlugs.contains(link))
                .forEach(link -> defects.add(at + "links to unknown exercise " + link));
        for (String condition : conditionSlugs) {
            var rating = e.ratings() == null ? null : e.ratings().get(condition);
            if (rating == null || rating.rating() == null) {
                defects.add(at + "does not rate condition " + condition);
            } else if (rating.rating() != Rating.RECOMMENDED && (rating.note() == null || rating.note().isBlank())) {
                defects.add(at + rating.rating() + " for " + condition + " needs a note saying what to change or why");
            } else if (rating.rating() == Rating.AVOID && (rating.alternatives() == null || rating.alternatives().isEmpty())) {
                defects.add(at + "AVOID for " + condition + " needs safer alternatives");
            }
        }
        if (e.ratings() != null) {
            e.ratings().keySet().stream().filter(c -> !conditionSlugs.contains(c))
                    .forEach(c -> defects.add(at + "rates unknown condition " + c));
        }
        if (e.flare() != null && e.flare().avoid() && (e.flare().alternatives() == null || e.flare().alternatives().isEmpty())) {
            defects.add(at + "is avoided in a flare but offers no alternative");
        }
        return defects;
    }

    private static List<String> links(ExerciseContent e) {
        List<String> links = new ArrayList<>();
        if (e.progressions() != null) {
            links.addAll(e.progressions());
        }
        if (e.regressions() != null) {
            links.addAll(e.regressions());
        }
        if (e.flare() != null && e.flare().alternatives() != null) {
            links.addAll(e.flare().alternatives());
        }
        if (e.ratings() != null) {
            e.ratings().values().stream().filter(r -> r.alternatives() != null).forEach(r -> links.addAll(r.alternatives()));
        }
        return links;
    }

    private static <T> T read(ClassLoader loader, String path, TypeReference<T> type, CRC32 crc) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("catalog file " + path + " is missing");
            }
            byte[] bytes = in.readAllBytes();
            crc.update(bytes);
            return YAML.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog file " + path + " is not valid", e);
        }
    }
}

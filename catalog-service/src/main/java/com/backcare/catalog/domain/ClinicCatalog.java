package com.backcare.catalog.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.catalog.persistence.ClinicExerciseEntity;
import com.backcare.catalog.persistence.ClinicHiddenExerciseEntity;
import com.backcare.catalog.persistence.ClinicSlug;
import com.backcare.catalog.persistence.TailoringVersions;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.problem.Problem;
import com.backcare.commons.security.Caller;

/**
 * The catalog as one clinic sees it: the global exercises it has not hidden, plus its own. Its admins add their own
 * exercises and hide global ones; other clinics never see either.
 */
@ApplicationScoped
public class ClinicCatalog {

    @Inject
    TailoringVersions tailoringVersions;
    @Inject
    Caller caller;
    @Inject
    GlobalCatalog global;

    Clock clock = Clock.systemUTC();

    /** What the caller's clinic sees, by slug. */
    @Transactional
    public Map<String, ExerciseContent> visible() {
        return visibleTo(caller.clinicId());
    }

    @Transactional
    public Map<String, ExerciseContent> visibleTo(String clinicId) {
        Map<String, ExerciseContent> visible = new LinkedHashMap<>(global.exercises());
        ClinicHiddenExerciseEntity.slugsOf(clinicId).forEach(visible::remove);
        ClinicExerciseEntity.ofClinic(clinicId).forEach(own -> visible.put(own.key.slug, own.content));
        return visible;
    }

    /** The clinic's own exercises and the global ones it hid. */
    public record Tailoring(List<ExerciseContent> own, List<String> hidden) {
    }

    @Transactional
    public Tailoring tailoring(String clinicId) {
        caller.requireOwnClinic(clinicId);
        return new Tailoring(ClinicExerciseEntity.ofClinic(clinicId).stream().map(e -> e.content).toList(),
                ClinicHiddenExerciseEntity.slugsOf(clinicId));
    }

    @Transactional
    public ExerciseContent add(String clinicId, ExerciseContent exercise) {
        caller.requireOwnClinic(clinicId);
        // Checked before anything is looked up by slug: the slug itself may be missing or malformed.
        Set<String> known = new HashSet<>(visibleTo(clinicId).keySet());
        if (exercise.slug() != null) {
            known.add(exercise.slug());
        }
        Set<String> conditions = new HashSet<>();
        global.conditions().forEach(c -> conditions.add(c.slug()));
        List<String> defects = CatalogContent.defectsOf(exercise, known, conditions);
        if (!defects.isEmpty()) {
            List<Problem.Violation> violations = new ArrayList<>();
            defects.forEach(d -> violations.add(new Problem.Violation(fieldOf(d), d)));
            throw new ApiProblem(Problem.of("validation", "Bad Request", 400, String.join("; ", defects))
                    .withViolations(violations));
        }
        if (global.exercises().containsKey(exercise.slug())
                || ClinicExerciseEntity.findById(new ClinicSlug(clinicId, exercise.slug())) != null) {
            throw ApiProblem.conflict("an exercise with slug " + exercise.slug() + " already exists");
        }
        ClinicExerciseEntity row = new ClinicExerciseEntity();
        row.key = new ClinicSlug(clinicId, exercise.slug());
        row.content = exercise;
        row.createdAt = clock.instant();
        row.createdBy = caller.subject();
        row.persist();
        tailoringVersions.bump(clinicId);
        return exercise;
    }

    @Transactional
    public void remove(String clinicId, String slug) {
        caller.requireOwnClinic(clinicId);
        if (!ClinicExerciseEntity.deleteById(new ClinicSlug(clinicId, slug))) {
            throw ApiProblem.notFound("your clinic has no exercise " + slug + " of its own");
        }
        tailoringVersions.bump(clinicId);
    }

    @Transactional
    public void hide(String clinicId, String slug) {
        caller.requireOwnClinic(clinicId);
        if (!global.exercises().containsKey(slug)) {
            throw ApiProblem.notFound("no global exercise " + slug);
        }
        if (ClinicHiddenExerciseEntity.findById(new ClinicSlug(clinicId, slug)) == null) {
            ClinicHiddenExerciseEntity hidden = new ClinicHiddenExerciseEntity();
            hidden.key = new ClinicSlug(clinicId, slug);
            hidden.hiddenAt = clock.instant();
            hidden.hiddenBy = caller.subject();
            hidden.persist();
            tailoringVersions.bump(clinicId);
        }
    }

    @Transactional
    public void unhide(String clinicId, String slug) {
        caller.requireOwnClinic(clinicId);
        if (!ClinicHiddenExerciseEntity.deleteById(new ClinicSlug(clinicId, slug))) {
            throw ApiProblem.notFound("your clinic has not hidden " + slug);
        }
        tailoringVersions.bump(clinicId);
    }

    /** The version of the clinic's tailoring: what a precomputed answer for the clinic must have been made from. */
    public long tailoringVersion(String clinicId) {
        return tailoringVersions.of(clinicId);
    }

    /** The field a content defect is about ("lonely: names no source" is about source). */
    private static String fieldOf(String defect) {
        String d = defect.substring(defect.indexOf(':') + 1);
        for (String field : List.of("slug", "steps", "source", "ratings", "progressions", "flare", "name")) {
            if (d.contains(field) || d.contains("rate") && field.equals("ratings") || d.contains("links") && field.equals("progressions")) {
                return field;
            }
        }
        return "body";
    }
}

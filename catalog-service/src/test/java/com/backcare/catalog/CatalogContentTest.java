package com.backcare.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.backcare.catalog.domain.CatalogContent;
import com.backcare.catalog.domain.Category;
import com.backcare.catalog.domain.ConditionContent;
import com.backcare.catalog.domain.Difficulty;
import com.backcare.catalog.domain.Direction;
import com.backcare.catalog.domain.ExerciseContent;
import com.backcare.catalog.domain.Impact;
import com.backcare.catalog.domain.Position;
import com.backcare.catalog.domain.Rating;
import com.backcare.catalog.domain.SpinalLoad;

/** The content files a clinician reviews are sound: links resolve, every condition is rated, every source named. */
class CatalogContentTest {

    @Test
    void theShippedContentHasNoDefects() {
        CatalogContent content = CatalogContent.load(getClass().getClassLoader());
        assertEquals(List.of(), content.defects());
        assertEquals(7, content.conditions().size());
        assertTrue(content.exercises().size() >= 60, "at least 60 exercises: " + content.exercises().size());
    }

    @Test
    void everyExerciseTheGuidanceNamesIsInTheCatalog() {
        var slugs = CatalogContent.load(getClass().getClassLoader()).exercises().stream().map(ExerciseContent::slug)
                .collect(java.util.stream.Collectors.toSet());
        List<String> named = List.of("walking", "swimming", "water-walking", "elliptical", "stationary-cycling",
                "recumbent-cycling", "step-machine", "jogging-soft-surface", "stair-climbing", "aerobic-dance",
                "pelvic-tilt", "glute-bridge", "bird-dog", "plank", "side-plank", "dead-bug", "partial-curl-up",
                "pallof-press", "cable-chop", "wall-sit", "stability-ball-crunch", "cat-cow", "knee-to-chest",
                "supine-rotational-stretch", "childs-pose", "prone-press-up", "hamstring-stretch", "hip-flexor-stretch",
                "piriformis-stretch", "quadriceps-stretch", "glute-stretch", "chest-stretch", "thoracic-rotation",
                "leg-swings", "arm-circles", "thoracic-extension", "ankle-pumps", "hip-hinge", "bodyweight-squat",
                "goblet-squat", "lunge", "wall-push-up", "incline-push-up", "knee-push-up", "push-up",
                "seated-cable-row", "band-row", "inverted-row", "supported-row", "seated-overhead-press",
                "lat-pulldown", "assisted-pull-up", "lateral-raise", "chest-fly", "bench-press", "incline-press",
                "leg-press", "leg-extension", "leg-curl", "restorative-yoga", "gentle-hatha-yoga", "tai-chi",
                "mat-pilates", "clinical-pilates", "foam-roll-thoracic", "foam-roll-glutes", "foam-roll-lats",
                // to avoid in a flare, each with its spine-sparing alternatives
                "barbell-back-squat", "barbell-deadlift", "running", "jumping", "sit-up", "full-crunch", "toe-touch",
                "standing-forward-fold", "loaded-twist", "leg-lift", "standing-overhead-press", "back-extension",
                "russian-twist", "bent-over-row");
        assertEquals(List.of(), named.stream().filter(n -> !slugs.contains(n)).toList());
    }

    @Test
    void everyExerciseToAvoidInAFlareOffersAnAlternative() {
        var flareAvoid = CatalogContent.load(getClass().getClassLoader()).exercises().stream()
                .filter(e -> e.flare() != null && e.flare().avoid()).toList();
        assertTrue(flareAvoid.size() >= 14, "flare list: " + flareAvoid.size());
        flareAvoid.forEach(e -> assertTrue(!e.flare().alternatives().isEmpty(), e.slug()));
    }

    @Test
    void everyConditionOfTheGuidanceIsPresent() {
        List<String> slugs = CatalogContent.load(getClass().getClassLoader()).conditions().stream()
                .map(ConditionContent::slug).toList();
        assertEquals(List.of("nonspecific-low-back-pain", "muscle-strain", "lumbar-disc-herniation", "spinal-stenosis",
                "spondylolisthesis", "facet-joint-irritation", "radiculopathy"), slugs);
    }

    @Test
    void theChecksCatchABrokenLinkAMissingRatingAndAMissingSource() {
        var condition = new ConditionContent("spinal-stenosis", "Spinal stenosis", "s", List.of(), List.of(), "seed 002");
        var broken = new ExerciseContent("lonely", "Lonely", List.of(), Category.STRENGTH, Position.STANDING, List.of(),
                Impact.LOW, SpinalLoad.LOW, Direction.NEUTRAL, Difficulty.BEGINNER, List.of("Stand."), null, List.of(),
                List.of("no-such-exercise"), List.of(), null, null,
                Map.of("spinal-stenosis", new ExerciseContent.ConditionRating(Rating.AVOID, null, List.of())));
        List<String> defects = new CatalogContent(List.of(condition), List.of(broken), 0).defects();
        assertTrue(defects.contains("lonely: links to unknown exercise no-such-exercise"), defects.toString());
        assertTrue(defects.contains("lonely: names no source"), defects.toString());
        assertTrue(defects.contains("lonely: AVOID for spinal-stenosis needs a note saying what to change or why"),
                defects.toString());
    }
}

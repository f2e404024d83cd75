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
        assertTrue(content.exercises().size() >= 8);
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

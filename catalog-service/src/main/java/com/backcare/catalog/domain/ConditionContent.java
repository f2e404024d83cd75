package com.backcare.catalog.domain;

import java.util.List;

/** A spinal condition's exercise guidance (catalog/conditions.yaml, from catalog-guidance.md). */
public record ConditionContent(String slug, String name, String summary, List<String> avoid, List<String> emphasise,
        String source) {
}

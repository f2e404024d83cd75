package com.backcare.journal.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.backcare.events.QuestionnaireResponseEventData.Answer;

/**
 * A scored questionnaire as the journal checks and scores a response to it: its items, the score of each answer
 * option, and how the item scores combine. Built from the instrument's FHIR Questionnaire and scoring settings
 * ({@code questionnaires/*.json}), which {@code fhirJson} is, as served.
 */
public record Instrument(String id, String title, List<Item> items, Scoring scoring, String fhirJson) {

    /** One item: its linkId, whether it must be answered, and each answer option's code with its score. */
    public record Item(String linkId, boolean required, Map<String, Integer> scoreByCode) {
    }

    public Optional<Item> item(String linkId) {
        return items.stream().filter(i -> i.linkId().equals(linkId)).findFirst();
    }

    /** A response checked against the instrument: each answered item's score, or what is wrong, field by field. */
    public record Checked(Map<String, Integer> itemScores, List<Violation> violations) {
    }

    /** What is wrong with one field of a response ({@code answers[2].code}, say), in words. */
    public record Violation(String field, String message) {
    }

    /**
     * Checks every answer: a known item, answered once, with one of its answer codes; every required item answered,
     * and no more optional items left out than the scoring allows.
     */
    public Checked check(List<Answer> answers) {
        Map<String, Integer> scores = new java.util.LinkedHashMap<>();
        List<Violation> violations = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            Optional<Item> item = item(answer.linkId());
            if (item.isEmpty()) {
                violations.add(new Violation("answers[" + i + "].linkId", "no item " + answer.linkId() + " in " + id
                        + " (items " + String.join(", ", items.stream().map(Item::linkId).toList()) + ")"));
            } else if (scores.containsKey(answer.linkId())) {
                violations.add(new Violation("answers[" + i + "].linkId", "item " + answer.linkId() + " is answered twice"));
            } else if (!item.get().scoreByCode().containsKey(answer.code())) {
                violations.add(new Violation("answers[" + i + "].code", "not an answer to item " + answer.linkId()
                        + " (one of " + String.join(", ", item.get().scoreByCode().keySet()) + ")"));
            } else {
                scores.put(answer.linkId(), item.get().scoreByCode().get(answer.code()));
            }
        }
        List<String> requiredMissing = items.stream().filter(Item::required).map(Item::linkId)
                .filter(linkId -> !answeredAt(answers, linkId)).toList();
        if (!requiredMissing.isEmpty()) {
            violations.add(new Violation("answers", "every item of " + id + " must be answered; missing "
                    + String.join(", ", requiredMissing)));
        }
        List<String> optionalMissing = items.stream().filter(item -> !item.required()).map(Item::linkId)
                .filter(linkId -> !answeredAt(answers, linkId)).toList();
        if (optionalMissing.size() > scoring.maxMissing()) {
            violations.add(new Violation("answers", "at most " + scoring.maxMissing() + " item(s) of " + id
                    + " may be left out; missing " + String.join(", ", optionalMissing)));
        }
        return new Checked(Map.copyOf(scores), List.copyOf(violations));
    }

    private static boolean answeredAt(List<Answer> answers, String linkId) {
        return answers.stream().anyMatch(a -> linkId.equals(a.linkId()));
    }
}

package com.backcare.catalog.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Matches what a patient types against an exercise's name, aliases and slug, tolerating typos: each word of the
 * query must match a word of the exercise exactly, as a prefix, or within one edit (two for words of six letters or
 * more). "brid dog" finds the bird-dog, "cobra" the prone press-up.
 */
public final class TextMatch {

    private TextMatch() {
    }

    /** 0 when the query does not match; higher is better. */
    public static int score(String query, ExerciseContent e) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return 1;
        }
        List<String> terms = new ArrayList<>(words(e.name()));
        terms.addAll(words(e.slug()));
        if (e.aliases() != null) {
            e.aliases().forEach(a -> terms.addAll(words(a)));
        }
        String phrase = String.join(" ", words);
        int total = normalize(e.name()).contains(phrase) ? 10 : 0;
        for (String word : words) {
            int best = 0;
            for (String term : terms) {
                best = Math.max(best, wordScore(word, term));
            }
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        return total;
    }

    private static int wordScore(String word, String term) {
        if (term.equals(word)) {
            return 4;
        }
        if (term.startsWith(word) && word.length() >= 3) {
            return 3;
        }
        int allowed = word.length() >= 6 ? 2 : word.length() >= 3 ? 1 : 0;
        return allowed > 0 && distance(word, term, allowed) <= allowed ? 2 : 0;
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : normalize(text).split("[^a-z0-9]+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
        return words;
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Edit distance counting a swap of neighbouring letters as one edit ("brid" for "bird"), the commonest typo
     * (optimal string alignment); gives up with {@code limit + 1} once the distance must exceed {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}

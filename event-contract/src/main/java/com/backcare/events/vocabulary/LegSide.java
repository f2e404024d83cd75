package com.backcare.events.vocabulary;

/** Which leg a symptom is in. See journal-vocabulary.md. */
public enum LegSide {
    LEFT,
    RIGHT,
    BOTH
}

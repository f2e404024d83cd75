package com.backcare.events.vocabulary;

/** How much a medication helped. See journal-vocabulary.md. */
public enum MedicationEffect {
    NONE,
    SOME,
    GOOD
}

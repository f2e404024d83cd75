package com.backcare.events.vocabulary;

/** When the pain is felt; HOURS_AFTER_EXERCISE is the 12-48 h soreness window, AT_NIGHT wakes the patient. See journal-vocabulary.md. */
public enum PainTiming {
    DURING_EXERCISE,
    IMMEDIATELY_AFTER_EXERCISE,
    HOURS_AFTER_EXERCISE,
    AT_REST,
    AT_NIGHT,
    ON_WAKING,
    CONSTANT,
    WITH_MOVEMENT
}

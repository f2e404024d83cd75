package com.backcare.events.vocabulary;

/** What the pain feels like. See journal-vocabulary.md. */
public enum PainQuality {
    DULL,
    ACHING,
    SHARP,
    STABBING,
    BURNING,
    TINGLING,
    ELECTRIC,
    THROBBING,
    CRAMPING,
    STIFF
}

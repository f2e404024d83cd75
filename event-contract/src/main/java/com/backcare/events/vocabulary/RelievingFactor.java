package com.backcare.events.vocabulary;

/** What eases the pain. See journal-vocabulary.md. */
public enum RelievingFactor {
    REST,
    LYING_DOWN,
    POSITION_CHANGE,
    MOVEMENT,
    HEAT,
    ICE,
    MEDICATION,
    STRETCHING,
    NOTHING_HELPS
}

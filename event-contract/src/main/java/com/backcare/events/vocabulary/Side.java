package com.backcare.events.vocabulary;

/** Which side of the body a location is on. See journal-vocabulary.md. */
public enum Side {
    LEFT,
    RIGHT,
    BOTH,
    MIDLINE
}

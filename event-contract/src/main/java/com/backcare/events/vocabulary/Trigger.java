package com.backcare.events.vocabulary;

/** What brings the pain on. See journal-vocabulary.md. */
public enum Trigger {
    BENDING_FORWARD,
    BENDING_BACKWARD,
    SIDE_BENDING,
    TWISTING,
    LIFTING,
    SITTING,
    STANDING,
    WALKING,
    COUGHING_SNEEZING,
    EXERCISE
}

package com.backcare.events.vocabulary;

/** A self-assessment movement test. See journal-vocabulary.md. */
public enum SelfTest {
    FLEXION,
    EXTENSION,
    SIDE_BEND_LEFT,
    SIDE_BEND_RIGHT,
    ROTATION_LEFT,
    ROTATION_RIGHT,
    SIT_TO_STAND,
    SINGLE_LEG_STANCE_LEFT,
    SINGLE_LEG_STANCE_RIGHT,
    WALKING
}

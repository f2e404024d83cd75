package com.backcare.catalog.domain;

/** The starting position. */
public enum Position {
    LYING_ON_BACK,
    LYING_ON_FRONT,
    SIDE_LYING,
    HANDS_AND_KNEES,
    KNEELING,
    SEATED,
    STANDING,
    IN_WATER
}

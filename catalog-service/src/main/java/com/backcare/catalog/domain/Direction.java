package com.backcare.catalog.domain;

/** Which way the spine moves. */
public enum Direction {
    FLEXION,
    EXTENSION,
    ROTATION,
    SIDE_BEND,
    NEUTRAL
}

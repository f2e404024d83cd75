package com.backcare.catalog.domain;

/** How much strength and control the exercise asks for. */
public enum Difficulty {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED
}

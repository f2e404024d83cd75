package com.backcare.catalog.domain;

/** How much the exercise compresses or shears the spine. */
public enum SpinalLoad {
    NONE,
    LOW,
    MODERATE,
    HIGH
}

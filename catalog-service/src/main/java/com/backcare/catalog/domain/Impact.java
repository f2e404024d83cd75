package com.backcare.catalog.domain;

/** How hard the body meets the ground. */
public enum Impact {
    NONE,
    LOW,
    MODERATE,
    HIGH
}

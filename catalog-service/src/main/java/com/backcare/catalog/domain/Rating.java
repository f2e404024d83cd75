package com.backcare.catalog.domain;

/** How an exercise suits a condition: as it is, with a change (CAUTION), or not at all (AVOID). */
public enum Rating {
    RECOMMENDED,
    CAUTION,
    AVOID
}

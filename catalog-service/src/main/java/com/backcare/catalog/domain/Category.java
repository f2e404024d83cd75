package com.backcare.catalog.domain;

/** A kind of exercise. */
public enum Category {
    CARDIO_LOW_IMPACT,
    CARDIO_MODERATE_IMPACT,
    CORE_STABILITY,
    MOBILITY_STRETCH,
    STRENGTH,
    MIND_BODY,
    SELF_MASSAGE
}

package com.backcare.events.vocabulary;

/** Where the pain is felt. See journal-vocabulary.md. */
public enum BodySite {
    LOWER_BACK,
    MID_BACK,
    UPPER_BACK,
    NECK,
    BUTTOCK,
    HIP,
    GROIN,
    LEG_ABOVE_KNEE,
    LEG_BELOW_KNEE,
    FOOT
}

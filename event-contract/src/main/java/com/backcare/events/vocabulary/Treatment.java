package com.backcare.events.vocabulary;

/** A treatment the patient used. See journal-vocabulary.md. */
public enum Treatment {
    HEAT,
    ICE,
    MASSAGE,
    PHYSIOTHERAPY,
    CHIROPRACTIC,
    ACUPUNCTURE,
    TOPICAL_ANALGESIC,
    BRACE,
    OTHER
}

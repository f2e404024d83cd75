package com.backcare.events.vocabulary;

/** A symptom beside the pain; NUMBNESS, TINGLING and WEAKNESS are in the legs. See journal-vocabulary.md. */
public enum SymptomCode {
    NUMBNESS,
    TINGLING,
    WEAKNESS,
    SADDLE_NUMBNESS,
    BLADDER_DYSFUNCTION,
    BOWEL_DYSFUNCTION,
    SEXUAL_DYSFUNCTION,
    GAIT_DISTURBANCE,
    FEVER,
    CHILLS,
    UNEXPLAINED_WEIGHT_LOSS;

    /** The triage rules' "leg symptom". */
    public boolean isLegSymptom() {
        return this == NUMBNESS || this == TINGLING || this == WEAKNESS;
    }
}

package com.backcare.events.vocabulary;

/** Medical history that changes what back pain may mean. See journal-vocabulary.md. */
public enum RiskHistory {
    CANCER,
    OSTEOPOROSIS,
    LONG_TERM_STEROIDS,
    IMMUNOSUPPRESSION,
    IV_DRUG_USE,
    RECENT_INFECTION,
    PRIOR_SPINE_SURGERY
}

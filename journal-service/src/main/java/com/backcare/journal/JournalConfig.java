package com.backcare.journal;

import java.util.Map;


import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** journal-service settings. */
@ConfigMapping(prefix = "journal")
public interface JournalConfig {

    WriteLimits writeLimits();

    Questionnaires questionnaires();

    /** The scored questionnaires' settings. */
    interface Questionnaires {
        /**
         * A folder of licensed Questionnaire resources ({@code <id>.json}, e.g. start-back.json) whose wording replaces
         * the topic labels BackCare ships; each must have the shipped instrument's items, codes and answer codes.
         */
        java.util.Optional<java.nio.file.Path> licensedWordingDir();
    }

    /**
     * How many writes (entries recorded, corrected or deleted, profile changes) an hour: far above what any real diary
     * needs, low enough that a client stuck in a retry loop cannot bury triage under one patient's events.
     */
    interface WriteLimits {
        @WithDefault("120")
        int perPatientPerHour();

        @WithDefault("360000")
        int perClinicPerHour();

        /** A clinic's own limit, by clinic id, where it differs from {@link #perClinicPerHour()}. */
        Map<String, Integer> clinicPerHour();

        /** A clinic's own per-patient limit, by clinic id. */
        Map<String, Integer> patientPerHour();
    }
}

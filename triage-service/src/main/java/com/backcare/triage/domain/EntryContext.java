package com.backcare.triage.domain;

import com.backcare.events.PainReport;
import com.backcare.events.PatientProfile;
import com.backcare.events.vocabulary.LegSide;
import com.backcare.events.vocabulary.SymptomCode;

/** What a single-entry rule looks at: the entry and the patient's current profile. */
public record EntryContext(PainReport entry, PatientProfile profile) {

    public boolean has(SymptomCode code) {
        return entry.hasSymptom(code);
    }

    public boolean hasOnSide(SymptomCode code, LegSide side) {
        return entry.associatedSymptoms().stream().anyMatch(s -> s.code() == code && s.side() == side);
    }
}

package com.backcare.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.backcare.events.PatientProfile;
import com.backcare.triage.domain.EntryContext;
import com.backcare.triage.domain.Finding;
import com.backcare.triage.domain.TriageRules;

/** Each rule with the case that fires it and the nearest case that must not (triage-rules.md). */
class TriageRulesTest {

    private static List<String> firedBy(String entryJson) {
        return TriageRules.evaluate(new EntryContext(JournalEvents.report(entryJson), PatientProfile.empty())).stream()
                .map(Finding::rule).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bladder dysfunction fires CES_BLADDER     | {"intensity":4,"associatedSymptoms":[{"code":"BLADDER_DYSFUNCTION"}]}        | CES_BLADDER
            bowel dysfunction fires CES_BOWEL         | {"intensity":4,"associatedSymptoms":[{"code":"BOWEL_DYSFUNCTION"}]}          | CES_BOWEL
            saddle numbness fires CES_SADDLE          | {"intensity":4,"associatedSymptoms":[{"code":"SADDLE_NUMBNESS"}]}            | CES_SADDLE
            sexual dysfunction fires CES_SEXUAL       | {"intensity":4,"associatedSymptoms":[{"code":"SEXUAL_DYSFUNCTION"}]}         | CES_SEXUAL
            numbness in both legs fires CES_BILATERAL | {"intensity":4,"associatedSymptoms":[{"code":"NUMBNESS","side":"BOTH"}]}     | CES_BILATERAL
            weakness in both legs fires CES_BILATERAL | {"intensity":4,"associatedSymptoms":[{"code":"WEAKNESS","side":"BOTH"}]}     | CES_BILATERAL
            """)
    void aCaudaEquinaSignFiresItsRule(String name, String entry, String rule) {
        assertEquals(List.of(rule), firedBy(entry));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            numbness in one leg is not bilateral       | {"intensity":4,"associatedSymptoms":[{"code":"NUMBNESS","side":"LEFT"}]}
            weakness in one leg is not bilateral       | {"intensity":4,"associatedSymptoms":[{"code":"WEAKNESS","side":"RIGHT"}]}
            tingling in both legs is not CES_BILATERAL | {"intensity":4,"associatedSymptoms":[{"code":"TINGLING","side":"BOTH"}]}
            normal delayed soreness raises nothing     | {"intensity":5,"qualities":["ACHING","STIFF"],"timing":["HOURS_AFTER_EXERCISE"]}
            severe groin pain alone is no CES sign     | {"intensity":9,"locations":[{"site":"GROIN","side":"BOTH"}]}
            """)
    void theNearestCaseRaisesNoCaudaEquinaAlert(String name, String entry) {
        assertEquals(List.of(), firedBy(entry).stream().filter(r -> r.startsWith("CES_")).toList());
    }
}

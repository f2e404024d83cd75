package com.backcare.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

import com.backcare.localstack.FhirValidation;

import com.backcare.journal.domain.Instrument;
import com.backcare.journal.persistence.QuestionnaireLibrary;

import ca.uhn.fhir.context.FhirContext;

/** The shipped questionnaires are valid FHIR R4 Questionnaires, coded with the right LOINC codes in Keele's order. */
class QuestionnaireDefinitionsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static List<String> errors(String json) {
        return FhirValidation.errors(json);
    }

    private static Questionnaire parsed(Instrument instrument) {
        return FHIR.newJsonParser().parseResource(Questionnaire.class, instrument.fhirJson());
    }

    @Test
    void eachQuestionnaireIsValidAgainstTheR4BaseSpecification() {
        for (Instrument instrument : QuestionnaireLibrary.shipped().all()) {
            assertEquals(List.of(), errors(instrument.fhirJson()), instrument.id());
        }
    }

    @Test
    void theValidatorCatchesABrokenQuestionnaire() {
        String noStatus = QuestionnaireLibrary.shipped().byId("odi").orElseThrow().fhirJson()
                .replace("\"status\":\"active\",", "").replace("\"type\":\"choice\"", "\"type\":\"multiple-choice\"");
        assertTrue(errors(noStatus).size() >= 2, "a missing status and an unknown item type are errors");
    }

    @Test
    void startBackItemsCarryTheirLoincCodesInKeelesOrder() {
        Questionnaire startBack = parsed(QuestionnaireLibrary.shipped().byId("start-back").orElseThrow());
        assertEquals("91349-1", startBack.getCodeFirstRep().getCode());
        assertEquals(List.of("91340-0", "91341-8", "91342-6", "91343-4", "91344-2", "91345-9", "91346-7", "91347-5",
                "91348-3"), startBack.getItem().stream().map(i -> i.getCodeFirstRep().getCode()).toList());
        startBack.getItem().forEach(i -> assertEquals("http://loinc.org", i.getCodeFirstRep().getSystem()));
        Questionnaire odi = parsed(QuestionnaireLibrary.shipped().byId("odi").orElseThrow());
        assertEquals("97908-8", odi.getCodeFirstRep().getCode());
    }

    @Test
    void everyLoincCodeHasAValidCheckDigit() {
        for (String code : List.of("91340-0", "91341-8", "91342-6", "91343-4", "91344-2", "91345-9", "91346-7",
                "91347-5", "91348-3", "91349-1", "91350-9", "91351-7", "91352-5", "97908-8", "97909-6")) {
            assertTrue(loincCheckDigitHolds(code), code);
        }
    }

    /** LOINC's mod-10 check digit (the Luhn algorithm on the part before the hyphen). */
    static boolean loincCheckDigitHolds(String code) {
        String[] parts = code.split("-");
        int sum = 0;
        String digits = new StringBuilder(parts[0]).reverse().toString();
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10 == Integer.parseInt(parts[1]);
    }
}

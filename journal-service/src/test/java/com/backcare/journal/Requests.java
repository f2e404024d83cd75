package com.backcare.journal;

/** Paths and sample bodies of this service's tests; the callers themselves are local-stack's Callers. */
final class Requests {

    private Requests() {
    }

    static String entriesOf(String patient) {
        return "/api/v1/patients/" + patient + "/entries";
    }

    static String profileOf(String patient) {
        return "/api/v1/patients/" + patient + "/profile";
    }

    static String responsesOf(String patient) {
        return "/api/v1/patients/" + patient + "/questionnaire-responses";
    }

    /** A STarT Back response scoring total 5, psychosocial 4: high risk. */
    static final String START_BACK_HIGH = """
            {"questionnaire": "start-back", "answers": [
              {"linkId": "1", "code": "agree"}, {"linkId": "2", "code": "disagree"}, {"linkId": "3", "code": "disagree"},
              {"linkId": "4", "code": "disagree"}, {"linkId": "5", "code": "agree"}, {"linkId": "6", "code": "agree"},
              {"linkId": "7", "code": "agree"}, {"linkId": "8", "code": "disagree"}, {"linkId": "9", "code": "very-much"}]}
            """;

    static final String CAUDA_EQUINA_ENTRY = """
            {"recordedAt": "2026-11-20T08:00:00Z", "intensity": 7,
             "locations": [{"site": "LOWER_BACK", "side": "MIDLINE"}],
             "qualities": ["SHARP"],
             "associatedSymptoms": [{"code": "SADDLE_NUMBNESS"}, {"code": "BLADDER_DYSFUNCTION"}]}
            """;

}

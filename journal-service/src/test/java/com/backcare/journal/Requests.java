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

    static final String CAUDA_EQUINA_ENTRY = """
            {"recordedAt": "2026-11-20T08:00:00Z", "intensity": 7,
             "locations": [{"site": "LOWER_BACK", "side": "MIDLINE"}],
             "qualities": ["SHARP"],
             "associatedSymptoms": [{"code": "SADDLE_NUMBNESS"}, {"code": "BLADDER_DYSFUNCTION"}]}
            """;

}

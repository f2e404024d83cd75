package com.backcare.triage;

/** Paths and sample bodies of this service's tests; the callers themselves are local-stack's Callers. */
final class Requests {

    private Requests() {
    }

    static String statusOf(String patient) {
        return "/api/v1/patients/" + patient + "/status";
    }
}

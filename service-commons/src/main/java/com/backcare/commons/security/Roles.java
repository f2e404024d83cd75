package com.backcare.commons.security;

/** The roles carried in a token's {@code groups} claim. */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String CLINICIAN = "clinician";
    public static final String CLINIC_ADMIN = "clinic-admin";

    private Roles() {
    }

    /** The role a set of groups acts in, the broadest first; "other" when it holds none of ours. */
    public static String primaryOf(java.util.Set<String> groups) {
        return groups.contains(CLINIC_ADMIN) ? CLINIC_ADMIN : groups.contains(CLINICIAN) ? CLINICIAN
                : groups.contains(PATIENT) ? PATIENT : "other";
    }
}

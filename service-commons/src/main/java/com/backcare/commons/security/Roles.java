package com.backcare.commons.security;

/** The roles carried in a token's {@code groups} claim. */
public final class Roles {

    public static final String PATIENT = "patient";
    public static final String CLINICIAN = "clinician";
    public static final String CLINIC_ADMIN = "clinic-admin";

    private Roles() {
    }
}

package com.backcare.commons.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.backcare.commons.problem.ApiProblem;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Who is calling, read from the verified token: the clinic (tenant) is the {@code clinic_id} claim, the user or
 * patient the {@code sub}. Every query a service runs is scoped by {@link #clinicId()}, so another clinic's
 * data is never even read; patients are further held to their own id.
 */
@RequestScoped
public class Caller {

    /** Ids are opaque strings chosen by the clinic's systems (journal-vocabulary.md, Identity). */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

    @Inject
    JsonWebToken jwt;

    public String clinicId() {
        String clinic = jwt.getClaim("clinic_id");
        if (clinic == null || !clinic.matches(ID_PATTERN)) {
            throw new AuthenticationFailedException("token has no valid clinic_id claim");
        }
        return clinic;
    }

    public String subject() {
        return jwt.getSubject();
    }

    public boolean isPatient() {
        return jwt.getGroups().contains(Roles.PATIENT) && !isStaff();
    }

    public boolean isStaff() {
        return jwt.getGroups().contains(Roles.CLINICIAN) || jwt.getGroups().contains(Roles.CLINIC_ADMIN);
    }

    public String role() {
        return Roles.primaryOf(jwt.getGroups());
    }

    /**
     * Refuses a patient who asks for another patient's data. Staff pass: their reach is their clinic, which
     * every query enforces through {@link #clinicId()}.
     */
    public void requireAccessToPatient(String patientId) {
        clinicId();
        if (!isStaff() && !patientId.equals(subject())) {
            throw ApiProblem.forbidden("patients may only reach their own data");
        }
    }

    /** Refuses an admin of one clinic who addresses another clinic's settings. */
    public void requireOwnClinic(String clinicId) {
        if (!clinicId().equals(clinicId)) {
            throw ApiProblem.notFound("no clinic " + clinicId);
        }
    }
}

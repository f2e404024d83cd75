package com.backcare.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.domain.AlertQueries;

@Path("/api/v1/patients/{patientId}/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient status")
public class PatientStatusResource {

    @Inject
    AlertQueries alerts;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public PatientStatusResponse get(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId) {
        return PatientStatusResponse.of(patientId, alerts.openAlertsOf(patientId));
    }
}

package com.backcare.journal.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.events.PatientProfile;
import com.backcare.journal.domain.JournalService;

@Path("/api/v1/patients/{patientId}/profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk profile")
public class ProfileResource {

    @Inject
    JournalService journal;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Audited("PROFILE_READ")
    public ProfileResponse get(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId) {
        return ProfileResponse.of(journal.profile(patientId));
    }

    @PUT
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    @Audited("PROFILE_UPDATE")
    public ProfileResponse put(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @NotNull @Valid PatientProfile profile) {
        return ProfileResponse.of(journal.updateProfile(patientId, profile));
    }
}

package com.backcare.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.catalog.domain.ExercisePlan;
import com.backcare.catalog.domain.PlanService;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;

@Path("/api/v1/patients/{patientId}/exercise-plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercise plan")
public class ExercisePlanResource {

    @Inject
    PlanService plans;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    @Operation(summary = "Today's session for the patient",
            description = "Warm-up, main part and cool-down within the minutes given, from the patient's diagnosed "
                    + "conditions and triage status; each exercise with its dose and why it was chosen.")
    public ExercisePlan get(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @QueryParam("minutes") String minutesParam) {
        int minutes = QueryParams.wholeNumber("minutes", minutesParam, 30, 10, 120);
        return plans.plan(patientId, minutes);
    }
}

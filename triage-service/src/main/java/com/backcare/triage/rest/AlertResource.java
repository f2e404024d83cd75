package com.backcare.triage.rest;

import java.util.List;
import java.util.UUID;

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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.paging.Page;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.domain.AlertQueries;
import com.backcare.triage.domain.AlertStatus;
import com.backcare.triage.domain.Tier;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {

    @Inject
    AlertQueries alerts;

    /** The clinic's alert queue, most urgent tier first and oldest first within a tier. */
    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public Page<AlertResponse> list(@QueryParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @QueryParam("tier") List<String> tier, @QueryParam("status") List<String> status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return alerts.queue(patientId, QueryParams.enums("tier", tier, Tier.class),
                QueryParams.enums("status", status, AlertStatus.class), cursor, limit).map(AlertResponse::of);
    }

    @GET
    @Path("{alertId}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public AlertResponse get(@PathParam("alertId") UUID alertId) {
        return AlertResponse.withHistory(alerts.alert(alertId));
    }
}

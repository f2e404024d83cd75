package com.backcare.triage.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.paging.Page;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.domain.AlertLifecycle;
import com.backcare.triage.domain.AlertQueries;
import com.backcare.triage.domain.AlertStatus;
import com.backcare.triage.domain.Tier;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
public class AlertResource {

    @Inject
    AlertQueries alerts;
    @Inject
    AlertLifecycle lifecycle;

    /**
     * The clinic's alert queue, most urgent tier first and oldest first within a tier; filters by patient, tier,
     * status, rule (each repeatable or comma-separated) and creation time in [from, to).
     */
    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public Page<AlertResponse> list(@QueryParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @QueryParam("tier") List<String> tier, @QueryParam("status") List<String> status,
            @QueryParam("rule") List<String> rule, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limitParam) {
        int limit = QueryParams.wholeNumber("limit", limitParam, 20, 1, 100);
        java.util.Set<String> rules = new java.util.TreeSet<>();
        if (rule != null) {
            rule.forEach(r -> java.util.Arrays.stream(r.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                    .forEach(rules::add));
        }
        return alerts.queue(patientId, QueryParams.enums("tier", tier, Tier.class),
                QueryParams.enums("status", status, AlertStatus.class), rules, QueryParams.instant("from", from),
                QueryParams.instant("to", to), cursor, limit).map(AlertResponse::of);
    }

    @GET
    @Path("{alertId}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public AlertResponse get(@PathParam("alertId") UUID alertId) {
        return AlertResponse.withHistory(alerts.alert(alertId));
    }

    /** A note on a lifecycle step. */
    public record Note(@Size(max = 2000) String note) {
    }

    /** A resolution always says why. */
    public record Resolution(@NotBlank @Size(max = 2000) String note) {
    }

    @POST
    @Path("{alertId}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "Take the alert on: stops its escalation")
    public AlertResponse acknowledge(@PathParam("alertId") UUID alertId, @Valid Note note) {
        return AlertResponse.withHistory(lifecycle.acknowledge(alertId, note == null ? null : note.note()));
    }

    @POST
    @Path("{alertId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "Resolve the alert with a note",
            description = "EMERGENCY and URGENT alerts must be acknowledged first: they cannot be silenced.")
    public AlertResponse resolve(@PathParam("alertId") UUID alertId, @NotNull @Valid Resolution resolution) {
        return AlertResponse.withHistory(lifecycle.resolve(alertId, resolution.note()));
    }
}

package com.backcare.journal.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.paging.Page;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.events.PainReport;
import com.backcare.journal.domain.JournalService;
import com.backcare.journal.persistence.PainEntryEntity;

@Path("/api/v1/patients/{patientId}/entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pain journal entries")
public class EntryResource {

    @Inject
    JournalService journal;

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    public Response record(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @NotNull @Valid PainReport report) {
        PainEntryEntity entry = journal.record(patientId, report);
        return Response.created(URI.create("/api/v1/patients/" + patientId + "/entries/" + entry.id))
                .entity(EntryResponse.of(entry)).build();
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public Page<EntryResponse> list(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return journal.entries(patientId, QueryParams.instant("from", from), QueryParams.instant("to", to), cursor, limit)
                .map(EntryResponse::of);
    }

    @GET
    @Path("{entryId}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public EntryResponse get(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @PathParam("entryId") UUID entryId) {
        return EntryResponse.of(journal.entry(patientId, entryId));
    }
}

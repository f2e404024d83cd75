package com.backcare.journal.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.events.PainReport;
import com.backcare.journal.domain.JournalService;
import com.backcare.journal.persistence.PainEntryEntity;
import com.backcare.journal.persistence.PainEntryRevisionEntity;

@Path("/api/v1/patients/{patientId}/entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pain journal entries")
public class EntryResource {

    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    JournalService journal;

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    @Audited("ENTRY_CREATE")
    @Operation(summary = "Record a pain journal entry",
            description = "With an Idempotency-Key, a retry with the same body returns the first result and stores "
                    + "nothing new; the same key with another body is a 422.")
    public Response record(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @Parameter(description = "Client-chosen key (1-255 visible ASCII characters) that makes retries safe")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid PainReport report) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        JournalService.Recorded recorded = journal.record(patientId, report, idempotencyKey);
        PainEntryEntity entry = recorded.entry();
        var response = Response.created(URI.create("/api/v1/patients/" + patientId + "/entries/" + entry.id))
                .tag(etag(entry)).entity(EntryResponse.of(entry));
        if (recorded.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Audited("ENTRY_LIST")
    @Operation(summary = "List entries, newest first, optionally recorded in [from, to)")
    public Page<EntryResponse> list(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitParam) {
        int limit = QueryParams.wholeNumber("limit", limitParam, 20, 1, 100);
        return journal.entries(patientId, QueryParams.instant("from", from), QueryParams.instant("to", to), cursor, limit)
                .map(EntryResponse::of);
    }

    @GET
    @Path("{entryId}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Audited("ENTRY_READ")
    public Response get(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @PathParam("entryId") UUID entryId) {
        PainEntryEntity entry = journal.entry(patientId, entryId);
        return Response.ok(EntryResponse.of(entry)).tag(etag(entry)).build();
    }

    @PUT
    @Path("{entryId}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    @Audited("ENTRY_CORRECT")
    @Operation(summary = "Correct an entry",
            description = "Replaces the report; a missing recordedAt keeps the original. With If-Match (the ETag of "
                    + "the entry), a concurrent change is a 412 instead of being overwritten.")
    public Response correct(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @PathParam("entryId") UUID entryId, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid PainReport report) {
        PainEntryEntity entry = journal.correct(patientId, entryId, report, revisionOf(ifMatch));
        return Response.ok(EntryResponse.of(entry)).tag(etag(entry)).build();
    }

    @DELETE
    @Path("{entryId}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    @Audited("ENTRY_DELETE")
    public Response delete(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @PathParam("entryId") UUID entryId, @HeaderParam("If-Match") String ifMatch) {
        journal.delete(patientId, entryId, revisionOf(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{entryId}/history")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Audited("ENTRY_HISTORY")
    @Operation(summary = "Every revision of an entry: who, when, what changed (deleted entries included)")
    public List<Revision> history(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @PathParam("entryId") UUID entryId) {
        return journal.history(patientId, entryId).stream().map(Revision::of).toList();
    }

    /** One revision of an entry. */
    public record Revision(int revision, String action, Instant at, String by, String role, List<String> changedFields,
            PainReport entry) {

        static Revision of(PainEntryRevisionEntity r) {
            return new Revision(r.key.revision, r.action, r.changedAt, r.changedBy, r.changedByRole, r.changedFields,
                    r.report);
        }
    }

    private static EntityTag etag(PainEntryEntity entry) {
        return new EntityTag(Integer.toString(entry.revision));
    }

    private static Integer revisionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.trim().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("If-Match", "must be the ETag of the entry, e.g. \"3\"");
        }
    }
}

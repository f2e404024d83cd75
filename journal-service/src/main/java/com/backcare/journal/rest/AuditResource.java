package com.backcare.journal.rest;

import java.time.Instant;

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
import com.backcare.commons.rest.OpaqueIds;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.journal.domain.AuditTrail;
import com.backcare.journal.persistence.AuditRecordEntity;

/** The clinic's audit trail, read-only: no method alters or deletes a record. */
@Path("/api/v1/clinics/{clinicId}/audit-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditTrail trail;
    @Inject
    OpaqueIds ids;

    /** One access to a patient's data; never any clinical content. */
    public record AuditRecord(String id, Instant at, String patientId, String actor, String role, String action,
            String outcome, int status) {

        static AuditRecord of(AuditRecordEntity r, OpaqueIds ids) {
            return new AuditRecord(ids.encode(r.clinicId, r.id), r.at, r.patientId, r.actor, r.role, r.action, r.outcome, r.status);
        }
    }

    @GET
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Page<AuditRecord> list(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @QueryParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitParam) {
        int limit = QueryParams.wholeNumber("limit", limitParam, 50, 1, 100);
        return trail.records(clinicId, patientId, QueryParams.instant("from", from), QueryParams.instant("to", to),
                cursor, limit).map(r -> AuditRecord.of(r, ids));
    }
}

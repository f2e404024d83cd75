package com.backcare.catalog.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.catalog.domain.ClinicCatalog;
import com.backcare.catalog.domain.ExerciseContent;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;

/** A clinic's tailoring of the catalog; only its own admins change it, and no other clinic sees it. */
@Path("/api/v1/clinics/{clinicId}/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLINIC_ADMIN)
@Tag(name = "Clinic catalog")
public class ClinicExerciseResource {

    @Inject
    ClinicCatalog catalog;

    @GET
    @Operation(summary = "The clinic's own exercises and the global ones it hid")
    public ClinicCatalog.Tailoring get(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId) {
        return catalog.tailoring(clinicId);
    }

    @POST
    @Operation(summary = "Add an exercise of the clinic's own",
            description = "The same shape as the global content: it must rate every condition, name its source, and "
                    + "link only to exercises the clinic can see.")
    public Response add(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @NotNull ExerciseContent exercise) {
        ExerciseContent added = catalog.add(clinicId, exercise);
        return Response.created(URI.create("/api/v1/exercises/" + added.slug())).entity(added).build();
    }

    @DELETE
    @Path("{slug}")
    public Response remove(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @PathParam("slug") String slug) {
        catalog.remove(clinicId, slug);
        return Response.noContent().build();
    }

    @PUT
    @Path("{slug}/hidden")
    @Operation(summary = "Hide a global exercise for this clinic")
    public Response hide(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @PathParam("slug") String slug) {
        catalog.hide(clinicId, slug);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{slug}/hidden")
    @Operation(summary = "Show a hidden global exercise again")
    public Response unhide(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @PathParam("slug") String slug) {
        catalog.unhide(clinicId, slug);
        return Response.noContent().build();
    }
}

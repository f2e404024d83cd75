package com.backcare.catalog.rest;

import java.util.List;

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

import com.backcare.catalog.domain.CatalogQueries;
import com.backcare.catalog.domain.Category;
import com.backcare.catalog.domain.ExerciseContent;
import com.backcare.catalog.domain.Position;
import com.backcare.catalog.persistence.ExerciseEntity;
import com.backcare.commons.paging.Page;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Roles;

@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises")
public class ExerciseResource {

    @Inject
    CatalogQueries catalog;

    /** Exercises by slug; with {@code condition}, only those safe for it, each with its caution note. */
    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public Page<ExerciseSummary> list(
            @QueryParam("condition") @Pattern(regexp = "[a-z0-9-]{1,64}") String condition,
            @QueryParam("category") List<String> category, @QueryParam("position") List<String> position,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        var filter = new ExerciseEntity.Filter(condition, QueryParams.enums("category", category, Category.class),
                QueryParams.enums("position", position, Position.class));
        return catalog.exercises(filter, cursor, limit).map(ExerciseSummary::of);
    }

    @GET
    @Path("{slug}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public ExerciseContent get(@PathParam("slug") String slug) {
        return catalog.exercise(slug).content;
    }
}

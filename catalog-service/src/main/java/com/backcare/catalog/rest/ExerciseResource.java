package com.backcare.catalog.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.catalog.domain.CatalogQueries;
import com.backcare.catalog.domain.Category;
import com.backcare.catalog.domain.Difficulty;
import com.backcare.catalog.domain.Direction;
import com.backcare.catalog.domain.ExerciseContent;
import com.backcare.catalog.domain.ExerciseFilter;
import com.backcare.catalog.domain.Impact;
import com.backcare.catalog.domain.Position;
import com.backcare.catalog.domain.SpinalLoad;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Roles;

@Path("/api/v1/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises")
public class ExerciseResource {

    /** What a page of the list looks like (the body is precomputed bytes, so the document needs telling). */
    @Schema(name = "ExercisePage")
    record ExercisePage(List<ExerciseSummary> items, @Schema(description = "Absent on the last page") String nextCursor) {
    }

    @Inject
    CatalogQueries catalog;
    @Inject
    PrecomputedLists lists;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "Exercises, filtered",
            description = "Every filter takes several values (repeat it or separate with commas). With condition, only "
                    + "what is safe for every condition given, with the caution notes; include=avoid adds the rest, "
                    + "marked AVOID with the reason and the alternatives. painLevel 7 or more keeps only gentle lying or "
                    + "seated work with no or low spinal load. q searches names and aliases and tolerates typos.")
    @APIResponse(responseCode = "200", description = "A page of exercises, with an ETag (If-None-Match answers 304)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExercisePage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response list(@QueryParam("condition") List<String> condition,
            @QueryParam("include") String include, @QueryParam("category") List<String> category,
            @QueryParam("position") List<String> position, @QueryParam("equipment") List<String> equipment,
            @QueryParam("impact") List<String> impact, @QueryParam("maxLoad") String maxLoad,
            @QueryParam("direction") List<String> direction, @QueryParam("difficulty") List<String> difficulty,
            @QueryParam("painLevel") String painLevelParam,
            @QueryParam("q") @Size(max = 100) String q, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitParam, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        int limit = QueryParams.wholeNumber("limit", limitParam, 20, 1, 100);
        Integer painLevel = QueryParams.optionalWholeNumber("painLevel", painLevelParam, 0, 10);
        if (include != null && !include.equals("avoid")) {
            throw ApiProblem.invalidField("include", "the only value is 'avoid'");
        }
        SpinalLoad load = maxLoad == null ? null
                : QueryParams.enums("maxLoad", List.of(maxLoad), SpinalLoad.class).stream().findFirst().orElse(null);
        var filter = new ExerciseFilter(strings(condition), "avoid".equals(include),
                QueryParams.enums("category", category, Category.class),
                QueryParams.enums("position", position, Position.class), strings(equipment),
                QueryParams.enums("impact", impact, Impact.class), load,
                QueryParams.enums("direction", direction, Direction.class),
                QueryParams.enums("difficulty", difficulty, Difficulty.class), painLevel,
                q == null || q.isBlank() ? null : q);
        return lists.list(filter, cursor, limit, ifNoneMatch);
    }

    @GET
    @Path("{slug}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public ExerciseContent get(@PathParam("slug") String slug) {
        return catalog.exercise(slug);
    }

    private static Set<String> strings(List<String> values) {
        Set<String> result = new HashSet<>();
        if (values != null) {
            values.forEach(v -> {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.trim().toLowerCase(Locale.ROOT));
                    }
                }
            });
        }
        return result;
    }
}

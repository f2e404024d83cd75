package com.backcare.journal.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.security.Roles;
import com.backcare.journal.domain.Instrument;
import com.backcare.journal.domain.QuestionnaireService;

@Path("/api/v1/questionnaires")
@Tag(name = "Questionnaires")
public class QuestionnaireResource {

    /** FHIR's JSON media type. */
    public static final String FHIR_JSON = "application/fhir+json";

    @Inject
    QuestionnaireService questionnaires;

    /** An instrument in the list: its id and title. */
    public record Summary(String id, String title) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "The scored questionnaires offered (Keele STarT Back, Oswestry Disability Index)")
    public List<Summary> list() {
        return questionnaires.instruments().stream().map(i -> new Summary(i.id(), i.title())).toList();
    }

    @GET
    @Path("{id}")
    @Produces({ FHIR_JSON, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "One questionnaire as a FHIR R4 Questionnaire (items, LOINC codes, answer options)")
    public Response get(@PathParam("id") @Pattern(regexp = "[a-z0-9-]{1,40}") String id) {
        Instrument instrument = questionnaires.instrument(id);
        return Response.ok(instrument.fhirJson(), FHIR_JSON).header("Cache-Control", "max-age=3600").build();
    }
}

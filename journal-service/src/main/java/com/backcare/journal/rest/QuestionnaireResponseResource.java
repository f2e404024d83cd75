package com.backcare.journal.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.paging.Page;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.events.QuestionnaireResponseEventData.Answer;
import com.backcare.events.QuestionnaireResponseEventData.Score;
import com.backcare.journal.domain.QuestionnaireService;
import com.backcare.journal.persistence.QuestionnaireResponseEntity;

@Path("/api/v1/patients/{patientId}/questionnaire-responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Questionnaires")
public class QuestionnaireResponseResource {

    @Inject
    QuestionnaireService questionnaires;

    /** A response as sent: the instrument's id and one answer (item linkId, answer option code) per item answered. */
    public record Request(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String questionnaire,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid AnswerRequest> answers) {
    }

    /** One answer as sent. */
    public record AnswerRequest(@NotBlank @Size(max = 20) String linkId, @NotBlank @Size(max = 40) String code) {
    }

    /** A stored response with its score. */
    public record ResponseBody(UUID id, String patientId, String questionnaire, Instant authored, List<Answer> answers,
            Score score, String recordedBy) {
        static ResponseBody of(QuestionnaireResponseEntity e) {
            return new ResponseBody(e.id, e.patientId, e.questionnaire, e.authored, e.answers, e.score, e.createdBy);
        }
    }

    @POST
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN })
    @Audited("QUESTIONNAIRE_RESPOND")
    @Operation(summary = "Record a questionnaire response; it is checked against the questionnaire and scored here")
    public Response respond(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @NotNull @Valid Request request) {
        QuestionnaireResponseEntity stored = questionnaires.respond(patientId, request.questionnaire(),
                request.answers().stream().map(a -> new Answer(a.linkId(), a.code())).toList());
        return Response.created(URI.create("/api/v1/patients/" + patientId + "/questionnaire-responses/" + stored.id))
                .entity(ResponseBody.of(stored)).build();
    }

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Audited("QUESTIONNAIRE_LIST")
    @Operation(summary = "The patient's questionnaire responses with their scores, newest first")
    public Page<ResponseBody> list(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @QueryParam("questionnaire") String questionnaire, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limitParam) {
        int limit = QueryParams.wholeNumber("limit", limitParam, 20, 1, 100);
        return questionnaires.responses(patientId, questionnaire, cursor, limit).map(ResponseBody::of);
    }
}

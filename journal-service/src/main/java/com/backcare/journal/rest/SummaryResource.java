package com.backcare.journal.rest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.journal.domain.JournalService;
import com.backcare.journal.domain.JournalSummary;
import com.backcare.journal.domain.QuestionnaireService;

@Path("/api/v1/patients/{patientId}/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patterns")
public class SummaryResource {

    @Inject
    JournalService journal;
    @Inject
    QuestionnaireService questionnaires;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Audited("SUMMARY_READ")
    @Operation(summary = "Patterns over the last N days",
            description = "Per day the number of entries and min/mean/max intensity; the trend in points per week; "
                    + "the most frequent triggers, relieving factors, qualities and times of day; and for each "
                    + "exercise logged, the mean intensity in the 48 h after it against the window's mean; and each "
                    + "questionnaire's scores in the window, oldest first.")
    public JournalSummary get(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @QueryParam("days") String daysParam,
            @QueryParam("zone") @DefaultValue("UTC") String zone) {
        int days = QueryParams.wholeNumber("days", daysParam, 14, 1, 90);
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("zone", "must be a time zone such as Europe/Berlin");
        }
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(days));
        var points = journal.window(patientId, from, to).stream()
                .map(e -> new JournalSummary.Point(e.recordedAt, e.report)).toList();
        return JournalSummary.of(points, from, to, days, zoneId)
                .withQuestionnaires(questionnaires.scoresOver(patientId, from, to));
    }
}

package com.backcare.triage.rest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.domain.ClinicSettings;
import com.backcare.triage.domain.SettingsService;

@Path("/api/v1/clinics/{clinicId}/triage-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinic triage settings")
public class SettingsResource {

    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofDays(30);

    @Inject
    SettingsService settings;

    /**
     * The clinic's thresholds: {@code ageThreshold} for AGE_NEW_ONSET, and per tier the ISO-8601 duration an alert may
     * stay unacknowledged before it escalates.
     */
    public record Settings(@NotNull @Min(18) @Max(100) Integer ageThreshold,
            @NotNull @Valid AcknowledgeWithin acknowledgeWithin) {

        static Settings of(ClinicSettings s) {
            return new Settings(s.ageThreshold(), new AcknowledgeWithin(s.acknowledgeEmergency().toString(),
                    s.acknowledgeUrgent().toString(), s.acknowledgeSoon().toString()));
        }
    }

    /** Acknowledgement deadlines per tier (ADVISORY has none). */
    public record AcknowledgeWithin(@NotNull String EMERGENCY, @NotNull String URGENT, @NotNull String SOON) {
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public Settings get(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId) {
        return Settings.of(settings.settings(clinicId));
    }

    @PUT
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Change the clinic's thresholds; open alerts are rescheduled to the new deadlines")
    public Settings put(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @NotNull @Valid Settings body) {
        Map<String, String> given = Map.of("EMERGENCY", body.acknowledgeWithin().EMERGENCY(), "URGENT",
                body.acknowledgeWithin().URGENT(), "SOON", body.acknowledgeWithin().SOON());
        Duration emergency = duration("acknowledgeWithin.EMERGENCY", given.get("EMERGENCY"));
        Duration urgent = duration("acknowledgeWithin.URGENT", given.get("URGENT"));
        Duration soon = duration("acknowledgeWithin.SOON", given.get("SOON"));
        if (urgent.compareTo(emergency) < 0 || soon.compareTo(urgent) < 0) {
            throw ApiProblem.invalidField("acknowledgeWithin",
                    "deadlines must not shrink as urgency falls (EMERGENCY <= URGENT <= SOON)");
        }
        return Settings.of(settings.update(clinicId, new ClinicSettings(body.ageThreshold(), emergency, urgent, soon)));
    }

    private static Duration duration(String field, String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
                throw ApiProblem.invalidField(field, "must be between PT1M and P30D");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "must be an ISO-8601 duration such as PT15M");
        }
    }
}

package com.backcare.triage.rest;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.TriageConfig;
import com.backcare.triage.domain.AlertQueries;
import com.backcare.triage.messaging.AlertStreamWakeups;
import com.backcare.triage.persistence.AlertEntity;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/api/v1/patients/{patientId}/status/stream")
@Tag(name = "Patient status")
public class PatientStatusStreamResource {

    @Inject
    Caller caller;
    @Inject
    AlertQueries alerts;
    @Inject
    Statuses statuses;
    @Inject
    AlertStreamWakeups wakeups;
    @Inject
    TriageConfig config;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Blocking
    @Operation(summary = "Server-Sent Events of the patient's status: now, then each time it changes",
            description = "Each status event carries what GET .../status answers. A patient's own app shows the emergency "
                    + "advice the moment the status becomes EMERGENCY. A comment line keeps idle connections open.")
    public Multi<OutboundSseEvent> stream(@PathParam("patientId") @Pattern(regexp = Caller.ID_PATTERN) String patientId,
            @Context Sse sse) {
        // Checks the caller may see this patient (a patient only themselves, staff only their clinic's patients).
        PatientStatusResponse first = PatientStatusResponse.of(patientId, alerts.openAlertsOf(patientId));
        String clinicId = caller.clinicId();
        AtomicReference<PatientStatusResponse> shown = new AtomicReference<>(first);
        Multi<OutboundSseEvent> changes = StreamLooks.events(config.stream().keepAlive(), wakeups,
                wakeups.ofPatient(clinicId, patientId), sse, () -> {
                    PatientStatusResponse now = statuses.of(clinicId, patientId);
                    return now.equals(shown.getAndSet(now)) ? List.<OutboundSseEvent>of() : List.of(event(sse, now));
                });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(event(sse, first)), changes);
    }

    private static OutboundSseEvent event(Sse sse, PatientStatusResponse status) {
        return sse.newEventBuilder().name("status").mediaType(MediaType.APPLICATION_JSON_TYPE).data(status).build();
    }

    /** Reads a patient's status for a stream, outside the request that opened it (access was checked then). */
    @ApplicationScoped
    static class Statuses {
        @Transactional
        PatientStatusResponse of(String clinicId, String patientId) {
            return PatientStatusResponse.of(patientId, AlertEntity.openForPatient(clinicId, patientId));
        }
    }
}

package com.backcare.triage.rest;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.rest.OpaqueIds;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.TriageConfig;
import com.backcare.triage.messaging.AlertStreamWakeups;
import com.backcare.triage.persistence.AlertFeed;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/api/v1/alerts/stream")
@Tag(name = "Alerts")
public class AlertStreamResource {

    @Inject
    Caller caller;
    @Inject
    AlertFeed feed;
    @Inject
    TriageConfig config;
    @Inject
    OpaqueIds ids;
    @Inject
    AlertStreamWakeups wakeups;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Blocking
    @Operation(summary = "Server-Sent Events of the caller's clinic's alert changes",
            description = "The first event, named ready, carries the stream's starting point as its id; each alert event's id is an "
                    + "opaque id of the change. Reconnect with the last id seen as Last-Event-ID to receive every change after "
                    + "it. Without it, the stream starts from now. A comment line keeps idle connections open.")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        String clinicId = caller.clinicId();
        AtomicLong cursor = new AtomicLong(lastEventId == null ? feed.latestId(clinicId)
                : ids.decode(clinicId, lastEventId, "Last-Event-ID"));
        // The first event names where the stream starts: a client that drops before any change still resumes from
        // there (Last-Event-ID), so a change made while it reconnects is not lost.
        OutboundSseEvent ready = sse.newEventBuilder().id(ids.encode(clinicId, cursor.get())).name("ready")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data("{}").build();
        // A look at the feed the moment a change of the clinic commits, in any instance (StreamLooks).
        Multi<OutboundSseEvent> live = StreamLooks.events(config.stream().keepAlive(), wakeups,
                wakeups.ofClinic(clinicId), sse, () -> {
                    List<AlertFeed.Change> changes = feed.after(clinicId, cursor.get(), 200);
                    if (!changes.isEmpty()) {
                        cursor.set(changes.get(changes.size() - 1).id());
                    }
                    return changes.stream().map(c -> {
                        String id = ids.encode(clinicId, c.id());
                        return sse.newEventBuilder().id(id).name("alert").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(StreamedChange.of(id, c)).build();
                    }).toList();
                });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(ready), live);
    }

    /** One alert change as the stream shows it: its id opaque, as the event's. */
    public record StreamedChange(String id, String change, java.time.Instant at, String actor, String note,
            java.util.UUID alertId, String patientId, String rule, String tier, String status, int escalationLevel) {

        static StreamedChange of(String id, AlertFeed.Change c) {
            return new StreamedChange(id, c.change(), c.at(), c.actor(), c.note(), c.alertId(), c.patientId(), c.rule(),
                    c.tier(), c.status(), c.escalationLevel());
        }
    }
}

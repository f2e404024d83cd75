package com.backcare.triage.rest;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.TriageConfig;
import com.backcare.triage.persistence.AlertFeed;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/v1/alerts/stream")
@Tag(name = "Alerts")
public class AlertStreamResource {

    private static final int KEEP_ALIVE_TICKS = 15;

    @Inject
    Caller caller;
    @Inject
    AlertFeed feed;
    @Inject
    TriageConfig config;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Blocking
    @Operation(summary = "Server-Sent Events of the caller's clinic's alert changes",
            description = "Each event's id is the change's id: reconnect with Last-Event-ID to receive every change "
                    + "after it. Without it, the stream starts from now. A comment line keeps idle connections open.")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        String clinicId = caller.clinicId();
        AtomicLong cursor = new AtomicLong(lastEventId == null ? feed.latestId(clinicId) : parse(lastEventId));
        AtomicInteger idleTicks = new AtomicInteger();
        return Multi.createFrom().ticks().every(config.stream().pollInterval())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    List<AlertFeed.Change> changes = feed.after(clinicId, cursor.get(), 200);
                    if (changes.isEmpty()) {
                        return idleTicks.incrementAndGet() % KEEP_ALIVE_TICKS == 0
                                ? List.of(sse.newEventBuilder().comment("keep-alive").build())
                                : List.of();
                    }
                    idleTicks.set(0);
                    cursor.set(changes.get(changes.size() - 1).id());
                    return changes.stream().map(c -> sse.newEventBuilder().id(Long.toString(c.id())).name("alert")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE).data(c).build()).toList();
                });
    }

    private static long parse(String lastEventId) {
        try {
            return Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("Last-Event-ID", "must be the id of an event this stream sent");
        }
    }
}

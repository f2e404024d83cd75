package com.backcare.triage.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.domain.Webhooks;
import com.backcare.triage.persistence.WebhookDeliveryEntity;
import com.backcare.triage.persistence.WebhookEntity;

@Path("/api/v1/clinics/{clinicId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLINIC_ADMIN)
@Tag(name = "Webhooks")
public class WebhookResource {

    @Inject
    Webhooks webhooks;

    /** A webhook to register; without a secret, one is generated (and shown once, in the answer). */
    public record Registration(@NotBlank @Size(max = 2000) String url, @Size(min = 16, max = 128) String secret) {
    }

    /**
     * A registered webhook; {@code secret} appears only when it is created. {@code kind}: CLOUDEVENTS (registered
     * here) or FHIR (a FHIR Subscription's channel, created under /fhir/r4/Subscription).
     */
    public record Webhook(UUID id, String url, String kind, Instant createdAt, String createdBy, String secret) {
        static Webhook of(WebhookEntity w, boolean withSecret) {
            return new Webhook(w.id, w.url, w.kind, w.createdAt, w.createdBy, withSecret ? w.secret : null);
        }
    }

    /**
     * One attempt to tell a subscriber about one alert change; for a FHIR channel also the notification's type
     * (handshake, heartbeat, event-notification) and an event's number.
     */
    public record Delivery(UUID id, UUID eventId, String status, int attempts, Integer lastStatus, String lastError,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, String notificationType, Long eventNumber) {
        static Delivery of(WebhookDeliveryEntity d) {
            return new Delivery(d.id, d.eventId, d.status, d.attempts, d.lastStatus, d.lastError, d.createdAt,
                    d.nextAttemptAt, d.deliveredAt, d.notificationType, d.eventNumber);
        }
    }

    @POST
    @Operation(summary = "Register a webhook: every alert change of the clinic is POSTed to it, signed with HMAC-SHA256",
            description = "Header X-BackCare-Signature: sha256=<hex HMAC-SHA256 of the body under the secret>.")
    @APIResponse(responseCode = "201",
            description = "Registered; the body shows the signing secret, this once",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Webhook.class)))
    public Response register(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @NotNull @Valid Registration registration) {
        WebhookEntity webhook = webhooks.register(clinicId, registration.url(), registration.secret());
        return Response.created(URI.create("/api/v1/clinics/" + clinicId + "/webhooks/" + webhook.id))
                .entity(Webhook.of(webhook, true)).build();
    }

    @GET
    public List<Webhook> list(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId) {
        return webhooks.list(clinicId).stream().map(w -> Webhook.of(w, false)).toList();
    }

    @DELETE
    @Path("{webhookId}")
    public Response remove(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @PathParam("webhookId") UUID webhookId) {
        webhooks.remove(clinicId, webhookId);
        return Response.noContent().build();
    }

    @GET
    @Path("{webhookId}/deliveries")
    @Operation(summary = "The delivery log, newest first")
    public List<Delivery> deliveries(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @PathParam("webhookId") UUID webhookId,
            @QueryParam("limit") String limitParam) {
        int limit = QueryParams.wholeNumber("limit", limitParam, 50, 1, 100);
        return webhooks.deliveries(clinicId, webhookId, limit).stream().map(Delivery::of).toList();
    }

    @POST
    @Path("{webhookId}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again, from its first attempt")
    @APIResponse(responseCode = "202",
            description = "Queued to be sent again",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Delivery.class)))
    public Response replay(@PathParam("clinicId") @Pattern(regexp = Caller.ID_PATTERN) String clinicId,
            @PathParam("webhookId") UUID webhookId, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(Delivery.of(webhooks.replay(clinicId, webhookId, deliveryId))).build();
    }
}

package com.backcare.triage.rest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Subscription;

import com.backcare.commons.fhir.Fhir;
import com.backcare.commons.fhir.FhirParams;
import com.backcare.commons.fhir.SmartScopes;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.TriageConfig;
import com.backcare.triage.domain.AlertSubscriptions;
import com.backcare.triage.domain.Tier;
import com.backcare.triage.fhir.SubscriptionFhir;
import com.backcare.triage.fhir.TriageFhir;
import com.backcare.triage.persistence.FhirSubscriptionEntity;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/**
 * Alert subscriptions per the FHIR R4 Subscriptions Backport IG: a clinic-admin's system subscribes to the topic
 * {@value SubscriptionFhir#TOPIC} with a rest-hook channel, optionally filtered to one patient
 * ({@code DetectedIssue?patient=}); it is sent a handshake, then a numbered notification bundle for each alert
 * change, and heartbeats when asked; {@code $status} and {@code $events} tell where it stands and what it missed.
 */
@Path(Fhir.BASE_PATH + "/Subscription")
@Produces(Fhir.JSON)
@RolesAllowed(Roles.CLINIC_ADMIN)
@Tag(name = "FHIR R4")
public class FhirSubscriptionResource {

    private static final Pattern PATIENT = Pattern.compile("(?:Patient/)?(" + Caller.ID_PATTERN + ")");
    private static final String FILTER = "Subscription.criteria.extension:filterCriteria";
    private static final List<String> CONTENTS = List.of("empty", "id-only", "full-resource");

    @Inject
    AlertSubscriptions subscriptions;
    @Inject
    SmartScopes scopes;
    @Inject
    TriageConfig config;
    @Context
    UriInfo uri;

    @POST
    @Consumes({ Fhir.JSON, MediaType.APPLICATION_JSON })
    @Operation(summary = "Subscribe a rest-hook endpoint to alert changes (answered 201 as requested; active once the "
            + "endpoint accepts the handshake)")
    public Response create(String body) {
        scopes.require("Subscription", 'c');
        FhirSubscriptionEntity created = subscriptions.create(request(parse(body)));
        return Response.created(URI.create(Fhir.base(uri) + "/Subscription/" + created.id))
                .entity(Fhir.json(SubscriptionFhir.subscription(created, subscriptions.channelOf(created).url,
                        subscriptions.channelOf(created).secret)))
                .type(Fhir.JSON).build();
    }

    @GET
    @Operation(summary = "The clinic's alert subscriptions")
    public Response search(@QueryParam("_count") String count) {
        scopes.require("Subscription", 's');
        List<Resource> found = subscriptions.list(FhirParams.count(count)).stream()
                .<Resource>map(s -> SubscriptionFhir.subscription(s, subscriptions.channelOf(s).url, null)).toList();
        return Fhir.ok(Fhir.searchset(Fhir.base(uri), found, uri.getRequestUri().toString(), null));
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id) {
        scopes.require("Subscription", 'r');
        FhirSubscriptionEntity subscription = subscriptions.get(Fhir.id("Subscription", id));
        return Fhir.ok(SubscriptionFhir.subscription(subscription, subscriptions.channelOf(subscription).url, null));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End a subscription: nothing more is sent to it")
    public Response delete(@PathParam("id") String id) {
        scopes.require("Subscription", 'd');
        subscriptions.remove(Fhir.id("Subscription", id));
        return Response.noContent().build();
    }

    /** {@code $status} and {@code $events}: one template, since a literal {@code $} in a path template never matches. */
    @GET
    @Path("{id}/{operation}")
    @Operation(summary = "$status: the subscription's status (a Bundle holding its status Parameters); $events: its past "
            + "event notifications by event number, at most 100 at a time")
    public Response operation(@PathParam("id") String id, @PathParam("operation") String operation,
            @QueryParam("eventsSinceNumber") String since, @QueryParam("eventsUntilNumber") String until,
            @QueryParam("content") String content) {
        return switch (operation) {
            case "$status" -> status(id);
            case "$events" -> events(id, since, until, content);
            default -> throw ApiProblem.notFound("no operation " + operation + " on Subscription");
        };
    }

    private Response status(String id) {
        scopes.require("Subscription", 'r');
        FhirSubscriptionEntity subscription = subscriptions.get(Fhir.id("Subscription", id));
        var status = SubscriptionFhir.status(config.fhir().baseUrl(), subscription, SubscriptionFhir.QUERY_STATUS, List.of());
        return Fhir.ok(Fhir.searchset(Fhir.base(uri), List.of(status), uri.getRequestUri().toString(), null));
    }

    private Response events(String id, String since, String until, String content) {
        scopes.require("Subscription", 'r');
        FhirSubscriptionEntity subscription = subscriptions.get(Fhir.id("Subscription", id));
        long from = number("eventsSinceNumber", since, 1);
        long to = number("eventsUntilNumber", until, Long.MAX_VALUE);
        if (content != null && !CONTENTS.contains(content)) {
            throw ApiProblem.invalidField("content", "must be one of " + CONTENTS);
        }
        FhirSubscriptionEntity shown = subscription;
        if (content != null) {
            shown = new FhirSubscriptionEntity();
            shown.id = subscription.id;
            shown.status = subscription.status;
            shown.eventsSinceStart = subscription.eventsSinceStart;
            shown.error = subscription.error;
            shown.content = content;
        }
        List<SubscriptionFhir.Event> events = new ArrayList<>();
        boolean full = "full-resource".equals(shown.content);
        for (var past : subscriptions.events(subscription, from, to, Fhir.MAX_COUNT, full)) {
            events.add(new SubscriptionFhir.Event(past.number(), past.at(), past.alertId(),
                    past.alert() == null ? null : TriageFhir.detectedIssue(past.alert(), past.history())));
        }
        return Fhir.ok(SubscriptionFhir.notification(config.fhir().baseUrl(), shown, SubscriptionFhir.QUERY_EVENT, events,
                Instant.now()));
    }

    private static Subscription parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalidField("Subscription", "a Subscription resource is required");
        }
        IParser parser = Fhir.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(Subscription.class, body);
        } catch (DataFormatException | ClassCastException e) {
            throw ApiProblem.invalidField("Subscription", "not a valid FHIR R4 Subscription: "
                    + e.getMessage().replaceFirst("^HAPI-\\d+: ", ""));
        }
    }

    /** The client's Subscription as a request, each element checked and named when wrong. */
    private static AlertSubscriptions.Request request(Subscription s) {
        if (s.hasStatus() && s.getStatus() != Subscription.SubscriptionStatus.REQUESTED) {
            throw ApiProblem.invalidField("Subscription.status", "a client creates a subscription as requested; "
                    + "the server makes it active after the handshake");
        }
        if (!s.hasReason() || s.getReason().isBlank() || s.getReason().length() > 1000) {
            throw ApiProblem.invalidField("Subscription.reason", "is required, at most 1000 characters");
        }
        if (!SubscriptionFhir.TOPIC.equals(s.getCriteria())) {
            throw ApiProblem.invalidField("Subscription.criteria", "must be the topic " + SubscriptionFhir.TOPIC);
        }
        String patientId = null;
        List<Extension> filters = s.getCriteriaElement().getExtensionsByUrl(SubscriptionFhir.FILTER_CRITERIA);
        if (filters.size() > 1) {
            throw ApiProblem.invalidField(FILTER, "at most one filter");
        }
        String tiers = null;
        if (!filters.isEmpty()) {
            String criteria = String.valueOf(filters.get(0).getValue());
            if (!criteria.startsWith("DetectedIssue?") || criteria.length() == "DetectedIssue?".length()) {
                throw ApiProblem.invalidField(FILTER, "must be DetectedIssue?patient=Patient/<id>, "
                        + "DetectedIssue?tier=<tiers> or both joined by &");
            }
            for (String parameter : criteria.substring("DetectedIssue?".length()).split("&")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length == 2 && pair[0].equals("patient") && patientId == null && PATIENT.matcher(pair[1]).matches()) {
                    Matcher m = PATIENT.matcher(pair[1]);
                    m.matches();
                    patientId = m.group(1);
                } else if (pair.length == 2 && pair[0].equals("tier") && tiers == null) {
                    tiers = tiers(pair[1]);
                } else {
                    throw ApiProblem.invalidField(FILTER, "the filters offered are patient=Patient/<id> and "
                            + "tier=<EMERGENCY,URGENT,SOON,ADVISORY>, each at most once; not " + parameter);
                }
            }
        }
        var channel = s.getChannel();
        if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
            throw ApiProblem.invalidField("Subscription.channel.type", "must be rest-hook");
        }
        if (!channel.hasEndpoint()) {
            throw ApiProblem.invalidField("Subscription.channel.endpoint", "is required");
        }
        if (channel.hasPayload() && !Fhir.JSON.equals(channel.getPayload())) {
            throw ApiProblem.invalidField("Subscription.channel.payload", "must be " + Fhir.JSON);
        }
        String content = "id-only";
        List<Extension> contents = channel.getPayloadElement().getExtensionsByUrl(SubscriptionFhir.PAYLOAD_CONTENT);
        if (!contents.isEmpty()) {
            content = contents.get(0).getValue() == null ? null : contents.get(0).getValue().primitiveValue();
            if (contents.size() > 1 || !CONTENTS.contains(content)) {
                throw ApiProblem.invalidField("Subscription.channel.payload.extension:content", "must be one of " + CONTENTS);
            }
        }
        Integer heartbeat = null;
        List<Extension> heartbeats = channel.getExtensionsByUrl(SubscriptionFhir.HEARTBEAT_PERIOD);
        if (!heartbeats.isEmpty()) {
            if (heartbeats.size() > 1 || !(heartbeats.get(0).getValue() instanceof org.hl7.fhir.r4.model.UnsignedIntType period)
                    || period.getValue() == null) {
                throw ApiProblem.invalidField("Subscription.channel.extension:heartbeatPeriod",
                        "must be one valueUnsignedInt (seconds)");
            }
            heartbeat = period.getValue();
        }
        List<String> headers = channel.getHeader().stream().map(h -> h.getValue()).toList();
        return new AlertSubscriptions.Request(channel.getEndpoint(), s.getReason(), content, patientId, tiers, heartbeat,
                headers, s.hasEnd() ? s.getEnd().toInstant() : null);
    }

    /** Tiers as a filter gives them, comma-separated, each named once and known. */
    private static String tiers(String value) {
        List<String> given = List.of(value.split(",", -1));
        for (String tier : given) {
            if (java.util.Arrays.stream(Tier.values()).noneMatch(t -> t.name().equals(tier))) {
                throw ApiProblem.invalidField(FILTER, "tier must be one or more of EMERGENCY, URGENT, SOON, ADVISORY, "
                        + "comma-separated; not " + tier);
            }
        }
        if (given.stream().distinct().count() != given.size()) {
            throw ApiProblem.invalidField(FILTER, "names a tier twice");
        }
        return value;
    }

    private static long number(String name, String value, long otherwise) {
        if (value == null) {
            return otherwise;
        }
        return QueryParams.wholeNumber(name, value, (int) Math.min(otherwise, Integer.MAX_VALUE), 1, Integer.MAX_VALUE);
    }
}

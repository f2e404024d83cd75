package com.backcare.triage.rest;

import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Resource;

import com.backcare.commons.fhir.Fhir;
import com.backcare.commons.fhir.FhirParams;
import com.backcare.commons.fhir.SmartScopes;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.triage.domain.AlertQueries;
import com.backcare.triage.domain.AlertStatus;
import com.backcare.triage.persistence.AlertChangeEntity;
import com.backcare.triage.persistence.AlertEntity;
import com.backcare.triage.fhir.SubscriptionFhir;
import com.backcare.triage.fhir.TriageFhir;

/**
 * Triage's FHIR R4 interface: alerts as DetectedIssues and each patient's current status as a Flag, with the same
 * tokens, roles and clinic scoping as {@code /api/v1}; SMART scopes honoured where a token carries them; errors are
 * OperationOutcomes.
 */
@Path(Fhir.BASE_PATH)
@Produces(Fhir.JSON)
@Tag(name = "FHIR R4")
public class FhirTriageResource {

    @Inject
    AlertQueries alerts;
    @Inject
    Caller caller;
    @Inject
    SmartScopes scopes;
    @Context
    UriInfo uri;

    @GET
    @Path("metadata")
    @PermitAll
    @Operation(summary = "The CapabilityStatement of triage's FHIR interface")
    public Response metadata() {
        CapabilityStatement capability = new CapabilityStatement();
        capability.setStatus(Enumerations.PublicationStatus.ACTIVE).setDate(new Date())
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1).setPublisher("BackCare")
                .setDescription("BackCare triage-service: red-flag alerts, each patient's current status, and alert "
                        + "subscriptions (Subscriptions R5 Backport IG, topic " + SubscriptionFhir.TOPIC + ").");
        capability.addFormat("application/fhir+json");
        capability.getImplementation().setDescription("BackCare triage-service").setUrl(Fhir.base(uri));
        var rest = capability.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Bearer JWT (the same tokens as /api/v1); SMART v2 scopes patient/*.rs and "
                + "user/*.rs honoured where a token carries them.");
        var issue = rest.addResource().setType("DetectedIssue");
        issue.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        issue.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        issue.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE);
        issue.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN);
        issue.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER);
        var flag = rest.addResource().setType("Flag");
        flag.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        flag.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        flag.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE);
        var subscription = rest.addResource().setType("Subscription")
                .addSupportedProfile(SubscriptionFhir.SUBSCRIPTION_PROFILE);
        subscription.addExtension(SubscriptionFhir.TOPIC_CANONICAL, new CanonicalType(SubscriptionFhir.TOPIC));
        for (var interaction : List.of(CapabilityStatement.TypeRestfulInteraction.CREATE,
                CapabilityStatement.TypeRestfulInteraction.READ, CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE,
                CapabilityStatement.TypeRestfulInteraction.DELETE)) {
            subscription.addInteraction().setCode(interaction);
        }
        subscription.addOperation().setName("status")
                .setDefinition("http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-status");
        subscription.addOperation().setName("events")
                .setDefinition("http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-events");
        return Fhir.ok(capability);
    }

    @GET
    @Path("DetectedIssue")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "Search alerts as DetectedIssues (status: registered = open, preliminary = acknowledged, "
            + "final = resolved), most urgent first")
    public Response searchIssues(@QueryParam("patient") String patientParam, @QueryParam("status") String status,
            @QueryParam("_count") String countParam, @QueryParam("_page") String page) {
        scopes.require("DetectedIssue", 's');
        String patientId = patientParam == null && caller.isStaff() ? null : FhirParams.patient(patientParam, caller);
        Page<AlertEntity> found = alerts.queue(patientId, Set.of(), statuses(status), Set.of(), null, null, page,
                FhirParams.count(countParam));
        List<Resource> matches = found.items().stream()
                .<Resource>map(a -> TriageFhir.detectedIssue(a, AlertChangeEntity.historyOf(a.id))).toList();
        return Fhir.ok(Fhir.searchset(Fhir.base(uri), matches, uri.getRequestUri().toString(), found.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("_page", found.nextCursor()).build().toString()));
    }

    @GET
    @Path("DetectedIssue/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public Response readIssue(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9.-]{1,64}") String id) {
        scopes.require("DetectedIssue", 'r');
        AlertEntity alert = alerts.alert(Fhir.id("DetectedIssue", id));
        return Fhir.ok(TriageFhir.detectedIssue(alert, AlertChangeEntity.historyOf(alert.id)));
    }

    @GET
    @Path("Flag")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "The patient's current triage status as a Flag (active while an alert is open)")
    public Response searchFlags(@QueryParam("patient") String patientParam) {
        scopes.require("Flag", 's');
        String patientId = FhirParams.patient(patientParam, caller);
        return Fhir.ok(Fhir.searchset(Fhir.base(uri), List.of(TriageFhir.flag(patientId, alerts.openAlertsOf(patientId))),
                uri.getRequestUri().toString(), null));
    }

    @GET
    @Path("Flag/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "A patient's status Flag; its id is the patient's")
    public Response readFlag(@PathParam("id") @Pattern(regexp = Caller.ID_PATTERN) String patientId) {
        scopes.require("Flag", 'r');
        return Fhir.ok(TriageFhir.flag(patientId, alerts.openAlertsOf(patientId)));
    }

    /** FHIR status codes to alert statuses; none given means every status. */
    private static Set<AlertStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return Set.of();
        }
        Set<AlertStatus> statuses = EnumSet.noneOf(AlertStatus.class);
        for (String code : status.split(",")) {
            AlertStatus match = TriageFhir.STATUS.entrySet().stream().filter(e -> e.getValue().toCode().equals(code.trim()))
                    .map(java.util.Map.Entry::getKey).findFirst().orElseThrow(() -> ApiProblem.invalidField("status",
                            "must be registered (open), preliminary (acknowledged) or final (resolved)"));
            statuses.add(match);
        }
        return statuses;
    }
}

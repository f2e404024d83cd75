package com.backcare.journal.rest;

import java.util.ArrayList;
import java.util.Date;
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
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

import com.backcare.commons.fhir.Fhir;
import com.backcare.commons.fhir.FhirParams;
import com.backcare.commons.fhir.SmartScopes;
import com.backcare.commons.paging.Page;
import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.journal.domain.JournalService;
import com.backcare.journal.domain.QuestionnaireService;
import com.backcare.journal.persistence.PainEntryEntity;
import com.backcare.journal.persistence.PainEntryRevisionEntity;
import com.backcare.journal.persistence.QuestionnaireResponseEntity;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The journal's FHIR R4 interface: pain entries and questionnaire scores as Observations, responses as
 * QuestionnaireResponses, the instruments as Questionnaires. The same tokens, roles and clinic scoping as
 * {@code /api/v1}; SMART scopes are honoured where a token carries them; errors are OperationOutcomes.
 */
@Path(Fhir.BASE_PATH)
@Produces(Fhir.JSON)
@Tag(name = "FHIR R4")
public class FhirJournalResource {

    private static final Set<String> SCORE_CODES = Set.of("91351-7", "91350-9", "91352-5", "97909-6");

    @Inject
    JournalService journal;
    @Inject
    QuestionnaireService questionnaires;
    @Inject
    Caller caller;
    @Inject
    SmartScopes scopes;
    @Inject
    AuditTrailAccess audit;
    @Inject
    SecurityIdentity identity;
    @Context
    UriInfo uri;

    @GET
    @Path("metadata")
    @PermitAll
    @Operation(summary = "The CapabilityStatement of the journal's FHIR interface")
    public Response metadata() {
        CapabilityStatement capability = new CapabilityStatement();
        capability.setStatus(Enumerations.PublicationStatus.ACTIVE).setDate(new Date())
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1).setPublisher("BackCare")
                .setDescription("BackCare journal-service: pain journal entries and scored questionnaires.");
        capability.addFormat("application/fhir+json");
        capability.getImplementation().setDescription("BackCare journal-service").setUrl(Fhir.base(uri));
        var rest = capability.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Bearer JWT (the same tokens as /api/v1); SMART v2 scopes patient/*.rs and "
                + "user/*.rs honoured where a token carries them.");
        var observation = rest.addResource().setType("Observation").setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.VREAD);
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.HISTORYINSTANCE);
        observation.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        observation.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE);
        observation.addSearchParam().setName("code").setType(Enumerations.SearchParamType.TOKEN);
        observation.addSearchParam().setName("date").setType(Enumerations.SearchParamType.DATE);
        observation.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER);
        var response = rest.addResource().setType("QuestionnaireResponse");
        response.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        response.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        response.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE);
        var questionnaire = rest.addResource().setType("Questionnaire");
        questionnaire.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        return Fhir.ok(capability);
    }

    @GET
    @Audited("FHIR_OBSERVATION_SEARCH") // a refusal is recorded by AuditFilter; a success by the search itself
    @Path("Observation")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "Search Observations: pain entries (LOINC 72514-3) and questionnaire scores, newest first")
    public Response searchObservations(@QueryParam("patient") String patientParam, @QueryParam("code") String code,
            @QueryParam("date") List<String> date, @QueryParam("_count") String countParam,
            @QueryParam("_page") String page) {
        scopes.require("Observation", 's');
        String patientId = FhirParams.patient(patientParam, caller);
        caller.requireAccessToPatient(patientId);
        FhirParams.Period period = FhirParams.period(date);
        int count = FhirParams.count(countParam);
        Set<String> codes = codes(code);
        boolean entries = codes.isEmpty() || codes.contains(JournalFhir.PAIN_SEVERITY);
        boolean scores = codes.isEmpty() || codes.stream().anyMatch(SCORE_CODES::contains);
        if (!entries && !scores) {
            return Fhir.ok(Fhir.searchset(Fhir.base(uri), List.of(), self(), null));
        }
        String phase = page == null ? (entries ? "e" : "r") : page.substring(0, Math.min(1, page.length()));
        if (page != null && !(page.startsWith("e.") || page.startsWith("r."))) {
            throw ApiProblem.invalidField("_page", "not a page of this search");
        }
        String cursor = page == null || page.length() <= 2 ? null : page.substring(2);
        List<Resource> matches = new ArrayList<>();
        String next = null;
        if (phase.equals("e")) {
            Page<PainEntryEntity> found = journal.entries(patientId, period.from(), period.to(), cursor, count);
            found.items().forEach(e -> matches.add(JournalFhir.observation(e)));
            if (found.nextCursor() != null) {
                next = "e." + found.nextCursor();
            } else if (scores) {
                // the entries are done: the scores follow, on this page while it has room
                phase = "r";
                cursor = null;
                next = "r.";
            }
        }
        if (phase.equals("r") && matches.size() < count) {
            Page<QuestionnaireResponseEntity> found = questionnaires.responses(patientId, instrumentOf(codes),
                    period.from(), period.to(), cursor, count - matches.size());
            for (QuestionnaireResponseEntity r : found.items()) {
                JournalFhir.scores(r).stream()
                        .filter(o -> codes.isEmpty() || codes.contains(o.getCode().getCodingFirstRep().getCode()))
                        .forEach(matches::add);
            }
            next = found.nextCursor() != null ? "r." + found.nextCursor() : null;
        }
        audit.read(identity, patientId, "FHIR_OBSERVATION_SEARCH");
        return Fhir.ok(Fhir.searchset(Fhir.base(uri), matches, self(), next == null ? null : withPage(next)));
    }

    @GET
    @Path("Observation/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "Read an Observation: a pain entry (deleted ones are entered-in-error) or a questionnaire score")
    public Response readObservation(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9.-]{1,64}") String id) {
        scopes.require("Observation", 'r');
        String[] score = JournalFhir.scoreId(id);
        if (score != null) {
            QuestionnaireResponseEntity response = questionnaires.response(Fhir.id("resource", score[0]));
            Observation found = JournalFhir.scores(response).stream().filter(o -> o.getIdElement().getIdPart().equals(id))
                    .findFirst().orElseThrow(() -> ApiProblem.notFound("no Observation " + id));
            audit.read(identity, response.patientId, "FHIR_OBSERVATION_READ");
            return Fhir.ok(found);
        }
        PainEntryEntity entry = journal.entryById(Fhir.id("resource", id));
        audit.read(identity, entry.patientId, "FHIR_OBSERVATION_READ");
        return Fhir.ok(JournalFhir.observation(entry));
    }

    @GET
    @Path("Observation/{id}/_history")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "Every version of a pain-entry Observation, newest first")
    public Response observationHistory(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9.-]{1,64}") String id) {
        scopes.require("Observation", 'r');
        PainEntryEntity entry = journal.entryById(Fhir.id("resource", id));
        List<PainEntryRevisionEntity> revisions = new ArrayList<>(journal.history(entry.patientId, entry.id));
        revisions.sort((a, b) -> Integer.compare(b.key.revision, a.key.revision));
        Bundle history = new Bundle().setType(Bundle.BundleType.HISTORY);
        history.addLink().setRelation("self").setUrl(self());
        for (PainEntryRevisionEntity revision : revisions) {
            Observation version = JournalFhir.observationAt(entry.id.toString(), entry.patientId, revision.key.revision,
                    revision.action, revision.report, revision.changedAt);
            String url = "Observation/" + entry.id;
            var e = history.addEntry().setFullUrl(Fhir.base(uri) + "/" + url);
            if (revision.action.equals("DELETED")) {
                e.getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(url);
                e.getResponse().setStatus("204").setLastModified(Date.from(revision.changedAt));
            } else {
                e.setResource(version);
                e.getRequest().setMethod(revision.key.revision == 1 ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT)
                        .setUrl(revision.key.revision == 1 ? "Observation" : url);
                e.getResponse().setStatus(revision.key.revision == 1 ? "201" : "200")
                        .setEtag("W/\"" + revision.key.revision + "\"").setLastModified(Date.from(revision.changedAt));
            }
        }
        history.setTotal(revisions.size());
        audit.read(identity, entry.patientId, "FHIR_OBSERVATION_HISTORY");
        return Fhir.ok(history);
    }

    @GET
    @Audited("FHIR_RESPONSE_SEARCH") // a refusal is recorded by AuditFilter; a success by the search itself
    @Path("QuestionnaireResponse")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    @Operation(summary = "Search a patient's questionnaire responses, newest first")
    public Response searchResponses(@QueryParam("patient") String patientParam, @QueryParam("_count") String countParam,
            @QueryParam("_page") String page) {
        scopes.require("QuestionnaireResponse", 's');
        String patientId = FhirParams.patient(patientParam, caller);
        caller.requireAccessToPatient(patientId);
        Page<QuestionnaireResponseEntity> found = questionnaires.responses(patientId, null, page,
                FhirParams.count(countParam));
        List<Resource> matches = found.items().stream()
                .<Resource>map(r -> JournalFhir.questionnaireResponse(r, questionnaires.instrument(r.questionnaire))).toList();
        audit.read(identity, patientId, "FHIR_RESPONSE_SEARCH");
        return Fhir.ok(Fhir.searchset(Fhir.base(uri), matches, self(), found.nextCursor() == null ? null : withPage(found.nextCursor())));
    }

    @GET
    @Path("QuestionnaireResponse/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public Response readResponse(@PathParam("id") @Pattern(regexp = "[A-Za-z0-9.-]{1,64}") String id) {
        scopes.require("QuestionnaireResponse", 'r');
        QuestionnaireResponseEntity response = questionnaires.response(Fhir.id("resource", id));
        audit.read(identity, response.patientId, "FHIR_RESPONSE_READ");
        return Fhir.ok(JournalFhir.questionnaireResponse(response, questionnaires.instrument(response.questionnaire)));
    }

    @GET
    @Path("Questionnaire/{id}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public Response readQuestionnaire(@PathParam("id") @Pattern(regexp = "[a-z0-9-]{1,40}") String id) {
        scopes.require("Questionnaire", 'r');
        return Response.ok(questionnaires.instrument(id).fhirJson(), Fhir.JSON).build();
    }

    /** The one instrument whose scores the codes ask for, or null for both. */
    private static String instrumentOf(Set<String> codes) {
        boolean startBack = codes.stream().anyMatch(JournalFhir.START_BACK_SCORES::containsValue);
        boolean odi = codes.stream().anyMatch(JournalFhir.ODI_SCORES::containsValue);
        return codes.isEmpty() || startBack == odi ? null : startBack ? "start-back" : "odi";
    }

    private static Set<String> codes(String code) {
        if (code == null || code.isBlank()) {
            return Set.of();
        }
        Set<String> codes = new java.util.HashSet<>();
        for (String token : code.split(",")) {
            String[] parts = token.split("\\|", -1);
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[0].equals(JournalFhir.LOINC)) {
                continue; // another code system: nothing of ours matches
            }
            String value = parts[parts.length - 1].trim();
            if (!value.matches("[0-9]{1,7}-[0-9]")) {
                throw ApiProblem.invalidField("code", "must be a LOINC code such as 72514-3 (or http://loinc.org|72514-3)");
            }
            codes.add(value);
        }
        return codes.isEmpty() ? Set.of("none") : codes;
    }

    private String self() {
        return uri.getRequestUri().toString();
    }

    private String withPage(String page) {
        return uri.getRequestUriBuilder().replaceQueryParam("_page", page).build().toString();
    }
}

package com.backcare.journal.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.backcare.commons.fhir.Fhir;
import com.backcare.commons.security.Caller;
import com.backcare.commons.security.Roles;
import com.backcare.journal.domain.AuditTrail;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;

/**
 * Appends an audit record for every call of an {@link Audited} endpoint (on {@code /fhir/r4}, a search by patient) that carried a verified identity and was not
 * already recorded with its success by {@link AuditedAccess}: a refusal is worth recording too. The write runs on a
 * worker thread, in its own transaction.
 */
public class AuditFilter {

    @Inject
    AuditTrail trail;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    RoutingContext routing;

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Audited audited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Audited.class);
        String patientId = patientOf(request);
        // 401: no identity to record; 429: refused for its rate before any data was touched, and a client looping past
        // its limit must not turn every refusal into a database write.
        if (audited == null || patientId == null || !patientId.matches(Caller.ID_PATTERN) || response.getStatus() == 401
                || response.getStatus() == 429 || Boolean.TRUE.equals(routing.get(AuditedAccess.RECORDED))) {
            return Uni.createFrom().voidItem();
        }
        int status = response.getStatus();
        // The identity is resolved lazily and may not be at hand on this (IO) thread: ask for it without blocking.
        return identities.getDeferredIdentity().onFailure().recoverWithNull().chain(identity -> {
            AuditTrail.Access access = accessOf(identity, patientId, audited.value(), status);
            if (access == null) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().<Void>item(() -> {
                trail.record(access);
                return null;
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    /**
     * The patient a call is about: its {@code patientId} path parameter, or on {@code /fhir/r4} the patient a search
     * names ({@code patient=X} or {@code Patient/X}). A FHIR read by id refused is a 404 found without reading another
     * patient's data, so there is no patient to record it against.
     */
    private static String patientOf(ContainerRequestContext request) {
        String patientId = request.getUriInfo().getPathParameters().getFirst("patientId");
        if (patientId != null || !request.getUriInfo().getPath().startsWith(Fhir.BASE_PATH)) {
            return patientId;
        }
        String searched = request.getUriInfo().getQueryParameters().getFirst("patient");
        return searched != null && searched.startsWith("Patient/") ? searched.substring("Patient/".length()) : searched;
    }

    static AuditTrail.Access accessOf(SecurityIdentity identity, String patientId, String action, int status) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        String clinicId = jwt.getClaim("clinic_id");
        if (clinicId == null || !clinicId.matches(Caller.ID_PATTERN)) {
            return null;
        }
        return new AuditTrail.Access(clinicId, patientId, jwt.getSubject(), Roles.primaryOf(identity.getRoles()), action,
                status);
    }
}

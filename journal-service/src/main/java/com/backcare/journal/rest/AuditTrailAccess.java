package com.backcare.journal.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.ext.web.RoutingContext;

import com.backcare.journal.domain.AuditTrail;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Records a successful read whose patient is known only once the data is found (a FHIR read by id, or a search by
 * {@code patient=}), where {@link AuditedAccess} cannot take it from the path.
 */
@ApplicationScoped
public class AuditTrailAccess {

    @Inject
    AuditTrail trail;
    @Inject
    RoutingContext request;

    public void read(SecurityIdentity identity, String patientId, String action) {
        AuditTrail.Access access = AuditFilter.accessOf(identity, patientId, action, 200);
        if (access != null) {
            trail.record(access);
            request.put(AuditedAccess.RECORDED, Boolean.TRUE); // recorded: the response filter leaves it
        }
    }
}

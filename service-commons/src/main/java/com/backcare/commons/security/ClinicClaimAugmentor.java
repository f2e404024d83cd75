package com.backcare.commons.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * A token is only valid with a tenant: one without a well-formed {@code clinic_id} or {@code sub} fails
 * authentication (401) before any role is considered, since nothing could be scoped to it.
 */
@ApplicationScoped
public class ClinicClaimAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Object clinic = jwt.getClaim("clinic_id");
        String subject = jwt.getSubject();
        if (!(clinic instanceof String c) || !c.matches(Caller.ID_PATTERN) || subject == null
                || !subject.matches(Caller.ID_PATTERN)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token lacks a valid clinic_id or sub"));
        }
        return Uni.createFrom().item(identity);
    }
}

package com.backcare.console.rest;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;
import io.quarkus.security.credential.TokenCredential;

/**
 * Production sign-in. {@code /console/login} starts the clinic's OpenID Connect authorization-code flow (with PKCE);
 * the tokens stay in the console's encrypted, HTTP-only session cookie. The browser asks {@code /console/api/session}
 * for the access token and keeps it in memory only, to call the services with.
 */
@Path("/console")
@Authenticated
public class SessionResource {

    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    TokenCredential accessToken;

    @GET
    @Path("login")
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Path("api/session")
    @Produces(MediaType.APPLICATION_JSON)
    public DevSignInResource.Session session() {
        Set<String> groups = idToken.getGroups();
        String role = groups.contains("clinic-admin") ? "clinic-admin" : groups.contains("clinician") ? "clinician" : "patient";
        return new DevSignInResource.Session(accessToken.getToken(), Instant.ofEpochSecond(idToken.getExpirationTime()),
                idToken.getClaim("clinic_id"), role, idToken.getSubject());
    }
}

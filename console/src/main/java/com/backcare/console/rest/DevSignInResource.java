package com.backcare.console.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.backcare.console.ConsoleConfig;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The development sign-in: a token for the chosen clinic, role and user, signed on the server with the development key
 * that the services trust in their dev and test profiles. Answers 404 unless enabled, as it is in production.
 */
@Path("/console/api/dev-sign-in")
public class DevSignInResource {

    static final String ID = "[A-Za-z0-9_-]{1,64}";
    static final String ISSUER = "https://dev.backcare.local";

    public record SignIn(@NotNull @Pattern(regexp = ID) String clinicId,
            @NotNull @Pattern(regexp = "patient|clinician|clinic-admin") String role,
            @NotNull @Pattern(regexp = ID) String subject) {
    }

    public record Session(String token, Instant expiresAt, String clinicId, String role, String subject) {
    }

    @Inject
    ConsoleConfig config;

    private volatile PrivateKey key;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Session signIn(@Valid @NotNull SignIn request) {
        if (!config.devSignIn().enabled()) {
            throw new NotFoundException();
        }
        Instant now = Instant.now();
        Instant expires = now.plus(config.devSignIn().tokenLifetime());
        String token = Jwt.issuer(ISSUER).subject(request.subject()).upn(request.subject()).groups(request.role())
                .claim("clinic_id", request.clinicId()).issuedAt(now).expiresAt(expires)
                .jws().keyId("backcare-dev").sign(key());
        return new Session(token, expires, request.clinicId(), request.role(), request.subject());
    }

    private PrivateKey key() {
        if (key == null) {
            String location = config.devSignIn().keyLocation()
                    .orElseThrow(() -> new IllegalStateException("backcare.console.dev-sign-in.key-location is not set"));
            try {
                key = KeyUtils.decodePrivateKey(Files.readString(java.nio.file.Path.of(location), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new IllegalStateException("development signing key unreadable: " + location, e);
            } catch (Exception e) {
                throw new IllegalStateException("development signing key invalid: " + location, e);
            }
        }
        return key;
    }
}

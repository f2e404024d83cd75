package com.backcare.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Signs tokens with the development key, exactly as {@code ./dev-token} does. For tests and local use only:
 * production verifies tokens against the clinic's identity provider instead.
 */
public final class DevTokens {

    public static final String ISSUER = "https://dev.backcare.local";
    private static final PrivateKey KEY = loadKey();

    private DevTokens() {
    }

    public static String token(String clinicId, String role, String subject) {
        return token(clinicId, role, subject, Instant.now(), Duration.ofHours(1));
    }

    public static String expired(String clinicId, String role, String subject) {
        return token(clinicId, role, subject, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    public static String token(String clinicId, String role, String subject, Instant issuedAt, Duration lifetime) {
        var claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(role)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime));
        if (clinicId != null) {
            claims.claim("clinic_id", clinicId);
        }
        return claims.jws().keyId("backcare-dev").sign(KEY);
    }

    /** A token that also carries these SMART on FHIR scopes ({@code patient/*.rs}, say), space-separated. */
    public static String withScopes(String clinicId, String role, String subject, String scope) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(role).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1))).claim("clinic_id", clinicId).claim("scope", scope)
                .jws().keyId("backcare-dev").sign(KEY);
    }

    /** A token signed with the development key whose claims are exactly these, for tests of odd or hostile tokens. */
    public static String signed(java.util.Map<String, Object> claims) {
        return Jwt.claims(claims).jws().keyId("backcare-dev").sign(KEY);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-jwt/privateKey.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("dev signing key unreadable", e);
        }
    }
}

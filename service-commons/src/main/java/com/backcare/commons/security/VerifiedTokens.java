package com.backcare.commons.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies a bearer token once and remembers it until it expires: an RS256 signature check costs more CPU than the
 * rest of a typical request, and a client sends the same token with every call. The cache is bounded and keyed by
 * the whole token, so a changed byte is a new token, verified again. On first sight a token must also have been
 * issued in the past and carry its roles as a JSON array. Runs before smallrye-jwt's own provider, which it replaces.
 */
@ApplicationScoped
@Unremovable
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final int MAX_TOKENS = 50_000;
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    JWTParser parser;

    Clock clock = Clock.systemUTC();
    private final LongAdder verifications = new LongAdder();
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfter(new Expiry<String, JsonWebToken>() {
                @Override
                public long expireAfterCreate(String token, JsonWebToken jwt, long now) {
                    long seconds = jwt.getExpirationTime() - clock.instant().getEpochSecond();
                    return Duration.ofSeconds(Math.max(0, seconds)).toNanos();
                }

                @Override
                public long expireAfterUpdate(String token, JsonWebToken jwt, long now, long current) {
                    return current;
                }

                @Override
                public long expireAfterRead(String token, JsonWebToken jwt, long now, long current) {
                    return current;
                }
            }).build();

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 2000; // before smallrye-jwt's MpJwtValidator, which has the default 1001
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        JsonWebToken jwt = verified.getIfPresent(token);
        if (jwt == null || jwt.getExpirationTime() <= clock.instant().getEpochSecond()) {
            try {
                jwt = verify(token);
            } catch (ParseException | RuntimeException e) {
                return Uni.createFrom().failure(new AuthenticationFailedException(e));
            }
            verified.put(token, jwt);
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder().setPrincipal(jwt)
                .addCredential(request.getToken()).addRoles(jwt.getGroups()).addAttribute("quarkus.user", jwt);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }

    private JsonWebToken verify(String token) throws ParseException {
        verifications.increment();
        JsonWebToken jwt = parser.parse(token);
        long now = clock.instant().getEpochSecond();
        if (jwt.getIssuedAtTime() > now + CLOCK_SKEW.toSeconds()) {
            throw new IllegalArgumentException("the token is issued in the future");
        }
        JsonNode groups = payload(token).get("groups");
        if (groups == null || !groups.isArray() || groups.isEmpty()) {
            throw new IllegalArgumentException("groups must be a JSON array of roles");
        }
        for (JsonNode group : groups) {
            if (!group.isTextual()) {
                throw new IllegalArgumentException("groups must be a JSON array of roles");
            }
        }
        return jwt;
    }

    private static JsonNode payload(String token) {
        String[] parts = token.split("\\.");
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the token's claims are not JSON", e);
        }
    }

    /** How many tokens were verified cryptographically since start-up (a cache miss each). */
    public long verifications() {
        return verifications.sum();
    }
}

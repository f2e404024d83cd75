package com.backcare.catalog.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lets a gateway cache the catalog's reads: each 200 gets an ETag (a hash of its body) and Cache-Control, and a
 * request whose If-None-Match names the current ETag gets a 304 without a body. Responses vary by token, since a
 * clinic's tailoring changes what it sees.
 */
public class CachingHeaders {

    static final String CACHE_CONTROL = "public, max-age=300";

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void etag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String path = request.getUriInfo().getPath();
        boolean catalogRead = path.startsWith("/api/v1/exercises") || path.startsWith("/api/v1/conditions");
        if (!HttpMethod.GET.equals(request.getMethod()) || !catalogRead || response.getStatus() != 200
                || !response.hasEntity() || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return; // a precomputed answer (PrecomputedLists) has its headers already
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        String etag = etagOf(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
            return;
        }
        response.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
    }

    /** A 200 with the body, or a 304 when the client holds it already, with the catalog's caching headers. */
    static jakarta.ws.rs.core.Response answer(byte[] body, String etag, String ifNoneMatch) {
        var response = matches(ifNoneMatch, etag) ? jakarta.ws.rs.core.Response.notModified()
                : jakarta.ws.rs.core.Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).build();
    }

    static String etagOf(byte[] body) {
        return "\"" + hash(body) + "\"";
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim).map(t -> t.replaceFirst("^W/", "")).anyMatch(etag::equals));
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

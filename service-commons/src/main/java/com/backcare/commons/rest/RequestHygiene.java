package com.backcare.commons.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.problem.Problem;

/**
 * Checks what every request shares before any resource sees it: no control character (NUL above all, which
 * PostgreSQL cannot store) in a path segment or query parameter, and a body only with the Content-Type that says
 * what it is, so that nothing is guessed. On the way out, patient data is marked not to be stored by caches.
 */
public class RequestHygiene {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        MultivaluedMap<String, String> query;
        List<jakarta.ws.rs.core.PathSegment> segments;
        try {
            query = uri.getQueryParameters(true);
            segments = uri.getPathSegments(true);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(Problem.of("malformed-url", "Bad Request", 400,
                    "the URL holds a malformed percent-escape"));
        }
        for (var segment : segments) {
            if (hasControlCharacter(segment.getPath())) {
                throw ApiProblem.invalidField("path", "must not contain control characters");
            }
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(RequestHygiene::hasControlCharacter)) {
                throw ApiProblem.invalidField(parameter.getKey(), "must not contain control characters");
            }
        }
        if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw new ApiProblem(Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "a request body needs a Content-Type header; send it as application/json"));
        }
    }

    /**
     * Patient data must not linger in shared or browser caches: an answer that did not choose its own caching (the
     * catalog's public content does) is {@code no-store}.
     */
    @ServerResponseFilter
    public void noStoreUnlessChosen(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.trim().equals("0")) || request.getHeaderString("Transfer-Encoding") != null;
    }
}

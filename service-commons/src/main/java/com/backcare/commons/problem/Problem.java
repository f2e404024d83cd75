package com.backcare.commons.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code violations} names each offending field of a request, with its JSON path
 * ({@code associatedSymptoms[0].code}) or query parameter name ({@code limit}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations,
        @JsonIgnore Long retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://backcare.example/problems/";

    public static Problem of(String typeSlug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + typeSlug), title, status, detail, null, List.of(), null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations, retryAfterSeconds);
    }

    public Problem withViolations(List<Violation> fields) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fields), retryAfterSeconds);
    }

    /** The same problem, telling the client when to try again (sent as the Retry-After header). */
    public Problem withRetryAfter(long seconds) {
        return new Problem(type, title, status, detail, instance, violations, seconds);
    }

    /** One field that broke a rule, and which rule. */
    public record Violation(String field, String message) {
    }
}

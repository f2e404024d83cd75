package com.backcare.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.backcare.catalog.domain.CatalogQueries;
import com.backcare.catalog.domain.ClinicCatalog;
import com.backcare.catalog.domain.ExerciseFilter;
import com.backcare.commons.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Filtered lists answered from a precomputed body and ETag, per clinic tailoring version and query: the global
 * content only changes with a deployment, and a clinic's tailoring bumps its version in the database, so every
 * instance sees a change at once and never serves a stale list. A hit costs one primary-key read of the version.
 */
@ApplicationScoped
public class PrecomputedLists {

    static final int MAX_ANSWERS = 20_000;

    @Inject
    CatalogQueries catalog;
    @Inject
    ClinicCatalog clinics;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    private record Key(String clinicId, long tailoringVersion, ExerciseFilter filter, String cursor, int limit) {
    }

    private record Answer(byte[] body, String etag) {
    }

    private final Cache<Key, Answer> answers = Caffeine.newBuilder().maximumSize(MAX_ANSWERS).build();

    public Response list(ExerciseFilter filter, String cursor, int limit, String ifNoneMatch) {
        String clinicId = caller.clinicId();
        Key key = new Key(clinicId, clinics.tailoringVersion(clinicId), filter, cursor, limit);
        Answer answer = answers.getIfPresent(key);
        if (answer == null) {
            try {
                byte[] body = json.writeValueAsBytes(catalog.exercises(filter, cursor, limit).map(ExerciseSummary::of));
                answer = new Answer(body, CachingHeaders.etagOf(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            answers.put(key, answer);
        }
        return CachingHeaders.answer(answer.body(), answer.etag(), ifNoneMatch);
    }
}

package com.backcare.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem+json. Quarkus enforces the
 * same limit one route later, with an empty body; this route only gives the refusal the shared error format.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        String problem = new JsonObject()
                .put("type", "https://backcare.example/problems/payload-too-large")
                .put("title", "Content Too Large")
                .put("status", 413)
                .put("detail", "the request body is larger than " + limit + " bytes")
                .encode();
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit)) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem);
                return;
            }
            ctx.next();
        });
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

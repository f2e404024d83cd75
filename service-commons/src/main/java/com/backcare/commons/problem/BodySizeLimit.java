package com.backcare.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

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
        // A chunked body announces no length: it is read here, up to the limit, and one past it fails with 413, which
        // the router's error handler answers as problem+json (RequestHeadLimits). The body read is what RESTEasy
        // Reactive then takes.
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false);
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length == null && ctx.request().headers().contains("Transfer-Encoding", "chunked", true)) {
                chunked.handle(ctx);
                return;
            }
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

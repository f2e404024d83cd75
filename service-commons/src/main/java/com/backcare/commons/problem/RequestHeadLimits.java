package com.backcare.commons.problem;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The request line and headers have limits of their own (a URL of {@code backcare.http.max-uri-length} characters,
 * headers of {@code backcare.http.max-header-bytes}), answered 414 and 431 as problem+json. The HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above these, because the
 * codec refuses before any route runs and with an empty body; past them only a request far out of shape gets that.
 */
@ApplicationScoped
public class RequestHeadLimits {

    @ConfigProperty(name = "backcare.http.max-uri-length", defaultValue = "8192")
    int maxUriLength;
    @ConfigProperty(name = "backcare.http.max-header-bytes", defaultValue = "20480")
    int maxHeaderBytes;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    io.quarkus.runtime.configuration.MemorySize maxBodySize;

    void install(@Observes Router router) {
        String uriTooLong = problem("uri-too-long", "URI Too Long", 414,
                "the request's URL is longer than " + maxUriLength + " characters");
        String headersTooLarge = problem("headers-too-large", "Request Header Fields Too Large", 431,
                "the request's headers are larger than " + maxHeaderBytes + " bytes");
        // Failures no route handles (a URL Vert.x cannot decode, a chunked body past the limit) end here rather than
        // in Vert.x's default, an empty answer.
        String badRequest = problem("malformed-request", "Bad Request", 400, "the request is not well-formed HTTP: "
                + "a bad percent-escape, or a character a URL path cannot hold");
        String tooLarge = problem("payload-too-large", "Content Too Large", 413, "the request body is larger than "
                + maxBodySize.asLongValue() + " bytes");
        router.errorHandler(400, ctx -> unhandled(ctx, 400, badRequest));
        router.errorHandler(413, ctx -> unhandled(ctx, 413, tooLarge));
        router.route().order(-4).failureHandler(ctx -> {
            if (ctx.failure() == null && ctx.statusCode() == 413) {
                unhandled(ctx, 413, tooLarge);
            } else if (ctx.failure() == null && ctx.statusCode() == 400) {
                unhandled(ctx, 400, badRequest);
            } else {
                ctx.next();
            }
        });
        router.route().order(-4).handler(ctx -> {
            if (ctx.request().uri().length() > maxUriLength) {
                refuse(ctx, 414, uriTooLong);
                return;
            }
            long headerBytes = 0;
            for (Map.Entry<String, String> header : ctx.request().headers()) {
                headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
            }
            if (headerBytes > maxHeaderBytes) {
                refuse(ctx, 431, headersTooLarge);
                return;
            }
            ctx.next();
        });
    }

    private static void unhandled(io.vertx.ext.web.RoutingContext ctx, int status, String problem) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            return;
        }
        refuse(ctx, status, problem);
    }

    private static void refuse(io.vertx.ext.web.RoutingContext ctx, int status, String problem) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Connection", "close").end(problem);
    }

    private static String problem(String slug, String title, int status, String detail) {
        return new JsonObject().put("type", "https://backcare.example/problems/" + slug).put("title", title)
                .put("status", status).put("detail", detail).encode();
    }
}

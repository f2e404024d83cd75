package com.backcare.commons.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A trace context as it travels where OpenTelemetry cannot carry it by itself: stored with an outbox row or a webhook
 * delivery (a W3C {@code traceparent}), and read back from a Kafka record's headers.
 */
public final class Traces {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> KAFKA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return java.util.Arrays.stream(carrier.toArray()).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private Traces() {
    }

    /** The current span's {@code traceparent}, or null outside any trace. */
    public static String currentParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored {@code traceparent} stands for; the root context when there is none. */
    public static Context fromParent(String traceparent) {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }

    /** The context a Kafka record's headers carry; the root context when they carry none. */
    public static Context fromHeaders(Headers headers) {
        return W3C.extract(Context.root(), headers, KAFKA);
    }
}

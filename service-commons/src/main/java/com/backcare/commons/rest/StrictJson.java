package com.backcare.commons.rest;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read literally: a value is taken only in the type the API documents, never converted into
 * something with another meaning. A number is not a code (4 is not BLADDER_DYSFUNCTION), 6.9 is not 6, "5" is not 5,
 * 1e300 is not a date; a key given twice, a second document after the first, a null inside a list and a NUL character
 * in a string are all refused, each as a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The years a date-time may name: what every store and client here represents the same way. */
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    /** Applied after Quarkus' own customizers, so that these readers replace the default ones. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual,
                LogicalType.Enum, LogicalType.DateTime)) {
            for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyString)) {
                if (!isNative(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        for (Class<?> container : List.of(List.class, Set.class, Collection.class, Map.class)) {
            mapper.configOverride(container).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        mapper.registerModule(new SimpleModule("backcare-strict-json")
                .addDeserializer(String.class, new NoNulString())
                .addDeserializer(Instant.class, new IsoInstant())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                            BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new ExactCode(deserializer);
                    }
                }));
    }

    /** The input shape a type is written in: a whole number for integers, a number for decimals, and so on. */
    private static boolean isNative(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Textual, Enum, DateTime -> shape == CoercionInputShape.String;
            default -> false;
        };
    }

    /** Text without NUL characters, which no database column can hold and no client means to send. */
    static final class NoNulString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, "must not contain a NUL character", value, String.class);
            }
            return value;
        }
    }

    /**
     * A code exactly as the vocabulary spells it: Jackson would trim "FEVER\u0000" or " FEVER" into FEVER, which is a
     * silent change of what was sent.
     */
    static final class ExactCode extends DelegatingDeserializer {

        ExactCode(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactCode(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (!text.equals(text.strip()) || RequestHygiene.hasControlCharacter(text)) {
                    throw InvalidFormatException.from(p, "not a code", text, handledType());
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** An ISO-8601 date-time string with its offset, within years 1 to 9999; never a number of seconds. */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText().trim();
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                throw InvalidFormatException.from(p, "must be an ISO-8601 date-time such as 2026-01-31T08:00:00Z",
                        text, Instant.class);
            }
            int year = instant.atOffset(ZoneOffset.UTC).getYear();
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw InvalidFormatException.from(p, "must lie between the years " + FIRST_YEAR + " and " + LAST_YEAR,
                        text, Instant.class);
            }
            return instant;
        }
    }
}

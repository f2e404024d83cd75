package com.backcare.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published JSON Schemas of the events (src/main/resources/schemas), one per type and schema version: the
 * documentation of the contract, and the check that producers and consumers run against it.
 */
public final class EventSchemas {

    public static final String BASE = "https://backcare.example/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema file of an event type and version, e.g. journal.entry.recorded.v1.json. */
    public static String fileOf(String type, int schemaVersion) {
        return type.replaceFirst("^com\\.backcare\\.", "") + ".v" + schemaVersion + ".json";
    }

    /** Everything in the event that breaks its schema; empty when it conforms. */
    public static List<String> violations(JsonNode event) {
        String type = event.path("type").asText(null);
        int version = event.path("schemaversion").asInt(0);
        if (type == null || version == 0) {
            return List.of("type and schemaversion are required to find the schema");
        }
        String file = fileOf(type, version);
        if (EventSchemas.class.getClassLoader().getResource("schemas/" + file) == null) {
            return List.of("no schema " + file + " for type " + type + " v" + version);
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(file, f -> FACTORY.getSchema(SchemaLocation.of(BASE + f), CONFIG));
        return schema.validate(event).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}

package com.backcare.localstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared real Kafka broker and PostgreSQL, with a database of
 * its own named by the {@code database} init argument.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedPostgresServer postgres = SharedTestStack.postgres();
        postgres.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database,
                "kafka.bootstrap.servers", SharedTestStack.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application: it stops with the JVM.
    }
}

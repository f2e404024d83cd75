package com.backcare.commons.persistence;

import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.Vertx;

/** Listens for {@link ChangeNotices} on the service's own database, as its datasource is configured. */
@ApplicationScoped
public class DatabaseNotices {

    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** Starts listening on {@code channel}; close what it returns when the listener's owner goes. */
    public ChangeNotices listen(String channel, Consumer<String> onNotice, Runnable onListening) {
        return ChangeNotices.listen(vertx, ChangeNotices.connectOptions(jdbcUrl, user, password), channel, onNotice,
                onListening);
    }
}

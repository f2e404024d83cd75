package com.backcare.triage.messaging;

import java.util.Optional;
import java.util.Properties;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Hears every alert change any triage instance commits, and wakes the open streams it concerns
 * ({@link AlertStreamWakeups}). The database announces each change at its commit (the {@code alert_change} trigger,
 * V6); this instance listens on one connection of its own, which Vert.x's {@link PgSubscriber} makes again whenever
 * it drops. Once listening again, every open stream looks at once: a change committed while nobody listened is not
 * left for the streams' slow keep-alive look.
 */
@Startup
@ApplicationScoped
public class AlertChangeNotices {

    /** The channel the trigger announces on: its payload is {@code clinicId/patientId}. */
    static final String CHANNEL = "backcare_alert_changes";

    private static final Logger LOG = Logger.getLogger(AlertChangeNotices.class);
    private static final long RETRY_MILLIS = 1_000;

    @Inject
    Vertx vertx;
    @Inject
    AlertStreamWakeups wakeups;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgSubscriber subscriber;
    private volatile boolean stopped;

    @PostConstruct
    void listen() {
        subscriber = PgSubscriber.subscriber(vertx, connectOptions(jdbcUrl, user, password));
        subscriber.reconnectPolicy(attempts -> RETRY_MILLIS); // for as long as it takes
        subscriber.channel(CHANNEL).subscribeHandler(listening -> wakeups.wakeAll()).handler(this::announced);
        // Heard from the moment the connection listens; a change before that is shown by the wake-up above.
        wakeups.hearing(() -> subscriber.actualConnection() != null);
        connect();
    }

    private void connect() {
        // The reconnect policy covers a connection lost; the first one, refused, is tried again here.
        subscriber.connect().onFailure(failure -> {
            if (!stopped) {
                LOG.warnf("Not listening for alert changes yet (%s); open streams rely on their keep-alive look until then",
                        failure.getMessage());
                vertx.setTimer(RETRY_MILLIS, retry -> connect());
            }
        });
    }

    void announced(String payload) {
        int slash = payload.indexOf('/');
        if (slash > 0) {
            wakeups.changed(payload.substring(0, slash), payload.substring(slash + 1));
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        subscriber.close();
    }

    /** The datasource's server, database and credentials, as the JDBC driver reads its URL. */
    static PgConnectOptions connectOptions(String jdbcUrl, Optional<String> user, Optional<String> password) {
        Properties url = org.postgresql.Driver.parseURL(jdbcUrl, null);
        if (url == null) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        PgConnectOptions options = new PgConnectOptions()
                .setHost(url.getProperty("PGHOST").split(",")[0])
                .setPort(Integer.parseInt(url.getProperty("PGPORT").split(",")[0]))
                .setDatabase(url.getProperty("PGDBNAME"));
        user.or(() -> Optional.ofNullable(url.getProperty("user"))).ifPresent(options::setUser);
        password.or(() -> Optional.ofNullable(url.getProperty("password"))).ifPresent(options::setPassword);
        // As the JDBC driver does: "prefer" unless told, and ssl=true alone means "verify-full".
        String sslMode = url.getProperty("sslmode",
                Boolean.parseBoolean(url.getProperty("ssl")) ? "verify-full" : "prefer");
        options.setSslMode(SslMode.of(sslMode));
        // The verify modes check the server's certificate; the others encrypt without checking it, as libpq's do.
        options.setTrustAll(options.getSslMode() != SslMode.VERIFY_CA && options.getSslMode() != SslMode.VERIFY_FULL);
        Optional.ofNullable(url.getProperty("sslrootcert"))
                .ifPresent(root -> options.setPemTrustOptions(new PemTrustOptions().addCertPath(root)));
        return options;
    }
}

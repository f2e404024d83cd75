package com.backcare.commons.persistence;

import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Hears the notices a PostgreSQL trigger sends on one channel as changes commit ({@code pg_notify}), so that every
 * instance of a service learns of a change the moment any of them commits it, without polling. One connection of its
 * own listens ({@link PgSubscriber}: made again whenever it drops, for as long as it takes). While it does not listen,
 * a notice can be missed: {@link #hearing()} says so, so callers read the database instead of trusting what they
 * heard, and {@code onListening} runs each time listening (re)starts, for them to catch up.
 */
public final class ChangeNotices implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);
    private static final long RETRY_MILLIS = 1_000;

    private final Vertx vertx;
    private final PgSubscriber subscriber;
    private final String channel;
    private volatile boolean closed;

    private ChangeNotices(Vertx vertx, PgConnectOptions database, String channel, Consumer<String> onNotice,
            Runnable onListening) {
        this.vertx = vertx;
        this.channel = channel;
        subscriber = PgSubscriber.subscriber(vertx, database);
        subscriber.reconnectPolicy(attempts -> RETRY_MILLIS);
        subscriber.channel(channel).subscribeHandler(listening -> onListening.run()).handler(onNotice::accept);
    }

    /** Starts listening on the channel; notices' payloads go to {@code onNotice}, on a Vert.x event-loop thread. */
    public static ChangeNotices listen(Vertx vertx, PgConnectOptions database, String channel, Consumer<String> onNotice,
            Runnable onListening) {
        ChangeNotices notices = new ChangeNotices(vertx, database, channel, onNotice, onListening);
        notices.connect(1);
        return notices;
    }

    private void connect(int attempt) {
        // The reconnect policy covers a connection lost; the first one, refused, is tried again here, every second
        // until the database answers. One warning says so, not one a second while the database is down.
        subscriber.connect().onSuccess(connected -> {
            if (attempt > 1) {
                LOG.infof("Listening on %s after %d attempts", channel, attempt);
            }
        }).onFailure(failure -> {
            if (!closed) {
                if (attempt == 1) {
                    LOG.warnf("Not listening on %s yet (%s); reading the database instead until then, trying again "
                            + "every second", channel, failure.getMessage());
                } else {
                    LOG.debugf("Still not listening on %s (attempt %d: %s)", channel, attempt, failure.getMessage());
                }
                vertx.setTimer(RETRY_MILLIS, retry -> connect(attempt + 1));
            }
        });
    }

    /** Whether every notice is heard now: the listening connection is up. */
    public boolean hearing() {
        return subscriber.actualConnection() != null;
    }

    @Override
    public void close() {
        closed = true;
        subscriber.close();
    }

    /** The datasource's server, database and credentials, as the JDBC driver reads its URL. */
    public static PgConnectOptions connectOptions(String jdbcUrl, Optional<String> user, Optional<String> password) {
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

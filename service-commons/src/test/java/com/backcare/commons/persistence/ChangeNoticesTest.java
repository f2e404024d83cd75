package com.backcare.commons.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.SslMode;

/** The listening connection goes where the datasource goes, read from its JDBC URL as the driver reads it. */
class ChangeNoticesTest {

    @Test
    void theListenerConnectsToTheDatasourcesServerAndDatabaseAsItsUser() {
        var options = ChangeNotices.connectOptions("jdbc:postgresql://db.internal:6432/triage?reWriteBatchedInserts=true",
                Optional.of("triage"), Optional.of("secret"));
        assertEquals("db.internal", options.getHost());
        assertEquals(6432, options.getPort());
        assertEquals("triage", options.getDatabase());
        assertEquals("triage", options.getUser());
        assertEquals("secret", options.getPassword());
        assertEquals(SslMode.PREFER, options.getSslMode(), "as the JDBC driver's default");
    }

    @Test
    void theFirstOfSeveralHostsTheDefaultPortAndTheUrlsOwnCredentialsAreTaken() {
        var options = ChangeNotices.connectOptions("jdbc:postgresql://a,b:5433/triage?user=u&password=p",
                Optional.empty(), Optional.empty());
        assertEquals("a", options.getHost());
        assertEquals(5432, options.getPort());
        assertEquals("u", options.getUser());
        assertEquals("p", options.getPassword());
    }

    @Test
    void sslModeRequireEncryptsWithoutCheckingTheCertificateAndVerifyFullChecksIt() {
        var require = ChangeNotices.connectOptions("jdbc:postgresql://db/triage?sslmode=require", Optional.empty(),
                Optional.empty());
        assertEquals(SslMode.REQUIRE, require.getSslMode());
        assertTrue(require.isTrustAll());
        var verify = ChangeNotices.connectOptions("jdbc:postgresql://db/triage?sslmode=verify-full", Optional.empty(),
                Optional.empty());
        assertEquals(SslMode.VERIFY_FULL, verify.getSslMode());
        assertFalse(verify.isTrustAll());
        var ssl = ChangeNotices.connectOptions("jdbc:postgresql://db/triage?ssl=true", Optional.empty(),
                Optional.empty());
        assertEquals(SslMode.VERIFY_FULL, ssl.getSslMode());
    }

    @Test
    void aUrlThatIsNotPostgresqlIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class,
                () -> ChangeNotices.connectOptions("jdbc:h2:mem:triage", Optional.empty(), Optional.empty()));
    }
}

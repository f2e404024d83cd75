package com.backcare.console;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the browser finds the services, and whether the development sign-in is on. */
@ConfigMapping(prefix = "backcare.console")
public interface ConsoleConfig {

    /** The journal service's base URL as the browser reaches it. */
    String journalUrl();

    /** The triage service's base URL as the browser reaches it. */
    String triageUrl();

    /** The catalog service's base URL as the browser reaches it. */
    String catalogUrl();

    DevSignIn devSignIn();

    interface DevSignIn {
        /** Signing in by choosing clinic, role and user id: for the dev and test profiles, never production. */
        @WithDefault("false")
        boolean enabled();

        /** The PEM file of the development signing key (local-stack's), read only when enabled. */
        Optional<String> keyLocation();

        @WithDefault("PT8H")
        Duration tokenLifetime();
    }
}

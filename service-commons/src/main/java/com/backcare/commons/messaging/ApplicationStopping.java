package com.backcare.commons.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Whether the application is shutting down. A consumer may still be applying a batch while the persistence layer
 * closes under it; such a failure says nothing about the events, so they must be left for the next start (their
 * offsets uncommitted), never dead-lettered.
 */
@ApplicationScoped
public class ApplicationStopping {

    private static volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public static boolean now() {
        return stopping;
    }

    /** For tests of code that must behave differently while stopping. */
    static void set(boolean value) {
        stopping = value;
    }
}

package com.backcare.triage.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.backcare.commons.persistence.ChangeNotices;
import com.backcare.commons.persistence.DatabaseNotices;

import io.quarkus.runtime.Startup;

/**
 * Hears every alert change any triage instance commits, and wakes the open streams it concerns
 * ({@link AlertStreamWakeups}). The database announces each change at its commit (the {@code alert_change} trigger,
 * V6). Once listening again after a drop, every open stream looks at once: a change committed while nobody listened
 * is not left for the streams' keep-alive tick.
 */
@Startup
@ApplicationScoped
public class AlertChangeNotices {

    /** The channel the trigger announces on: its payload is {@code clinicId/patientId}. */
    static final String CHANNEL = "backcare_alert_changes";

    @Inject
    DatabaseNotices database;
    @Inject
    AlertStreamWakeups wakeups;

    private ChangeNotices notices;

    @PostConstruct
    void listen() {
        notices = database.listen(CHANNEL, this::announced, wakeups::wakeAll);
        wakeups.hearing(notices::hearing);
    }

    void announced(String payload) {
        int slash = payload.indexOf('/');
        if (slash > 0) {
            wakeups.changed(payload.substring(0, slash), payload.substring(slash + 1));
        }
    }

    @PreDestroy
    void stop() {
        notices.close();
    }
}

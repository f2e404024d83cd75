package com.backcare.triage.domain;

import com.backcare.events.EventEnvelope;

/**
 * Runs work on behalf of the event that caused it, so that what the work publishes (alert events, webhook deliveries,
 * log lines) is traced back to the journal write behind that event. A port: the rules never know how it is traced.
 */
public interface Causes {

    void runFor(EventEnvelope cause, Runnable work);
}

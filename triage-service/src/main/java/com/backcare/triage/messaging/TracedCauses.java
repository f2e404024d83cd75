package com.backcare.triage.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.backcare.commons.tracing.EventTraces;
import com.backcare.events.EventEnvelope;
import com.backcare.triage.domain.Causes;

/** Makes the trace of the causing event's record current while its effects are decided and recorded. */
@ApplicationScoped
public class TracedCauses implements Causes {

    @Override
    public void runFor(EventEnvelope cause, Runnable work) {
        EventTraces.within(cause.id(), work);
    }
}

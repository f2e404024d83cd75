package com.backcare.triage.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.backcare.triage.domain.AlertLifecycle;

import io.quarkus.scheduler.Scheduled;

/**
 * Escalates unacknowledged alerts. The schedule lives in the database (each alert's next_escalation_at), so it
 * survives restarts, and due rows are claimed with SKIP LOCKED, so two instances never escalate the same alert twice.
 */
@ApplicationScoped
public class EscalationJob {

    private static final Logger LOG = Logger.getLogger(EscalationJob.class);

    @Inject
    AlertLifecycle lifecycle;

    @Scheduled(every = "${triage.escalation.check-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void escalate() {
        int escalated;
        do {
            escalated = lifecycle.escalateDue();
            if (escalated > 0) {
                LOG.infof("Escalated %d alert(s) not acknowledged in time", escalated);
            }
        } while (escalated == 100);
    }
}

package com.backcare.commons.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.jboss.logging.Logger;

import com.backcare.events.InvalidEventException;

/**
 * Tells a passing failure (the database restarting or unreachable, a lock conflict) from one that will recur, and
 * applies an event until it succeeds: a passing failure is waited out however long it lasts, because a good event
 * must never be dead-lettered for an outage; an event that can never be applied fails at once; anything else is
 * tried a few times and then fails, so that one bad event cannot stop a partition for good.
 */
public final class PassingFailures {

    private static final Logger LOG = Logger.getLogger(PassingFailures.class);
    static final int UNEXPECTED_ATTEMPTS = 3;
    static final Duration FIRST_WAIT = Duration.ofMillis(100);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    private PassingFailures() {
    }

    /** True when the failure, or one of its causes, is of a kind that goes away by itself. */
    public static boolean isPassing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof OptimisticLockException
                    || t instanceof PessimisticLockException || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (t instanceof SQLException sql && isPassingState(sql.getSQLState(), sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL's connection errors (class 08), shutdowns (57P01-57P03), lack of resources (53), serialization
     * failures and deadlocks; Agroal's pool timeout when no connection can be had.
     */
    static boolean isPassingState(String state, String message) {
        if (state == null) {
            return message != null && message.contains("Acquisition timeout");
        }
        return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.equals("40001")
                || state.equals("40P01");
    }

    /** Runs {@code work} until it succeeds, waiting out passing failures; see the class comment. */
    public static void retry(String what, Runnable work) {
        Duration wait = FIRST_WAIT;
        int unexpected = 0;
        long waitingSince = 0;
        while (true) {
            try {
                work.run();
                if (waitingSince != 0) {
                    LOG.infof("%s applied after waiting %d ms for a passing failure", what,
                            (System.nanoTime() - waitingSince) / 1_000_000);
                }
                return;
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (isPassing(e)) {
                    if (waitingSince == 0) {
                        waitingSince = System.nanoTime();
                        LOG.warnf("%s waits for a passing failure to clear: %s", what, e);
                    }
                } else if (++unexpected >= UNEXPECTED_ATTEMPTS) {
                    throw e;
                } else {
                    LOG.warnf(e, "%s failed unexpectedly (attempt %d of %d)", what, unexpected, UNEXPECTED_ATTEMPTS);
                }
            }
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}

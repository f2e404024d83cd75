package com.backcare.commons.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.backcare.events.InvalidEventException;

class PassingFailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("Unable to acquire JDBC Connection", new RuntimeException(cause));
    }

    @Test
    void aLostOrRefusedDatabaseConnectionIsPassingWhereverItSitsInTheCauseChain() {
        assertTrue(PassingFailures.isPassing(wrapped(new SQLException("Connection refused", "08001"))));
        assertTrue(PassingFailures.isPassing(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(PassingFailures.isPassing(wrapped(new SQLException("could not serialize", "40001"))));
        assertTrue(PassingFailures.isPassing(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(PassingFailures.isPassing(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(PassingFailures.isPassing(wrapped(new ConnectException("Connection refused"))));
    }

    @Test
    void aBrokenRuleOrBugIsNotPassing() {
        assertFalse(PassingFailures.isPassing(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(PassingFailures.isPassing(new NullPointerException()));
        assertFalse(PassingFailures.isPassing(new InvalidEventException("bad")));
    }

    @Test
    void aPassingFailureIsWaitedOutHoweverManyTimesItRecurs() {
        AtomicInteger calls = new AtomicInteger();
        PassingFailures.retry("test", () -> {
            if (calls.incrementAndGet() < 6) {
                throw wrapped(new SQLException("Connection refused", "08001"));
            }
        });
        assertEquals(6, calls.get(), "more attempts than an unexpected failure gets, and then success");
    }

    @Test
    void anInvalidEventFailsAtOnceAndAnUnexpectedFailureAfterAFewAttempts() {
        AtomicInteger invalid = new AtomicInteger();
        assertThrows(InvalidEventException.class, () -> PassingFailures.retry("test", () -> {
            invalid.incrementAndGet();
            throw new InvalidEventException("never applies");
        }));
        assertEquals(1, invalid.get());

        AtomicInteger unexpected = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> PassingFailures.retry("test", () -> {
            unexpected.incrementAndGet();
            throw new IllegalStateException("a bug");
        }));
        assertEquals(PassingFailures.UNEXPECTED_ATTEMPTS, unexpected.get());
    }
}

package com.backcare.commons.persistence;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What holds for the rest of the current transaction and is forgotten at its end (JTA's resource map). A consumer's
 * transaction applies a whole poll, so a fact every change of the poll needs, or a wake-up every change would send,
 * is had once a poll instead of once a change.
 */
@ApplicationScoped
public class PerTransaction {

    @Inject
    TransactionSynchronizationRegistry registry;

    /** Whether {@code key} is seen here for the first time in the current transaction. */
    public boolean firstTime(Object key) {
        if (registry.getResource(key) != null) {
            return false;
        }
        registry.putResource(key, Boolean.TRUE);
        return true;
    }

    /** The value kept under {@code key} in the current transaction, made by {@code value} the first time it is asked. */
    @SuppressWarnings("unchecked")
    public <T> T remembered(Object key, Supplier<T> value) {
        Object kept = registry.getResource(key);
        if (kept == null) {
            kept = value.get();
            registry.putResource(key, kept);
        }
        return (T) kept;
    }
}

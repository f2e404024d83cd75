package com.backcare.commons.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.query.NativeQuery;

/**
 * Native statements that name the tables they touch. Without them Hibernate cannot tell what a native statement
 * reads or writes, so before each one it flushes (dirty-checks) the whole persistence context and, for a write,
 * schedules a cleanup of every entity's cache: under load that was half the cost of writing an outbox row.
 */
public final class NativeSql {

    private NativeSql() {
    }

    public static Query on(EntityManager em, String sql, String... tables) {
        return spaces(em.createNativeQuery(sql), tables);
    }

    public static Query on(EntityManager em, String sql, Class<?> resultClass, String... tables) {
        return spaces(em.createNativeQuery(sql, resultClass), tables);
    }

    /** A timestamp column as the driver returned it, whichever of the JDBC types it chose. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + (value == null ? "null" : value.getClass()));
    }

    private static Query spaces(Query query, String... tables) {
        if (tables.length == 0) {
            throw new IllegalArgumentException("name the tables the statement touches");
        }
        @SuppressWarnings("rawtypes")
        NativeQuery nativeQuery = query.unwrap(NativeQuery.class);
        for (String table : tables) {
            nativeQuery.addSynchronizedQuerySpace(table);
        }
        return query;
    }
}

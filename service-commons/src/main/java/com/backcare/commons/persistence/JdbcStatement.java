package com.backcare.commons.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.Session;

/**
 * A hot native statement run straight on the transaction's own JDBC connection, past Hibernate's query machinery: in
 * the journal's write path, building the native query, binding it and mapping its one-number result (with a look at
 * the result set's metadata) cost more CPU than the statement's own round trip. The SQL numbers its parameters as JPA
 * does ({@code ?1}, {@code ?2}, a number may repeat) and is parsed once, into a constant.
 * <p>
 * Hibernate does not see what such a statement writes, so it must not touch rows the same session holds as entities
 * (what {@link NativeSql} would otherwise flush for): use it for inserts into tables written only this way.
 */
public final class JdbcStatement {

    private final String sql;
    /** For each JDBC placeholder, in order, the number of the parameter it takes. */
    private final int[] parameterOf;

    private JdbcStatement(String sql, int[] parameterOf) {
        this.sql = sql;
        this.parameterOf = parameterOf;
    }

    /** Parses {@code ?1 ... ?n} out of the SQL; a question mark inside a quoted literal is left alone. */
    public static JdbcStatement of(String numberedSql) {
        StringBuilder jdbc = new StringBuilder(numberedSql.length());
        List<Integer> order = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < numberedSql.length(); i++) {
            char c = numberedSql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted && i + 1 < numberedSql.length() && Character.isDigit(numberedSql.charAt(i + 1))) {
                int end = i + 1;
                while (end < numberedSql.length() && Character.isDigit(numberedSql.charAt(end))) {
                    end++;
                }
                order.add(Integer.parseInt(numberedSql.substring(i + 1, end)));
                jdbc.append('?');
                i = end - 1;
            } else {
                jdbc.append(c);
            }
        }
        return new JdbcStatement(jdbc.toString(), order.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The SQL as JDBC receives it. */
    public String sql() {
        return sql;
    }

    /** Runs an INSERT, UPDATE or DELETE; {@code parameters[0]} is {@code ?1}. Returns the rows it changed. */
    public int update(EntityManager em, Object... parameters) {
        return run(em, parameters, PreparedStatement::executeUpdate);
    }

    /** Runs a statement that answers one number in one row (a count, say); {@code parameters[0]} is {@code ?1}. */
    public long singleNumber(EntityManager em, Object... parameters) {
        return run(em, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new PersistenceException("no row from: " + sql);
                }
                return rows.getLong(1);
            }
        });
    }

    private interface Execution<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private <T> T run(EntityManager em, Object[] parameters, Execution<T> execution) {
        return em.unwrap(Session.class).doReturningWork((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameterOf.length; i++) {
                    bind(statement, i + 1, parameters[parameterOf[i] - 1]);
                }
                return execution.on(statement);
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER); // untyped: PostgreSQL infers the column's type
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC)); // timestamptz; JDBC has no Instant
        } else {
            statement.setObject(index, value);
        }
    }
}

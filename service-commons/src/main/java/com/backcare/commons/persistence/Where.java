package com.backcare.commons.persistence;

import java.util.Collection;

import io.quarkus.panache.common.Parameters;

/**
 * An HQL where-clause with named parameters, built from the filters a request actually set: a condition whose value
 * is null (or an empty collection) is left out, so optional filters read as one line each.
 */
public final class Where {

    private final StringBuilder clause;
    private final Parameters parameters;

    private Where(String clause, String name, Object value) {
        this.clause = new StringBuilder(clause);
        this.parameters = Parameters.with(name, value);
    }

    /** The condition every query starts from (the tenant, usually). */
    public static Where of(String clause, String name, Object value) {
        return new Where(clause, name, value);
    }

    /** Adds {@code clause} when {@code value} is set. */
    public Where and(String clause, String name, Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            return this;
        }
        this.clause.append(" and ").append(clause);
        parameters.and(name, value);
        return this;
    }

    /** Adds a keyset-paging condition over several parameters, when the page has a previous one. */
    public Where after(String clause, boolean present, Object... namesAndValues) {
        if (!present) {
            return this;
        }
        this.clause.append(" and ").append(clause);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.and((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    public String orderedBy(String order) {
        return clause + " order by " + order;
    }

    public Parameters parameters() {
        return parameters;
    }
}

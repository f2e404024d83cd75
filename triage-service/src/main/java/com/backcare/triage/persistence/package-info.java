/**
 * Entities and the statements around them. A JSON column ({@code @JdbcTypeCode(SqlTypes.JSON)}) holds a value: code
 * replaces it and never changes it in place, and says so with {@code @Mutability(Immutability.class)}. Otherwise
 * Hibernate keeps a deep copy of every such value it loads or persists, made by writing it to JSON and parsing it back,
 * and compares the two at each flush: 5% of triage's JFR samples draining a backlog.
 */
package com.backcare.triage.persistence;

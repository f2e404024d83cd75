package com.backcare.commons.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JdbcStatementTest {

    @Test
    void numberedParametersBecomeJdbcPlaceholdersInTheOrderTheyAppear() {
        JdbcStatement statement = JdbcStatement.of("INSERT INTO t (a, b, c) SELECT ?2, ?10, ?1 WHERE ?2 IS NOT NULL");
        assertEquals("INSERT INTO t (a, b, c) SELECT ?, ?, ? WHERE ? IS NOT NULL", statement.sql());
    }

    @Test
    void aQuestionMarkInsideAQuotedLiteralIsLeftAlone() {
        JdbcStatement statement = JdbcStatement.of("SELECT '?1 is not a parameter', ?1");
        assertEquals("SELECT '?1 is not a parameter', ?", statement.sql());
    }
}

package com.backcare.commons.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.backcare.commons.problem.ApiProblem;

/**
 * Parses query parameters by hand: JAX-RS answers a failed conversion with a bare 404, where a client needs a 400
 * that names the parameter and says what it accepts.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "must be an ISO-8601 instant such as 2026-01-31T08:00:00Z");
        }
    }

    /** Every value of a repeatable parameter, each also allowed to be a comma-separated list; empty means any. */
    public static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (values == null) {
            return result;
        }
        for (String value : values) {
            for (String code : value.split(",")) {
                if (code.isBlank()) {
                    continue;
                }
                try {
                    result.add(Enum.valueOf(type, code.trim()));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.invalidField(name,
                            "'" + code.trim() + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return result;
    }
}

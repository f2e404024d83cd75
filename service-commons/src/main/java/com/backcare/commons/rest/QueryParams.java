package com.backcare.commons.rest;

import java.time.Instant;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
            return bounded(OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(), name);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField(name, "must be an ISO-8601 instant such as 2026-01-31T08:00:00Z");
        }
    }

    /** The instant, if it lies within the years every store here represents (1 to 9999); a 400 naming it otherwise. */
    public static Instant bounded(Instant instant, String name) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < StrictJson.FIRST_YEAR || year > StrictJson.LAST_YEAR) {
            throw ApiProblem.invalidField(name, "must lie between the years " + StrictJson.FIRST_YEAR + " and "
                    + StrictJson.LAST_YEAR);
        }
        return instant;
    }

    /**
     * A whole-number parameter within {@code [min, max]}, or {@code defaultValue} when absent. JAX-RS would answer
     * "abc", "1.5" or "2147483648" with a bare 404; this names the parameter.
     */
    public static int wholeNumber(String name, String value, int defaultValue, int min, int max) {
        Integer parsed = optionalWholeNumber(name, value, min, max);
        return parsed == null ? defaultValue : parsed;
    }

    /** A whole-number parameter within {@code [min, max]}, or null when absent. */
    public static Integer optionalWholeNumber(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, "must be a whole number from " + min + " to " + max);
        }
        if (parsed < min || parsed > max) {
            throw ApiProblem.invalidField(name, "must be from " + min + " to " + max);
        }
        return (int) parsed;
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

package com.backcare.commons.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.rest.QueryParams;

/**
 * Opaque cursors: the sort key of the last item of a page, as base64url of its parts joined by a separator
 * that no part can hold. Clients must not build them; a cursor that does not decode is a 400 on {@code cursor}.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object part : parts) {
            if (!b.isEmpty()) {
                b.append(SEPARATOR);
            }
            b.append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A time part, within the years any store here holds (a tampered cursor must not reach a query). */
    public static Instant instant(String part) {
        return QueryParams.bounded(Instant.parse(part), "cursor");
    }

    /** A count or position part: zero or more. */
    public static int nonNegative(String part) {
        int value = Integer.parseInt(part);
        if (value < 0) {
            throw new IllegalArgumentException("negative");
        }
        return value;
    }

    /** Reads a cursor into its sort key; anything that does not parse is a 400 naming {@code cursor}. */
    public static <T> T read(String cursor, int expectedParts, java.util.function.Function<List<String>, T> reader) {
        List<String> parts = decode(cursor, expectedParts);
        try {
            return reader.apply(parts);
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor this list issued");
        }
    }

    /** The parts of a cursor, exactly {@code expectedParts} of them, or a 400 naming {@code cursor}. */
    public static List<String> decode(String cursor, int expectedParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split(SEPARATOR, -1));
            if (parts.size() != expectedParts) {
                throw new IllegalArgumentException("wrong part count");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor this list issued");
        }
    }
}

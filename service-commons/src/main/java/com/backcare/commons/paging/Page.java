package com.backcare.commons.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a list: the items and, when there are more, the opaque cursor of the next page. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Builds a page from up to {@code limit + 1} rows fetched: the extra row only says another page exists.
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, java.util.function.Function<T, String> cursorOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(List.copyOf(rowsPlusOne), null);
        }
        List<T> items = List.copyOf(rowsPlusOne.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}

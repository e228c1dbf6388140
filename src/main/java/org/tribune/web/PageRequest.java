package org.tribune.web;

import java.util.ArrayList;
import java.util.List;

/** A validated page position. */
public record PageRequest(int page, int size) {

    public static PageRequest of(PageParams params) {
        List<FieldError> errors = new ArrayList<>();
        int page = QueryParams.parseInt("page", params.page, 1, 1, Integer.MAX_VALUE / PageParams.MAX_SIZE, errors);
        int size = QueryParams.parseInt("size", params.size, PageParams.DEFAULT_SIZE, 1, PageParams.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new PageRequest(page, size);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** Pages a list already in memory, for small collections. */
    public <T> List<T> slice(List<T> all) {
        int from = Math.min(offset(), all.size());
        int to = Math.min(from + size, all.size());
        return all.subList(from, to);
    }
}

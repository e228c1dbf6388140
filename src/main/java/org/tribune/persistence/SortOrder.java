package org.tribune.persistence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribune.common.ApiException;

/** A parsed {@code sort} parameter: "-publishedAt,title" means newest first, then by title. */
public record SortOrder(List<Key> keys) {

    public record Key(String field, boolean descending) {}

    /**
     * @param allowed API field names this collection can sort on
     * @param defaultSort used when the parameter is absent, in the same syntax
     */
    public static SortOrder parse(String raw, Set<String> allowed, String defaultSort) {
        String spec = raw == null || raw.isBlank() ? defaultSort : raw;
        List<Key> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : spec.split(",", -1)) {
            String p = part.trim();
            boolean desc = p.startsWith("-");
            String field = desc ? p.substring(1) : p;
            if (!allowed.contains(field)) {
                throw ApiException.invalid(
                        "sort",
                        "'" + p + "' is not a sortable field; use " + String.join(", ", allowed)
                                + ", each optionally prefixed with '-' for descending order");
            }
            if (!seen.add(field)) {
                throw ApiException.invalid("sort", "names '" + field + "' twice");
            }
            keys.add(new Key(field, desc));
        }
        return new SortOrder(List.copyOf(keys));
    }

    public boolean uses(String field) {
        return keys.stream().anyMatch(k -> k.field().equals(field));
    }

    /**
     * An HQL order-by clause. {@code tiebreak} (the id) comes last so that paging is stable: no item shows up on
     * two pages or on none when many share a sort value.
     */
    public String toHql(Map<String, String> paths, String tiebreak) {
        List<String> parts = new ArrayList<>();
        for (Key k : keys) {
            parts.add(paths.get(k.field()) + (k.descending() ? " desc" : " asc"));
        }
        parts.add(tiebreak + (keys.isEmpty() || !keys.get(0).descending() ? " asc" : " desc"));
        return " order by " + String.join(", ", parts);
    }
}

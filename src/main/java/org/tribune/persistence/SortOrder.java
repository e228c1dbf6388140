package org.tribune.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tribune.common.ApiException;

/** A parsed {@code sort} parameter: "-publishedAt,title" means newest first, then by title. */
public record SortOrder(List<Key> keys, Set<String> nullable) {

    public record Key(String field, boolean descending) {}

    /**
     * @param allowed API field names this collection can sort on
     * @param defaultSort used when the parameter is absent, in the same syntax
     */
    public static SortOrder parse(String raw, Set<String> allowed, String defaultSort) {
        return parse(raw, allowed, Set.of(), defaultSort);
    }

    /** @param nullable the keys whose values may be null: nulls sort before every value, on every database */
    public static SortOrder parse(String raw, Set<String> allowed, Set<String> nullable, String defaultSort) {
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
        return new SortOrder(List.copyOf(keys), Set.copyOf(nullable));
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
            String nulls = nullable.contains(k.field()) ? (k.descending() ? " nulls last" : " nulls first") : "";
            parts.add(paths.get(k.field()) + (k.descending() ? " desc" : " asc") + nulls);
        }
        parts.add(tiebreak + (tiebreakDescending() ? " desc" : " asc"));
        return " order by " + String.join(", ", parts);
    }

    /** The canonical text of this order, as a cursor records it. */
    public String spec() {
        return keys.stream().map(k -> (k.descending() ? "-" : "") + k.field()).collect(Collectors.joining(","));
    }

    /** The cursor that continues after an item: its value for each sort key, then its id. */
    public Cursor cursorAt(Function<String, Object> valueOfKey, Object id) {
        List<Object> values = new ArrayList<>();
        for (Key k : keys) {
            values.add(valueOfKey.apply(k.field()));
        }
        values.add(id);
        return new Cursor(spec(), Collections.unmodifiableList(values));
    }

    /** The keyset conjunct of a page asked with a cursor, or nothing for a page asked by number. */
    public String after(PageRequest page, Map<String, String> paths, String tiebreak, Map<String, Object> params) {
        return page.byCursor() ? keysetHql(paths, tiebreak, Cursor.decode(page.after(), this), params) : "";
    }

    /**
     * The condition "after the cursor" in this order, as an HQL conjunct binding {@code keyset0..n}: a keyset
     * page, which costs the same however deep it is and neither repeats nor skips rows when others are inserted or
     * removed before it.
     */
    public String keysetHql(Map<String, String> paths, String tiebreak, Cursor after, Map<String, Object> params) {
        List<String> ors = new ArrayList<>();
        List<String> equal = new ArrayList<>();
        for (int i = 0; i <= keys.size(); i++) {
            boolean isTiebreak = i == keys.size();
            String path = isTiebreak ? tiebreak : paths.get(keys.get(i).field());
            boolean descending = isTiebreak ? tiebreakDescending() : keys.get(i).descending();
            Object value = after.values().get(i);
            String param = "keyset" + i;
            String beyond;
            String same;
            if (value == null) {
                // Nulls come first: after a null ascending, any value; descending, nothing.
                beyond = descending ? null : path + " is not null";
                same = path + " is null";
            } else {
                params.put(param, value);
                String nullsAfter = !isTiebreak && nullable.contains(keys.get(i).field()) && descending
                        ? " or " + path + " is null"
                        : "";
                beyond = "(" + path + (descending ? " < :" : " > :") + param + nullsAfter + ")";
                same = path + " = :" + param;
            }
            if (beyond != null) {
                List<String> and = new ArrayList<>(equal);
                and.add(beyond);
                ors.add("(" + String.join(" and ", and) + ")");
            }
            equal.add(same);
        }
        return ors.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", ors) + ")";
    }

    /** The id that breaks ties runs the way the first key does. */
    public boolean tiebreakDescending() {
        return !keys.isEmpty() && keys.get(0).descending();
    }
}

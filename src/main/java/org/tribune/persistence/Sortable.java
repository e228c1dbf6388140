package org.tribune.persistence;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.tribune.common.ApiException;

/**
 * The keys one list sorts on. A service declares them once, as a constant string of keys joined by {@code |} from
 * which the OpenAPI pattern is built; the validation and the repository's columns come from this same value.
 */
public record Sortable(Set<String> keys, Set<String> nullable, String defaultSort) {

    /**
     * The order of a full-text search's ranking, best match first: a key of lists that take {@code q}, only with
     * it, alone and ascending, and their default when {@code q} is given. It has no column: the engine ranks.
     */
    public static final String RELEVANCE = "relevance";

    public static Sortable of(String keys, String defaultSort) {
        return new Sortable(new LinkedHashSet<>(Arrays.asList(keys.split("\\|"))), Set.of(), defaultSort);
    }

    /** The same keys, of which these may hold null. */
    public Sortable withNullable(String... nullableKeys) {
        return new Sortable(keys, Set.of(nullableKeys), defaultSort);
    }

    public SortOrder parse(String raw) {
        return SortOrder.parse(raw, keys, nullable, defaultSort);
    }

    /** The order of a list that takes {@code q}: relevance by default when a query is given, and only then. */
    public SortOrder parse(String raw, boolean searching) {
        boolean absent = raw == null || raw.isBlank();
        SortOrder order = SortOrder.parse(absent && searching ? RELEVANCE : raw, keys, nullable, defaultSort);
        if (order.uses(RELEVANCE)) {
            if (!searching) {
                throw ApiException.invalid("sort", "is relevance, which ranks the matches of a search: give q too");
            }
            if (order.keys().size() > 1 || order.keys().get(0).descending()) {
                throw ApiException.invalid(
                        "sort", "combines relevance with other keys: relevance is best first, alone");
            }
        }
        return order;
    }

    /**
     * The repository's column for each key; refuses a map that does not name exactly these keys ({@link #RELEVANCE}
     * aside, which has none).
     */
    public Map<String, String> paths(Map<String, String> columns) {
        Set<String> columnKeys = new LinkedHashSet<>(keys);
        columnKeys.remove(RELEVANCE);
        if (!columns.keySet().equals(columnKeys)) {
            throw new IllegalStateException("Sort columns " + columns.keySet() + " do not match the keys " + keys);
        }
        return columns;
    }
}

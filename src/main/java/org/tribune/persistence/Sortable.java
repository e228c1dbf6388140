package org.tribune.persistence;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The keys one list sorts on. A service declares them once, as a constant string of keys joined by {@code |} from
 * which the OpenAPI pattern is built; the validation and the repository's columns come from this same value.
 */
public record Sortable(Set<String> keys, Set<String> nullable, String defaultSort) {

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

    /** The repository's column for each key; refuses a map that does not name exactly these keys. */
    public Map<String, String> paths(Map<String, String> columns) {
        if (!columns.keySet().equals(keys)) {
            throw new IllegalStateException("Sort columns " + columns.keySet() + " do not match the keys " + keys);
        }
        return columns;
    }
}

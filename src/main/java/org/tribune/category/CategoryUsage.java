package org.tribune.category;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What categories need to know about the content filed under them. The features that file content in categories
 * implement it, so this package never depends on theirs.
 */
public interface CategoryUsage {

    /** Number of items in each of the given categories; absent keys mean zero. */
    Map<UUID, Long> countByCategory(Collection<UUID> categoryIds);

    /**
     * A SQL select of {@code (category_id, item_count)} rows counting exactly what {@link #countByCategory} counts,
     * so that a page of categories can be sorted by count in the database; its parameters are named.
     */
    CountSql countSql();

    record CountSql(String sql, Map<String, Object> parameters) {}

    /** Removes the category from every item that has it, and returns how many items changed. */
    int detachAll(UUID categoryId);
}

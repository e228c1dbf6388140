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

    /** Removes the category from every item that has it, and returns how many items changed. */
    int detachAll(UUID categoryId);
}

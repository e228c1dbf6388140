package org.tribune.category;

import java.time.Instant;
import java.util.UUID;

/**
 * The filters of the category list.
 *
 * @param parent only the children of this category; null means any
 * @param topLevelOnly only the categories that have no parent
 * @param updatedAfter only those changed after this time; null means any
 */
public record CategoryQuery(UUID parent, boolean topLevelOnly, Instant updatedAfter) {}

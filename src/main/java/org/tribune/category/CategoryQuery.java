package org.tribune.category;

import java.util.UUID;

/**
 * The filters of the category list.
 *
 * @param parent only the children of this category; null means any
 * @param topLevelOnly only the categories that have no parent
 */
public record CategoryQuery(UUID parent, boolean topLevelOnly) {}

package org.tribune.fulltext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of hits, the number of all of them, and the facet counts when asked.
 *
 * @param snippet marked as {@link Snippets} says; null when not asked
 */
public record SearchResult(long total, List<Hit> hits, Facets facets) {

    public record Hit(
            String type,
            UUID id,
            String slug,
            String title,
            double score,
            String snippet,
            Integer year,
            Instant publishedAt) {}

    /** Counts by value, ordered by count, most first; empty when not asked. */
    public record Facets(Map<String, Long> types, Map<UUID, Long> categories, Map<Integer, Long> years) {

        public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of());
    }
}

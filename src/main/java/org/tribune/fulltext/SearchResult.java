package org.tribune.fulltext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of hits, the number of all of them, and the facet counts when asked.
 *
 * @param since where the {@link SearchWindow} starts when the query matched more than it holds: the total, the facets
 *     and the ranking cover the documents published at or after it, and the undated ones; null when they cover all
 */
public record SearchResult(long total, List<Hit> hits, Facets facets, Instant since) {

    /** @param snippet marked as {@link Snippets} says; null when not asked */
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

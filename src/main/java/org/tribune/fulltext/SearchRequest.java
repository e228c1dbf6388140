package org.tribune.fulltext;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.tribune.persistence.SortOrder;

/**
 * One search, as both engines take it. Filters left null match anything; they combine with AND. Facets count by
 * type, category and year, each over the matches of every other filter (so that a client can show the counts of the
 * types it did not pick).
 *
 * @param types the document types to return; empty means all
 * @param categoryIds null for any category; empty matches nothing
 * @param citizenIds null for any; empty matches nothing
 * @param sort {@link #RELEVANCE} or the post list's keys ({@code publishedAt}, {@code title}, {@code updatedAt})
 */
public record SearchRequest(
        SearchQuery query,
        Set<String> types,
        Visibility visibility,
        Set<UUID> categoryIds,
        Integer year,
        String tag,
        String lang,
        Set<UUID> citizenIds,
        UUID awardId,
        Instant publishedAfter,
        Instant publishedBefore,
        Instant updatedAfter,
        SortOrder sort,
        int offset,
        int limit,
        boolean facets,
        boolean snippets) {

    public static final String RELEVANCE = "relevance";

    /** A search with no list filter (the site search, or a small collection's matches). */
    public static SearchRequest across(
            SearchQuery query,
            Set<String> types,
            Visibility visibility,
            Set<UUID> categoryIds,
            Integer year,
            int offset,
            int limit,
            boolean withFacetsAndSnippets) {
        return new SearchRequest(
                query,
                types,
                visibility,
                categoryIds,
                year,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                offset,
                limit,
                withFacetsAndSnippets,
                withFacetsAndSnippets);
    }

    public SearchRequest withQuery(SearchQuery other) {
        return new SearchRequest(
                other,
                types,
                visibility,
                categoryIds,
                year,
                tag,
                lang,
                citizenIds,
                awardId,
                publishedAfter,
                publishedBefore,
                updatedAfter,
                sort,
                offset,
                limit,
                facets,
                snippets);
    }

    public boolean byRelevance() {
        return sort == null || sort.uses(RELEVANCE);
    }

    /**
     * Which documents the caller may find, by the post list's rules: the public finds what is published and due;
     * a signed-in caller finds every status, or only {@code status}; things without a status are always found.
     */
    public record Visibility(boolean publicOnly, String status, Instant now) {

        public boolean publicRules() {
            return publicOnly || "published".equals(status);
        }
    }
}

package org.tribune.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of hits, paged as every collection is, with the facet counts of the whole result. */
@Schema(description = "A page of search hits with facet counts.")
public record SearchPage(
        @Schema(required = true) List<SearchHit> items,

        @Schema(required = true, description = "Current page, starting at 1; 0 for a page asked with `after`.")
        int page,

        @Schema(required = true, description = "Requested page size.")
        int size,

        @Schema(required = true, description = "Hits over all pages.")
        long totalItems,

        @Schema(required = true, description = "Number of pages; 0 when nothing matches.")
        int totalPages,

        @Schema(required = true, nullable = true, description = "Cursor of the next page, to pass as `after`.")
        String next,

        @Schema(
                required = true,
                description = "True when every hit has every word of `q`. When nothing does, the search"
                        + " returns what has some of them instead, those with most first, and says false"
                        + " (\"no result for all your words; results for some of them\"). Exclusions always"
                        + " hold.")
        boolean matchedAllWords,

        @Schema(
                required = true,
                nullable = true,
                description = "Null when the hits, their total and the facets cover every match. When the query"
                        + " matches more dated documents (posts) than the search ranks (500 unless the operator"
                        + " sets `tribune.search.max-candidates`), they cover the newest of them only, those"
                        + " published at or after this time, and every undated one (categories, tags, honours,"
                        + " prizes); the `Search-Since` header says the same. Add a word or pick a year to reach"
                        + " older posts.",
                examples = "2024-11-21T10:00:00Z")
        Instant since,

        @Schema(required = true) Facets facets) {

    @Schema(
            name = "SearchFacets",
            description = "Hit counts by type, category and year, most first. Each counts the hits of every filter"
                    + " but its own, so that a client can show how many it would get by picking another value.")
    public record Facets(
            @Schema(required = true) List<TypeCount> types,

            @Schema(required = true, description = "Posts' categories.")
            List<CategoryCount> categories,

            @Schema(required = true) List<YearCount> years) {}

    @Schema(name = "SearchTypeCount")
    public record TypeCount(
            @Schema(required = true, examples = "post") String type,
            @Schema(required = true) long count) {}

    @Schema(name = "SearchCategoryCount")
    public record CategoryCount(
            @Schema(required = true) UUID id,

            @Schema(required = true, examples = "droits-humains")
            String slug,

            @Schema(required = true, examples = "Droits humains")
            String name,

            @Schema(required = true) long count) {}

    @Schema(name = "SearchYearCount")
    public record YearCount(
            @Schema(required = true, examples = "2024") int year,
            @Schema(required = true) long count) {}
}

package org.tribune.fulltext;

/**
 * The bounded plan. A query that matches more than {@code tribune.search.max-candidates} dated documents (a word in
 * every post) is ranked, counted and faceted over the newest of them only: those published at or after the
 * publication time of the last of that many, which the answer names. Undated documents (categories, tags, honours,
 * prizes) are always in. Without it, the cost of a search follows the number of its matches; with it, a word in
 * every post of 100,000 costs what a word in 500 does. Sorting by anything but relevance stays exact.
 *
 * <p>500 by default: at 100,000 posts on PostgreSQL, a word in every post answered 169 searches a second with 1,000
 * and 313 with 250 (bench/README); Lucene's cost hardly moves with it. 500 keeps 25 pages of 20 to rank.
 */
public final class SearchWindow {

    public static final String CANDIDATES = "tribune.search.max-candidates";
    public static final String DEFAULT = "500";

    private SearchWindow() {}

    static boolean applies(SearchRequest request, int candidates) {
        return candidates > 0 && request.byRelevance();
    }
}

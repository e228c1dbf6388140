package org.tribune.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.category.CategoryRef;
import org.tribune.category.CategoryService;
import org.tribune.common.Clock;
import org.tribune.fulltext.OffsetCursor;
import org.tribune.fulltext.SearchEngine;
import org.tribune.fulltext.SearchQuery;
import org.tribune.fulltext.SearchRequest;
import org.tribune.fulltext.SearchResult;
import org.tribune.fulltext.Snippets;
import org.tribune.persistence.PageRequest;
import org.tribune.security.Callers;

/** The site-wide search: one ranked list of posts, categories, tags, honorary citizens, prizes and awards. */
@ApplicationScoped
public class SearchService {

    /** What the search covers, as the change log names each type (a tag is derived from posts). */
    public static final String TYPES = "post|category|tag|honorary-citizen|prize|award";

    private static final String CURSOR_KIND = "search";

    private final SearchEngine engine;
    private final CategoryService categories;
    private final Callers callers;
    private final Clock time;

    public SearchService(SearchEngine engine, CategoryService categories, Callers callers, Clock time) {
        this.engine = engine;
        this.categories = categories;
        this.callers = callers;
        this.time = time;
    }

    /**
     * @param categorySlugs hits in any of these categories (posts only have categories); empty for any
     * @param status for signed-in callers only, as on the post list: the public finds what is published and due
     */
    public SearchPage search(
            SearchQuery query,
            Set<String> types,
            List<String> categorySlugs,
            Integer year,
            String status,
            PageRequest page) {
        boolean anonymous = callers.current().isAnonymous();
        Set<UUID> categoryIds = categorySlugs.isEmpty() ? null : categories.idsBySlugs(categorySlugs);
        int offset = OffsetCursor.offset(page, CURSOR_KIND);
        SearchRequest request = SearchRequest.across(
                query,
                types,
                new SearchRequest.Visibility(anonymous, anonymous ? null : status, time.now()),
                categoryIds,
                year,
                offset,
                page.size(),
                true);
        SearchResult result = engine.search(request);
        boolean allWords = true;
        if (result.total() == 0 && query.relaxable()) {
            // Nothing has every word: rather than an empty page, the things with most of them, said as such.
            result = engine.search(request.withQuery(query.relaxed()));
            allWords = false;
        }
        List<SearchHit> hits = result.hits().stream()
                .map(h -> new SearchHit(
                        h.type(),
                        h.id(),
                        h.slug(),
                        h.title(),
                        Math.round(h.score() * 10000) / 10000.0,
                        Snippets.html(h.snippet()),
                        h.year(),
                        h.publishedAt()))
                .toList();
        UUID lastId = hits.isEmpty() ? null : hits.get(hits.size() - 1).id();
        int totalPages = (int) ((result.total() + page.size() - 1) / page.size());
        return new SearchPage(
                hits,
                page.byCursor() ? 0 : page.page(),
                page.size(),
                result.total(),
                totalPages,
                OffsetCursor.next(offset, page, hits.size(), result.total(), lastId, CURSOR_KIND),
                allWords,
                result.since(),
                facets(result.facets()));
    }

    public SearchEngine.Status indexStatus() {
        return engine.status();
    }

    public SearchEngine.Rebuilt rebuild() {
        return engine.rebuild();
    }

    private SearchPage.Facets facets(SearchResult.Facets facets) {
        List<SearchPage.TypeCount> types = new ArrayList<>();
        facets.types().forEach((type, count) -> types.add(new SearchPage.TypeCount(type, count)));
        Map<UUID, CategoryRef> refs = categories.refs(facets.categories().keySet());
        List<SearchPage.CategoryCount> byCategory = new ArrayList<>();
        facets.categories().forEach((id, count) -> {
            CategoryRef ref = refs.get(id);
            if (ref != null) {
                byCategory.add(new SearchPage.CategoryCount(id, ref.slug(), ref.name(), count));
            }
        });
        List<SearchPage.YearCount> years = new ArrayList<>();
        facets.years().forEach((year, count) -> years.add(new SearchPage.YearCount(year, count)));
        return new SearchPage.Facets(types, byCategory, years);
    }
}

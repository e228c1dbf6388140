package org.tribune.fulltext;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.tribune.common.Clock;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;

/**
 * {@code q} on the lists of small collections (honorary citizens, awards): the engine finds and ranks the matches,
 * the list's own SQL applies its other filters to them, and the page is cut from the ranking (or sorted in SQL when
 * another sort is asked). These collections hold hundreds of rows; at most {@value #MAX} matches are considered.
 */
@ApplicationScoped
public class Matching {

    public static final int MAX = 10_000;
    private static final String CURSOR_KIND = "q:relevance";

    private final SearchEngine engine;
    private final Clock clock;

    public Matching(SearchEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** The ids of the documents of {@code type} that match {@code q}, best first; null when there is no query. */
    public List<UUID> ranked(String type, String q) {
        SearchQuery query = SearchQuery.parse(q);
        if (query == null) {
            return null;
        }
        SearchResult found = engine.search(SearchRequest.across(
                query,
                Set.of(type),
                new SearchRequest.Visibility(false, null, clock.now()),
                null,
                null,
                0,
                MAX,
                false));
        return found.hits().stream().map(SearchResult.Hit::id).toList();
    }

    /**
     * A page of the ranked ids that the list's filters let through, in rank order, paged by position; {@code views}
     * builds the page's items from their ids, in that order.
     */
    public <T> PageResponse<T> page(
            List<UUID> ranked, Set<UUID> passing, PageRequest page, Function<List<UUID>, List<T>> views) {
        List<UUID> ordered = ranked.stream().filter(passing::contains).toList();
        int offset = OffsetCursor.offset(page, CURSOR_KIND);
        int from = Math.min(offset, ordered.size());
        List<UUID> ids = ordered.subList(from, Math.min(ordered.size(), from + page.size()));
        List<T> items = views.apply(ids);
        String next = OffsetCursor.next(
                offset, page, ids.size(), ordered.size(), ids.isEmpty() ? null : ids.get(ids.size() - 1), CURSOR_KIND);
        return PageResponse.of(items, page, ordered.size(), next);
    }

    /** Rows in the order of their ids. */
    public static <E> List<E> inOrder(List<UUID> ids, List<E> rows, Function<E, UUID> idOf) {
        Map<UUID, E> byId = new HashMap<>();
        rows.forEach(r -> byId.put(idOf.apply(r), r));
        List<E> ordered = new ArrayList<>();
        ids.forEach(id -> {
            E row = byId.get(id);
            if (row != null) {
                ordered.add(row);
            }
        });
        return ordered;
    }
}

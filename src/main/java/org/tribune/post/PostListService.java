package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.common.Clock;
import org.tribune.fulltext.OffsetCursor;
import org.tribune.fulltext.SearchEngine;
import org.tribune.fulltext.SearchQuery;
import org.tribune.fulltext.SearchRequest;
import org.tribune.fulltext.SearchResult;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.security.Callers;
import org.tribune.site.PageLink;
import org.tribune.site.Permalinks;
import org.tribune.site.SiteService;

/** Listings of posts: the public list with its filters, and the trash. */
@ApplicationScoped
public class PostListService {

    private final PostRepository posts;
    private final PostEmbeds embeds;
    private final SearchEngine search;
    private final Callers callers;
    private final Clock time;
    private final SiteService site;
    private static final SortOrder NEWEST = PostService.SORTING.parse("-publishedAt");

    public PostListService(
            PostRepository posts,
            PostEmbeds embeds,
            SearchEngine search,
            Callers callers,
            Clock time,
            SiteService site) {
        this.site = site;
        this.posts = posts;
        this.embeds = embeds;
        this.search = search;
        this.callers = callers;
        this.time = time;
    }

    /**
     * A page of listing cards in a fixed number of statements, whatever its size: count, page, category ids,
     * tags, category summaries, authors, gallery ids and media (with their sizes). A test holds this line against
     * N+1 regressions.
     */
    public PageResponse<PostSummary> list(PostQuery query, SortOrder sort, PageRequest page) {
        return list(
                query,
                new PostFilter.Visibility(callers.current().isAnonymous(), query.status(), false, time.now()),
                sort,
                page);
    }

    /**
     * The newest public posts that search engines may list, whole (content included), whoever asks: what a feed
     * carries. Null filters mean any; a category slug that names no category matches nothing.
     */
    public List<PostSummary> newestIndexable(String categorySlug, String tag, int count) {
        Set<UUID> categoryIds = categorySlug == null ? null : embeds.categoryIdsBySlugs(List.of(categorySlug));
        Instant now = time.now();
        PostFilter filter = new PostFilter(
                categoryIds,
                tag,
                null,
                null,
                null,
                null,
                null,
                new PostFilter.Visibility(true, null, false, now),
                null,
                true);
        PostRepository.Listing listing = posts.list(filter, NEWEST, new PageRequest(1, count));
        return cards(listing.rows(), now, true);
    }

    /** The page of every public post that search engines may list: the sitemap's. */
    public List<PageLink> indexablePages() {
        Permalinks permalinks = site.permalinks();
        return posts.indexable(time.now()).stream()
                .map(r -> new PageLink(permalinks.post((String) r[1], (UUID) r[0], (Instant) r[2]), (Instant) r[3]))
                .toList();
    }

    /** Every post, drafts and trash included: for start-up tasks that need an empty database. */
    public long countAll() {
        return posts.count();
    }

    /** The trash, for editors: what DELETE put there, most recently deleted first. */
    public PageResponse<PostSummary> trash(SortOrder sort, PageRequest page) {
        return list(PostQuery.ALL, new PostFilter.Visibility(false, null, true, time.now()), sort, page);
    }

    private PageResponse<PostSummary> list(
            PostQuery query, PostFilter.Visibility visibility, SortOrder sort, PageRequest page) {
        Set<UUID> categoryIds =
                query.categorySlugs().isEmpty() ? null : embeds.categoryIdsBySlugs(query.categorySlugs());
        Set<UUID> citizenIds = query.honoraryCitizenSlug() == null
                ? null
                : embeds.citizenIdsBySlugs(List.of(query.honoraryCitizenSlug()));
        SearchQuery words = SearchQuery.parse(query.q());
        if (words != null) {
            return searched(words, query, visibility, categoryIds, citizenIds, sort, page);
        }
        PostFilter filter = new PostFilter(
                categoryIds,
                query.tag(),
                query.publishedAfter(),
                query.publishedBefore(),
                query.lang(),
                citizenIds,
                query.award(),
                visibility,
                query.updatedAfter(),
                false);
        PostRepository.Listing listing = posts.list(filter, sort, page);
        return PageResponse.of(
                cards(listing.rows(), visibility.now(), query.withContent()), page, listing.total(), listing.next());
    }

    /**
     * A list with {@code q}: the search engine finds, filters, ranks (or sorts) and counts the matching posts, and
     * the page's cards are then built from their rows as any list's are.
     */
    private PageResponse<PostSummary> searched(
            SearchQuery words,
            PostQuery query,
            PostFilter.Visibility visibility,
            Set<UUID> categoryIds,
            Set<UUID> citizenIds,
            SortOrder sort,
            PageRequest page) {
        if (visibility.publicOnly() && visibility.status() != null && visibility.status() != PostStatus.published) {
            return PageResponse.of(List.of(), page, 0, null);
        }
        String kind = "q:" + sort.spec();
        int offset = OffsetCursor.offset(page, kind);
        SearchResult found = search.search(new SearchRequest(
                words,
                Set.of(PostService.RESOURCE_TYPE),
                new SearchRequest.Visibility(
                        visibility.publicOnly(),
                        visibility.publicOnly() || visibility.status() == null
                                ? null
                                : visibility.status().name(),
                        visibility.now()),
                categoryIds,
                null,
                query.tag(),
                query.lang(),
                citizenIds,
                query.award(),
                query.publishedAfter(),
                query.publishedBefore(),
                query.updatedAfter(),
                sort,
                offset,
                page.size(),
                false,
                false));
        List<UUID> ids = found.hits().stream().map(SearchResult.Hit::id).toList();
        Map<UUID, PostRepository.Row> byId = new HashMap<>();
        posts.rows(ids).forEach(r -> byId.put(r.id(), r));
        List<PostRepository.Row> rows =
                ids.stream().map(byId::get).filter(r -> r != null).toList();
        UUID lastId = rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
        return PageResponse.of(
                cards(rows, visibility.now(), query.withContent()),
                page,
                found.total(),
                OffsetCursor.next(offset, page, ids.size(), found.total(), lastId, kind),
                found.since());
    }

    private List<PostSummary> cards(List<PostRepository.Row> rows, Instant now, boolean withContent) {
        PostRepository.Listing listing = new PostRepository.Listing(rows, 0, null);
        List<UUID> ids = listing.rows().stream().map(PostRepository.Row::id).toList();
        Map<UUID, Set<UUID>> categoryIdsByPost = posts.categoryIdsOf(ids);
        Map<UUID, List<String>> tagsByPost = posts.tagsOf(ids);
        Map<UUID, List<UUID>> galleries = posts.galleriesOf(ids);
        Map<UUID, Set<UUID>> citizensByPost = posts.honoraryCitizenIdsOf(ids);
        Map<UUID, Set<UUID>> awardsByPost = posts.awardIdsOf(ids);
        Map<UUID, String> contents = withContent ? posts.contentsOf(ids) : Map.of();
        List<UUID> mediaIds = new ArrayList<>();
        listing.rows().stream()
                .map(PostRepository.Row::featuredMediaId)
                .filter(m -> m != null)
                .forEach(mediaIds::add);
        galleries.values().forEach(mediaIds::addAll);
        PostEmbeds.Refs refs = embeds.load(
                categoryIdsByPost.values().stream().flatMap(Set::stream).toList(),
                listing.rows().stream()
                        .map(PostRepository.Row::authorId)
                        .filter(a -> a != null)
                        .toList(),
                mediaIds,
                citizensByPost.values().stream().flatMap(Set::stream).toList(),
                awardsByPost.values().stream().flatMap(Set::stream).toList());
        Permalinks permalinks = site.permalinks();
        return listing.rows().stream()
                .map(r -> new PostSummary(
                        r.id(),
                        r.slug(),
                        permalinks.post(r.slug(), r.id(), r.publishedAt()),
                        r.title(),
                        r.excerpt(),
                        r.excerptTruncated(),
                        contents.get(r.id()),
                        PostService.effective(r.status(), r.publishedAt(), now),
                        r.publishedAt(),
                        r.lang(),
                        PostService.refsOf(categoryIdsByPost.getOrDefault(r.id(), Set.of()), refs.categories()),
                        tagsByPost.getOrDefault(r.id(), List.of()),
                        r.authorId() == null ? null : refs.authors().get(r.authorId()),
                        r.featuredMediaId() == null ? null : refs.media().get(r.featuredMediaId()),
                        PostService.refsOf(galleries.getOrDefault(r.id(), List.of()), refs.media()),
                        PostService.ordered(citizensByPost.getOrDefault(r.id(), Set.of()), refs.citizens()),
                        PostService.ordered(awardsByPost.getOrDefault(r.id(), Set.of()), refs.awards()),
                        r.updatedAt()))
                .toList();
    }
}

package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.common.Clock;
import org.tribune.common.Text;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.PageResponse;
import org.tribune.persistence.SortOrder;
import org.tribune.security.Callers;

/** Listings of posts: the public list with its filters, and the trash. */
@ApplicationScoped
public class PostListService {

    private final PostRepository posts;
    private final PostEmbeds embeds;
    private final Callers callers;
    private final Clock time;

    public PostListService(PostRepository posts, PostEmbeds embeds, Callers callers, Clock time) {
        this.posts = posts;
        this.embeds = embeds;
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
        Instant now = visibility.now();
        Set<UUID> categoryIds =
                query.categorySlugs().isEmpty() ? null : embeds.categoryIdsBySlugs(query.categorySlugs());
        Set<UUID> citizenIds = query.honoraryCitizenSlug() == null
                ? null
                : embeds.citizenIdsBySlugs(List.of(query.honoraryCitizenSlug()));
        PostFilter filter = new PostFilter(
                categoryIds,
                query.tag(),
                Text.searchWords(query.q()),
                query.publishedAfter(),
                query.publishedBefore(),
                query.lang(),
                citizenIds,
                query.award(),
                visibility,
                query.updatedAfter());
        PostRepository.Listing listing = posts.list(filter, sort, page);

        List<UUID> ids = listing.rows().stream().map(PostRepository.Row::id).toList();
        Map<UUID, Set<UUID>> categoryIdsByPost = posts.categoryIdsOf(ids);
        Map<UUID, List<String>> tagsByPost = posts.tagsOf(ids);
        Map<UUID, List<UUID>> galleries = posts.galleriesOf(ids);
        Map<UUID, Set<UUID>> citizensByPost = posts.honoraryCitizenIdsOf(ids);
        Map<UUID, Set<UUID>> awardsByPost = posts.awardIdsOf(ids);
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

        List<PostSummary> items = listing.rows().stream()
                .map(r -> new PostSummary(
                        r.id(),
                        r.slug(),
                        r.title(),
                        r.excerpt(),
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
        return PageResponse.of(items, page, listing.total(), listing.next());
    }
}

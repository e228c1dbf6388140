package org.tribune.post;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.common.Html;
import org.tribune.common.Text;
import org.tribune.fulltext.EntitySearchSource;
import org.tribune.fulltext.SearchDocument;
import org.tribune.fulltext.SearchSource;

/**
 * What the search engines know of posts (title, excerpt, text, in the post's language, with what the list filters
 * on) and of tags, which exist through the posts that carry them: a tag is found by the public from the moment one
 * of its posts is public, and by signed-in callers as long as any post outside the trash carries it.
 */
@Singleton
class PostSearch implements SearchSource {

    static final String TAG_TYPE = "tag";

    private final PostRepository posts;

    PostSearch(PostRepository posts) {
        this.posts = posts;
    }

    @Override
    public String resourceType() {
        return PostService.RESOURCE_TYPE;
    }

    /** Up to this many posts, a change's, each is read by its key rather than by queries over them all. */
    private static final int FEW = 8;

    @Override
    public List<SearchDocument> documents(Collection<UUID> ids) {
        return ids.size() <= FEW ? each(ids) : batched(ids);
    }

    /**
     * One write's posts, by key and through their collections: within the write's transaction (PostgreSQL) they come
     * from the persistence context without SQL, and otherwise cost a few loads by key, several times cheaper than
     * the queries of {@link #batched}, which pay off over a rebuild's hundreds.
     */
    private List<SearchDocument> each(Collection<UUID> ids) {
        List<SearchDocument> documents = new ArrayList<>();
        for (UUID id : ids) {
            Post p = posts.findById(id);
            if (p != null && p.deletedAt == null) {
                documents.add(document(
                        p,
                        p.categoryIds,
                        p.tags,
                        new LinkedHashSet<>(p.honoraryCitizenIds),
                        new LinkedHashSet<>(p.awardIds)));
            }
        }
        return documents;
    }

    private List<SearchDocument> batched(Collection<UUID> ids) {
        List<Post> found = posts.list("id in ?1 and deletedAt is null", ids);
        List<UUID> present = found.stream().map(p -> p.id).toList();
        Map<UUID, Set<UUID>> categories = posts.categoryIdsOf(present);
        Map<UUID, List<String>> tags = posts.tagsOf(present);
        Map<UUID, Set<UUID>> citizens = posts.honoraryCitizenIdsOf(present);
        Map<UUID, Set<UUID>> awards = posts.awardIdsOf(present);
        List<SearchDocument> documents = new ArrayList<>();
        for (Post p : found) {
            documents.add(document(
                    p,
                    categories.getOrDefault(p.id, Set.of()),
                    tags.getOrDefault(p.id, List.of()),
                    citizens.getOrDefault(p.id, Set.of()),
                    awards.getOrDefault(p.id, Set.of())));
        }
        return documents;
    }

    private static SearchDocument document(
            Post p, Set<UUID> categories, List<String> tags, Set<UUID> citizens, Set<UUID> awards) {
        return new SearchDocument(
                PostService.RESOURCE_TYPE,
                p.id,
                p.slug,
                p.title,
                p.excerpt,
                Html.text(p.content),
                p.lang,
                p.status.name(),
                p.publishedAt,
                p.updatedAt,
                p.publishedAt == null
                        ? null
                        : p.publishedAt.atZone(ZoneOffset.UTC).getYear(),
                categories,
                tags,
                citizens,
                awards,
                p.sortTitle);
    }

    @Override
    public List<UUID> ids(UUID after, int limit) {
        return EntitySearchSource.idsInOrder(posts.getEntityManager(), "Post", after, limit);
    }

    @Override
    public String derivedType() {
        return TAG_TYPE;
    }

    @Override
    public Collection<String> derivedKeys(SearchDocument document) {
        return document.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public Collection<String> allDerivedKeys() {
        return posts.getEntityManager()
                .createQuery(
                        "select distinct lower(t) from Post p join p.tags t where p.deletedAt is null", String.class)
                .getResultList();
    }

    /** One statement for all the keys: each tag's spelling, when it became public, and its last change. */
    @Override
    public List<SearchDocument> derived(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = posts.getEntityManager()
                .createQuery(
                        "select lower(t), min(t), min(case when p.status in :visible then p.publishedAt end),"
                                + " max(p.updatedAt) from Post p join p.tags t"
                                + " where p.deletedAt is null and lower(t) in :keys group by lower(t)",
                        Object[].class)
                .setParameter("visible", List.of(PostStatus.published, PostStatus.scheduled))
                .setParameter("keys", keys)
                .getResultList();
        List<SearchDocument> documents = new ArrayList<>();
        for (Object[] r : rows) {
            String key = (String) r[0];
            String label = (String) r[1];
            Instant publicFrom = (Instant) r[2];
            documents.add(new SearchDocument(
                    TAG_TYPE,
                    SearchDocument.derivedId(TAG_TYPE, key),
                    label,
                    label,
                    "",
                    "",
                    null,
                    publicFrom != null ? PostStatus.published.name() : PostStatus.draft.name(),
                    publicFrom,
                    (Instant) r[3],
                    null,
                    Set.of(),
                    List.of(),
                    Set.of(),
                    Set.of(),
                    Text.fold(label)));
        }
        return documents;
    }
}

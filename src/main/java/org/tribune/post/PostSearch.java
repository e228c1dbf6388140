package org.tribune.post;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.common.Html;
import org.tribune.common.Text;
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

    @Override
    public List<SearchDocument> documents(Collection<UUID> ids) {
        List<Post> found = posts.list("id in ?1 and deletedAt is null", ids);
        List<UUID> present = found.stream().map(p -> p.id).toList();
        Map<UUID, Set<UUID>> categories = posts.categoryIdsOf(present);
        Map<UUID, List<String>> tags = posts.tagsOf(present);
        Map<UUID, Set<UUID>> citizens = posts.honoraryCitizenIdsOf(present);
        Map<UUID, Set<UUID>> awards = posts.awardIdsOf(present);
        List<SearchDocument> documents = new ArrayList<>();
        for (Post p : found) {
            documents.add(new SearchDocument(
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
                    categories.getOrDefault(p.id, Set.of()),
                    tags.getOrDefault(p.id, List.of()),
                    citizens.getOrDefault(p.id, Set.of()),
                    awards.getOrDefault(p.id, Set.of()),
                    p.sortTitle));
        }
        return documents;
    }

    @Override
    public List<UUID> ids(UUID after, int limit) {
        var query = posts.getEntityManager()
                .createQuery(
                        "select p.id from Post p where p.deletedAt is null"
                                + (after == null ? "" : " and p.id > :after") + " order by p.id",
                        UUID.class)
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
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

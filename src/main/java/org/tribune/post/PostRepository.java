package org.tribune.post;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.SortOrder;
import org.tribune.persistence.Sortable;

@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    static final Map<String, String> SORT_PATHS = PostService.SORTING.paths(Map.of(
            "publishedAt", "p.publishedAt",
            "title", "p.sortTitle",
            "updatedAt", "p.updatedAt"));

    /** The columns of a listing card; the content is never loaded for a list. */
    record Row(
            UUID id,
            String slug,
            String title,
            String excerpt,
            boolean excerptTruncated,
            PostStatus status,
            Instant publishedAt,
            String lang,
            UUID authorId,
            UUID featuredMediaId,
            Instant updatedAt,
            String sortTitle) {

        Object sortValue(String key) {
            return switch (key) {
                case "publishedAt" -> publishedAt;
                case "title" -> sortTitle;
                case "updatedAt" -> updatedAt;
                default -> throw new IllegalArgumentException(key);
            };
        }
    }

    /** What the public may see: published, or scheduled and due; bind with {@link #bindPublic}. */
    static final String PUBLIC = " and p.status in :visible and p.publishedAt <= :now";

    static void bindPublic(BiConsumer<String, Object> bind, Instant now) {
        bind.accept("visible", List.of(PostStatus.published, PostStatus.scheduled));
        bind.accept("now", now);
    }

    record Listing(List<Row> rows, long total, String next) {

        static final Listing EMPTY = new Listing(List.of(), 0, null);
    }

    public Optional<Post> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public boolean slugTaken(String slug, UUID exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    /**
     * Two statements whatever the page size: the count and the page.
     *
     * <p>Category and tag filters are correlated EXISTS: a category usually holds a large share of the posts, and
     * walking the sort index while checking each post's links finds a page without collecting every match first.
     * Search words are IN over the word index instead: most searches are selective, and that plan costs what the
     * matches cost, whatever the table size. bench/README.md has the figures behind this choice.
     */
    Listing list(PostFilter filter, SortOrder sort, PageRequest page) {
        Map<String, Object> keysetParams = new HashMap<>();
        String keyset = sort.after(page, SORT_PATHS, "p.id", keysetParams);
        StringBuilder where = new StringBuilder(" from Post p where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        PostFilter.Visibility v = filter.visibility();
        where.append(v.trash() ? " and p.deletedAt is not null" : " and p.deletedAt is null");
        if (v.publicOnly() && v.status() != null && v.status() != PostStatus.published) {
            return Listing.EMPTY;
        }
        if (v.publicOnly() || v.status() == PostStatus.published) {
            where.append(PUBLIC);
            bindPublic(params::put, v.now());
        } else if (v.status() == PostStatus.scheduled) {
            where.append(" and p.status = :status and p.publishedAt > :now");
            params.put("status", PostStatus.scheduled);
            params.put("now", v.now());
        } else if (v.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", v.status());
        }
        if (filter.categoryIds() != null) {
            if (filter.categoryIds().isEmpty()) {
                return Listing.EMPTY;
            }
            where.append(" and exists (select 1 from p.categoryIds c where c in :categoryIds)");
            params.put("categoryIds", filter.categoryIds());
        }
        if (filter.honoraryCitizenIds() != null) {
            if (filter.honoraryCitizenIds().isEmpty()) {
                return Listing.EMPTY;
            }
            where.append(" and exists (select 1 from p.honoraryCitizenIds h where h in :citizens)");
            params.put("citizens", filter.honoraryCitizenIds());
        }
        if (filter.awardId() != null) {
            where.append(" and exists (select 1 from p.awardIds a where a = :award)");
            params.put("award", filter.awardId());
        }
        if (filter.tag() != null) {
            where.append(" and exists (select 1 from p.tags t where lower(t) = :tag)");
            params.put("tag", filter.tag().toLowerCase(Locale.ROOT));
        }
        if (filter.indexableOnly()) {
            where.append(" and p.seo.noindex = false");
        }
        if (filter.publishedAfter() != null) {
            where.append(" and p.publishedAt >= :after");
            params.put("after", filter.publishedAfter());
        }
        if (filter.updatedAfter() != null) {
            where.append(" and p.updatedAt > :updatedAfter");
            params.put("updatedAfter", filter.updatedAfter());
        }
        if (filter.publishedBefore() != null) {
            where.append(" and p.publishedAt < :before");
            params.put("before", filter.publishedBefore());
        }
        if (filter.lang() != null) {
            where.append(" and (lower(p.lang) = :lang or lower(p.lang) like :langPrefix)");
            params.put("lang", filter.lang().toLowerCase(Locale.ROOT));
            params.put("langPrefix", filter.lang().toLowerCase(Locale.ROOT) + "-%");
        }

        TypedQuery<Long> count = getEntityManager().createQuery("select count(p)" + where, Long.class);
        params.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (total == 0 || page.offset() >= total) {
            return new Listing(List.of(), total, null);
        }
        where.append(keyset);
        params.putAll(keysetParams);
        TypedQuery<Row> rows = getEntityManager()
                .createQuery(
                        "select new org.tribune.post.PostRepository$Row(p.id, p.slug, p.title, p.excerpt, p.excerptTruncated, p.status, p.publishedAt, p.lang, p.authorId, p.featuredMediaId, p.updatedAt, p.sortTitle)"
                                + where + sort.toHql(SORT_PATHS, "p.id"),
                        Row.class);
        params.forEach(rows::setParameter);
        rows.setFirstResult(page.offset());
        rows.setMaxResults(page.fetchSize());
        PageRequest.Slice<Row> slice = page.slice(rows.getResultList(), r -> sort.cursorAt(r::sortValue, r.id()));
        return new Listing(slice.items(), total, slice.next());
    }

    /** The listing rows of these posts, in no particular order; those that no longer exist are absent. */
    List<Row> rows(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select new org.tribune.post.PostRepository$Row(p.id, p.slug, p.title, p.excerpt, p.excerptTruncated, p.status, p.publishedAt, p.lang, p.authorId, p.featuredMediaId, p.updatedAt, p.sortTitle)"
                                + " from Post p where p.id in :ids",
                        Row.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** Category ids of many posts in one statement. */
    Map<UUID, Set<UUID>> categoryIdsOf(Collection<UUID> postIds) {
        return grouped(
                "select p.id, c from Post p join p.categoryIds c where p.id in :ids",
                postIds,
                UUID.class,
                LinkedHashSet::new);
    }

    /** Tags of many posts in one statement, in their stored order. */
    /** (id, slug, publishedAt, updatedAt) of every public post search engines may list, for the sitemap. */
    List<Object[]> indexable(Instant now) {
        Map<String, Object> params = new HashMap<>();
        bindPublic(params::put, now);
        var query = getEntityManager()
                .createQuery(
                        "select p.id, p.slug, p.publishedAt, p.updatedAt from Post p where p.deletedAt is null" + PUBLIC
                                + " and p.seo.noindex = false",
                        Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The content of each post, for lists that carry it. */
    Map<UUID, String> contentsOf(Collection<UUID> postIds) {
        Map<UUID, String> contents = new HashMap<>();
        if (!postIds.isEmpty()) {
            getEntityManager()
                    .createQuery("select p.id, p.content from Post p where p.id in :ids", Object[].class)
                    .setParameter("ids", postIds)
                    .getResultList()
                    .forEach(r -> contents.put((UUID) r[0], (String) r[1]));
        }
        return contents;
    }

    Map<UUID, List<String>> tagsOf(Collection<UUID> postIds) {
        return grouped(
                "select p.id, t from Post p join p.tags t where p.id in :ids order by p.id, index(t)",
                postIds,
                String.class,
                ArrayList::new);
    }

    Map<UUID, Set<UUID>> honoraryCitizenIdsOf(Collection<UUID> postIds) {
        return grouped(
                "select p.id, h from Post p join p.honoraryCitizenIds h where p.id in :ids order by p.id, index(h)",
                postIds,
                UUID.class,
                LinkedHashSet::new);
    }

    Map<UUID, Set<UUID>> awardIdsOf(Collection<UUID> postIds) {
        return grouped(
                "select p.id, a from Post p join p.awardIds a where p.id in :ids order by p.id, index(a)",
                postIds,
                UUID.class,
                LinkedHashSet::new);
    }

    /** Posts linked to each record, newest first, as (record id, post) pairs in one statement. */
    List<Object[]> linkedTo(String collection, Collection<UUID> recordIds, boolean publicOnly, Instant now) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        String visible = publicOnly ? PUBLIC : "";
        var query = getEntityManager()
                .createQuery(
                        "select r, p from Post p join p." + collection + " r where r in :ids"
                                + " and p.deletedAt is null" + visible + " order by p.publishedAt desc, p.id desc",
                        Object[].class)
                .setParameter("ids", recordIds);
        if (publicOnly) {
            bindPublic(query::setParameter, now);
        }
        return query.getResultList();
    }

    /** Locks what is due for purging; another instance purging at once waits, then skips what is gone. */
    List<Post> lockTrashedBefore(Instant cutoff) {
        return find("deletedAt < ?1 order by id", cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    int nextRevisionNumber(UUID postId) {
        Integer max = getEntityManager()
                .createQuery("select max(r.number) from PostRevision r where r.postId = :id", Integer.class)
                .setParameter("id", postId)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    Optional<PostRevision> lastRevision(UUID postId) {
        return getEntityManager()
                .createQuery("from PostRevision r where r.postId = :id order by r.number desc", PostRevision.class)
                .setParameter("id", postId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    List<Post> linkedPosts(String collection, UUID recordId) {
        return list("select p from Post p join p." + collection + " r where r = ?1", recordId);
    }

    /** Gallery media ids of many posts in one statement, in their order. */
    Map<UUID, List<UUID>> galleriesOf(Collection<UUID> postIds) {
        return grouped(
                "select p.id, g from Post p join p.gallery g where p.id in :ids order by p.id, index(g)",
                postIds,
                UUID.class,
                ArrayList::new);
    }

    /** "'Title' (id)" for each post that shows the media, as featured media or in its gallery. */
    List<String> describeUsersOf(UUID mediaId) {
        return getEntityManager()
                .createQuery(
                        "select distinct p.title, p.id from Post p left join p.gallery g"
                                + " where p.featuredMediaId = :m or g = :m or p.seo.image = :m order by p.title",
                        Object[].class)
                .setParameter("m", mediaId)
                .getResultList()
                .stream()
                .map(r -> "'" + r[0] + "' (" + r[1] + ")")
                .toList();
    }

    /** Posts, trashed ones included, that show a media item as featured, in their gallery or when shared. */
    List<UUID> showing(UUID mediaId) {
        return getEntityManager()
                .createQuery(
                        "select distinct p.id from Post p left join p.gallery g"
                                + " where p.featuredMediaId = ?1 or g = ?1 or p.seo.image = ?1",
                        UUID.class)
                .setParameter(1, mediaId)
                .getResultList();
    }

    /** Runs a query of (post id, value) pairs and groups the values by post. */
    private <V, C extends Collection<V>> Map<UUID, C> grouped(
            String pairsQuery, Collection<UUID> postIds, Class<V> valueType, Supplier<C> newCollection) {
        Map<UUID, C> result = new HashMap<>();
        if (postIds.isEmpty()) {
            return result;
        }
        List<Object[]> pairs = getEntityManager()
                .createQuery(pairsQuery, Object[].class)
                .setParameter("ids", postIds)
                .getResultList();
        for (Object[] pair : pairs) {
            result.computeIfAbsent((UUID) pair[0], k -> newCollection.get()).add(valueType.cast(pair[1]));
        }
        return result;
    }

    /** The first publication time after {@code now} of a post that will then be public (ix_post_status_published). */
    Optional<Instant> nextPublicationAfter(Instant now) {
        return Optional.ofNullable(getEntityManager()
                .createQuery(
                        "select min(p.publishedAt) from Post p where p.status in :visible and p.publishedAt > :now"
                                + " and p.deletedAt is null",
                        Instant.class)
                .setParameter("visible", List.of(PostStatus.published, PostStatus.scheduled))
                .setParameter("now", now)
                .getSingleResult());
    }

    /**
     * Posts that went public by themselves in ({@code from}, {@code fromId}) .. {@code until}, ordered by that time,
     * then id.
     */
    List<Post> publishedByTime(Instant from, UUID fromId, Instant until, int limit) {
        return getEntityManager()
                .createQuery(
                        "select p from Post p where" + PUBLISHED_BY_TIME
                                + " and (p.publishedAt > :from or (p.publishedAt = :from and p.id > :fromId))"
                                + " order by p.publishedAt, p.id",
                        Post.class)
                .setParameter("visible", List.of(PostStatus.published, PostStatus.scheduled))
                .setParameter("from", from)
                .setParameter("fromId", fromId)
                .setParameter("until", until)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The last post that went public by itself at or before {@code until}. */
    Optional<Post> lastPublishedByTime(Instant until) {
        return getEntityManager()
                .createQuery(
                        "select p from Post p where" + PUBLISHED_BY_TIME + " order by p.publishedAt desc, p.id desc",
                        Post.class)
                .setParameter("visible", List.of(PostStatus.published, PostStatus.scheduled))
                .setParameter("until", until)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Public by now, its publication time set before it came: at that time, nothing but the time made it public. */
    private static final String PUBLISHED_BY_TIME = " p.publishedByTime = true and p.publishedAt <= :until"
            + " and p.status in :visible and p.deletedAt is null";

    /** Public posts only: a category's postCount is the same for every reader, so it can be cached. */
    Map<UUID, Long> countByCategory(Collection<UUID> categoryIds, Instant now) {
        Map<UUID, Long> result = new HashMap<>();
        if (categoryIds.isEmpty()) {
            return result;
        }
        var query = getEntityManager()
                .createQuery(
                        "select c, count(p) from Post p join p.categoryIds c where c in :ids and p.deletedAt is null"
                                + PUBLIC + " group by c",
                        Object[].class)
                .setParameter("ids", categoryIds);
        bindPublic(query::setParameter, now);
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            result.put((UUID) row[0], (Long) row[1]);
        }
        return result;
    }

    /** Two statements however many posts are in the category. */
    long countByAuthor(UUID authorId) {
        return count("authorId", authorId);
    }

    /** Posts whose featured photo it is: related posts show that one only. */
    List<UUID> featuring(UUID mediaId) {
        return ids("select p.id from Post p where p.featuredMediaId = ?1", mediaId);
    }

    List<UUID> aboutHonoraryCitizen(UUID citizenId) {
        return ids("select p.id from Post p join p.honoraryCitizenIds c where c = ?1", citizenId);
    }

    List<UUID> aboutAwards(Collection<UUID> awardIds) {
        return awardIds.isEmpty()
                ? List.of()
                : ids("select distinct p.id from Post p join p.awardIds a where a in ?1", awardIds);
    }

    /** The honorary citizens these posts are about. */
    List<UUID> honoraryCitizensOf(Collection<UUID> postIds) {
        return postIds.isEmpty()
                ? List.of()
                : ids("select distinct c from Post p join p.honoraryCitizenIds c where p.id in ?1", postIds);
    }

    /** The awards these posts are about. */
    List<UUID> awardsOf(Collection<UUID> postIds) {
        return postIds.isEmpty()
                ? List.of()
                : ids("select distinct a from Post p join p.awardIds a where p.id in ?1", postIds);
    }

    private List<UUID> ids(String hql, Object parameter) {
        return getEntityManager()
                .createQuery(hql, UUID.class)
                .setParameter(1, parameter)
                .getResultList();
    }

    /** Moves each affected post's version and updatedAt, so that cached ETags of those posts expire. */
    List<UUID> authoredBy(UUID accountId) {
        return getEntityManager()
                .createQuery("select p.id from Post p where p.authorId = ?1", UUID.class)
                .setParameter(1, accountId)
                .getResultList();
    }

    /** Every post out of the trash. */
    List<UUID> allIds() {
        return getEntityManager()
                .createQuery("select p.id from Post p where p.deletedAt is null", UUID.class)
                .getResultList();
    }

    List<UUID> filedIn(UUID categoryId) {
        return getEntityManager()
                .createQuery("select p.id from Post p join p.categoryIds c where c = ?1", UUID.class)
                .setParameter(1, categoryId)
                .getResultList();
    }

    /** A post's revisions, newest first, one page at a time: a long-edited post has hundreds. */
    private static final Sortable REVISION_SORTING = Sortable.of("number", "-number");

    private static final SortOrder NEWEST_REVISION_FIRST = REVISION_SORTING.parse(null);
    private static final Map<String, String> REVISION_PATHS = REVISION_SORTING.paths(Map.of("number", "r.number"));

    public PageRequest.Slice<PostRevision> revisions(UUID postId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", postId);
        String keyset = NEWEST_REVISION_FIRST.after(page, REVISION_PATHS, "r.id", params);
        TypedQuery<PostRevision> query = getEntityManager()
                .createQuery(
                        "from PostRevision r where r.postId = :id" + keyset
                                + NEWEST_REVISION_FIRST.toHql(REVISION_PATHS, "r.id"),
                        PostRevision.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.fetchSize());
        params.forEach(query::setParameter);
        return page.slice(query.getResultList(), r -> NEWEST_REVISION_FIRST.cursorAt(key -> r.number, r.id));
    }

    public long revisionCount(UUID postId) {
        return getEntityManager()
                .createQuery("select count(r) from PostRevision r where r.postId = :id", Long.class)
                .setParameter("id", postId)
                .getSingleResult();
    }
}

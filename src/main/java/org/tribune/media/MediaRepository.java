package org.tribune.media;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tribune.persistence.Keyset;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.SortOrder;

@ApplicationScoped
public class MediaRepository implements PanacheRepositoryBase<Media, UUID> {

    static final Map<String, String> SORT_PATHS = MediaService.SORTING.paths(Map.of("createdAt", "m.createdAt"));

    record Listing(List<Media> items, long total, String next) {}

    /** Count, then the page's ids, then those items with their renditions in one statement. */
    Listing list(String kind, List<String> words, Instant updatedAfter, SortOrder sort, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Parameters params = new Parameters();
        if (kind != null) {
            where.append(" and m.kind = :kind");
            params.and("kind", kind);
        }
        if (updatedAfter != null) {
            where.append(" and m.updatedAt > :updatedAfter");
            params.and("updatedAfter", updatedAfter);
        }
        for (int i = 0; i < words.size(); i++) {
            where.append(" and m.searchText like :w").append(i);
            params.and("w" + i, "%" + words.get(i) + "%");
        }
        var em = getEntityManager();
        var count = em.createQuery("select count(m) from Media m" + where, Long.class);
        params.map().forEach(count::setParameter);
        long total = count.getSingleResult();
        Map<String, Object> keysetParams = new HashMap<>(params.map());
        String keyset = sort.after(page, SORT_PATHS, "m.id", keysetParams);
        var ids = em.createQuery(
                "select m.id from Media m" + where + keyset + sort.toHql(SORT_PATHS, "m.id"), UUID.class);
        keysetParams.forEach(ids::setParameter);
        ids.setFirstResult(page.offset());
        ids.setMaxResults(page.fetchSize());
        List<UUID> pageIds = ids.getResultList();
        Map<UUID, Media> byId = withRenditions(pageIds);
        PageRequest.Slice<Media> slice = page.slice(
                pageIds.stream().map(byId::get).toList(),
                m -> sort.cursorAt(key -> Keyset.field(m, SORT_PATHS.get(key)), m.id));
        return new Listing(slice.items(), total, slice.next());
    }

    /** The media with their renditions, in one statement. */
    Map<UUID, Media> withRenditions(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Media> found = getEntityManager()
                .createQuery(
                        "select distinct m from Media m left join fetch m.renditions where m.id in :ids", Media.class)
                .setParameter("ids", ids)
                .getResultList();
        Map<UUID, Media> byId = new HashMap<>();
        found.forEach(m -> byId.put(m.id, m));
        return byId;
    }

    List<UUID> existingIds(Collection<UUID> ids) {
        return ids.isEmpty()
                ? List.of()
                : getEntityManager()
                        .createQuery("select m.id from Media m where m.id in :ids", UUID.class)
                        .setParameter("ids", ids)
                        .getResultList();
    }

    long countByUploader(UUID accountId) {
        return count("uploadedBy", accountId);
    }

    List<UUID> uploadedBy(UUID accountId) {
        return getEntityManager()
                .createQuery("select m.id from Media m where m.uploadedBy = ?1", UUID.class)
                .setParameter(1, accountId)
                .getResultList();
    }

    /** Images made with an older set of renditions that no instance holds, oldest first. */
    List<UUID> dueForRenditions(int set, Instant now, int limit) {
        return getEntityManager()
                .createQuery(
                        "select m.id from Media m where m.kind = 'image' and m.renditionSet < :set"
                                + " and (m.renderingUntil is null or m.renderingUntil < :now) order by m.createdAt, m.id",
                        UUID.class)
                .setParameter("set", set)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Takes an image for this instance until the given time, in one conditional statement: of two instances that
     * race for it, the database lets one through.
     */
    boolean claimForRenditions(UUID id, int set, Instant now, Instant until) {
        return getEntityManager()
                        .createQuery(
                                "update Media m set m.renderingUntil = :until where m.id = :id"
                                        + " and m.renditionSet < :set and (m.renderingUntil is null or m.renderingUntil < :now)")
                        .setParameter("until", until)
                        .setParameter("id", id)
                        .setParameter("set", set)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    void holdForRenditions(UUID id, Instant until) {
        getEntityManager()
                .createQuery("update Media m set m.renderingUntil = :until where m.id = :id")
                .setParameter("until", until)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** Counts the images still waiting for the current renditions, for the metrics. */
    long countDueForRenditions(int set) {
        return count("kind = 'image' and renditionSet < ?1", set);
    }
}

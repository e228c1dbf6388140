package org.tribune.category;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.tribune.persistence.Keyset;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.SortOrder;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, UUID> {

    /** Columns of the SQL page joined to the counts. */
    static final Map<String, String> SORT_COLUMNS =
            CategoryService.SORTING.paths(Map.of("name", "c.sort_name", "postCount", "coalesce(n.item_count, 0)"));

    /** Paths of the plain HQL page, for a sort without postCount. */
    private static final Map<String, String> NAME_COLUMNS = Map.of("name", "c.sortName");

    public Optional<Category> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public boolean slugTaken(String slug, UUID exceptId) {
        return count("slug = :slug and id <> :id", Parameters.with("slug", slug).and("id", orNil(exceptId))) > 0;
    }

    public boolean nameTaken(String nameKey, UUID exceptId) {
        return count(
                        "nameKey = :key and id <> :id",
                        Parameters.with("key", nameKey).and("id", orNil(exceptId)))
                > 0;
    }

    record Listing(List<Category> items, Map<UUID, Long> counts, long total, String next) {}

    /**
     * A page in three statements whatever the sort: the total, the page, and the page's counts. Sorted by name, the
     * page is a plain query and the counts are asked for its categories only; sorted by count, the page is joined to
     * the counts of every category (what the usage's SQL gives), which costs more and is only paid for then.
     */
    Listing list(CategoryQuery query, SortOrder sort, PageRequest page, CategoryUsage usage) {
        UUID parentId = query.parent();
        boolean topLevelOnly = query.topLevelOnly();
        String where =
                topLevelOnly ? " where c.parent_id is null" : parentId != null ? " where c.parent_id = :parent" : "";
        if (query.updatedAfter() != null) {
            where += (where.isEmpty() ? " where" : " and") + " c.updated_at > :updatedAfter";
        }
        Query total = getEntityManager().createNativeQuery("select count(*) from category c" + where);
        if (parentId != null && !topLevelOnly) {
            total.setParameter("parent", parentId);
        }
        if (query.updatedAfter() != null) {
            total.setParameter("updatedAfter", query.updatedAfter());
        }
        long count = ((Number) total.getSingleResult()).longValue();
        if (!sort.uses("postCount")) {
            Parameters params = new Parameters();
            String hql =
                    topLevelOnly ? " where c.parentId is null" : parentId != null ? " where c.parentId = :parent" : "";
            if (parentId != null && !topLevelOnly) {
                params.and("parent", parentId);
            }
            if (query.updatedAfter() != null) {
                hql += (hql.isEmpty() ? " where" : " and") + " c.updatedAt > :updatedAfter";
                params.and("updatedAfter", query.updatedAfter());
            }
            PageRequest.Slice<Category> slice = Keyset.page(
                    this,
                    "from Category c" + (hql.isEmpty() ? " where 1 = 1" : hql),
                    params,
                    sort,
                    NAME_COLUMNS,
                    "c.id",
                    page);
            Map<UUID, Long> counts =
                    usage.countByCategory(slice.items().stream().map(c -> c.id).toList());
            return new Listing(slice.items(), counts, count, slice.next());
        }
        Map<String, Object> keysetParams = new HashMap<>();
        String keyset = sort.after(page, SORT_COLUMNS, "c.id", keysetParams);
        CategoryUsage.CountSql counts = usage.countSql();
        NativeQuery<?> ids = getEntityManager()
                .createNativeQuery(
                        "select c.id as id, coalesce(n.item_count, 0) as item_count from category c left join ("
                                + counts.sql() + ") n on n.category_id = c.id"
                                + (where.isEmpty() ? " where 1 = 1" : where) + keyset
                                + sort.toHql(SORT_COLUMNS, "c.id"))
                .unwrap(NativeQuery.class)
                .addScalar("id", UUID.class)
                .addScalar("item_count", Long.class);
        ids.setFirstResult(page.offset());
        ids.setMaxResults(page.fetchSize());
        keysetParams.forEach(ids::setParameter);
        if (parentId != null && !topLevelOnly) {
            ids.setParameter("parent", parentId);
        }
        if (query.updatedAfter() != null) {
            ids.setParameter("updatedAfter", query.updatedAfter());
        }
        counts.parameters().forEach(ids::setParameter);
        Map<UUID, Long> pageCounts = new LinkedHashMap<>();
        for (Object row : ids.getResultList()) {
            Object[] r = (Object[]) row;
            pageCounts.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        Map<UUID, Category> found = new HashMap<>();
        findByIds(pageCounts.keySet()).forEach(c -> found.put(c.id, c));
        PageRequest.Slice<Category> slice = page.slice(
                pageCounts.keySet().stream().map(found::get).toList(),
                c -> sort.cursorAt(key -> key.equals("postCount") ? pageCounts.get(c.id) : c.sortName, c.id));
        return new Listing(slice.items(), pageCounts, count, slice.next());
    }

    public List<Category> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Only what a reference shows: no entity is loaded, which made up a third of a search's own time. */
    public List<CategoryRef> refsByIds(Collection<UUID> ids) {
        return ids.isEmpty()
                ? List.of()
                : getEntityManager()
                        .createQuery(
                                "select new org.tribune.category.CategoryRef(c.id, c.slug, c.name)"
                                        + " from Category c where c.id in :ids",
                                CategoryRef.class)
                        .setParameter("ids", ids)
                        .getResultList();
    }

    public List<Category> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    public List<Category> children(UUID parentId) {
        return list("parentId", parentId);
    }

    private static UUID orNil(UUID id) {
        return id == null ? new UUID(0, 0) : id;
    }

    List<UUID> allIds() {
        return getEntityManager()
                .createQuery("select e.id from Category e", UUID.class)
                .getResultList();
    }

    /** The categories shared with this media item. */
    List<UUID> sharing(UUID mediaId) {
        return getEntityManager()
                .createQuery("select c.id from Category c where c.seo.image = ?1", UUID.class)
                .setParameter(1, mediaId)
                .getResultList();
    }
}

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
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.SortOrder;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, UUID> {

    static final Map<String, String> SORT_COLUMNS =
            CategoryService.SORTING.paths(Map.of("name", "c.sort_name", "postCount", "coalesce(n.item_count, 0)"));

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

    record Listing(List<Category> items, Map<UUID, Long> counts, long total) {}

    /**
     * A page in three statements whatever the sort: the total, the page's ids with their counts (sorted and paged
     * in SQL, joined to the counts the usage gives), and those categories.
     */
    Listing list(CategoryQuery query, SortOrder sort, PageRequest page, CategoryUsage.CountSql counts) {
        UUID parentId = query.parent();
        boolean topLevelOnly = query.topLevelOnly();
        String where =
                topLevelOnly ? " where c.parent_id is null" : parentId != null ? " where c.parent_id = :parent" : "";
        Query total = getEntityManager().createNativeQuery("select count(*) from category c" + where);
        NativeQuery<?> ids = getEntityManager()
                .createNativeQuery(
                        "select c.id as id, coalesce(n.item_count, 0) as item_count from category c left join ("
                                + counts.sql() + ") n on n.category_id = c.id" + where
                                + sort.toHql(SORT_COLUMNS, "c.id"))
                .unwrap(NativeQuery.class)
                .addScalar("id", UUID.class)
                .addScalar("item_count", Long.class);
        ids.setFirstResult(page.offset());
        ids.setMaxResults(page.size());
        if (parentId != null && !topLevelOnly) {
            total.setParameter("parent", parentId);
            ids.setParameter("parent", parentId);
        }
        counts.parameters().forEach(ids::setParameter);
        Map<UUID, Long> pageCounts = new LinkedHashMap<>();
        for (Object row : ids.getResultList()) {
            Object[] r = (Object[]) row;
            pageCounts.put((UUID) r[0], ((Number) r[1]).longValue());
        }
        Map<UUID, Category> found = new HashMap<>();
        findByIds(pageCounts.keySet()).forEach(c -> found.put(c.id, c));
        return new Listing(
                pageCounts.keySet().stream().map(found::get).toList(),
                pageCounts,
                ((Number) total.getSingleResult()).longValue());
    }

    public List<Category> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
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
}
